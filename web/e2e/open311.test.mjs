// Open311 GeoReport v2 as an outside client sees it (issue 16): the city issues a partner system
// its api_key on the Open311 page; the partner, with nothing but HTTP, reads the services and a
// service definition, files a request the way the spec's examples do (form-encoded, attribute[…]),
// reads it back in JSON and in XML (parsed by a real XML parser), by id, token and date range, and
// gets the spec's error list for bad input. The request shows in the hotline's list like any other;
// revoking the key in the page stops the partner.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import {
  closeBrowser,
  expectText,
  loadConfig,
  loginFor,
  pickOption,
  signInThroughApi,
  uniqueSuffix,
  withPage,
} from './support.mjs';

after(closeBrowser);

const TEST_TIMEOUT = { timeout: 240_000 };

/** A GeoReport form body, as application/x-www-form-urlencoded. */
function form(fields) {
  return new URLSearchParams(fields).toString();
}

/** Parses XML with the browser's parser; fails on a document that is not well-formed. */
async function parseXml(page, text) {
  return page.evaluate((xml) => {
    const document = new DOMParser().parseFromString(xml, 'text/xml');
    if (document.getElementsByTagName('parsererror').length > 0)
      return { error: xml.slice(0, 200) };
    const root = document.documentElement;
    const records = [...root.children].map((element) =>
      Object.fromEntries([...element.children].map((child) => [child.tagName, child.textContent])),
    );
    return { root: root.tagName, records };
  }, text);
}

test(
  'a partner system files and reads requests through Open311 GeoReport v2 in JSON and XML, until its key is revoked',
  TEST_TIMEOUT,
  async (t) => {
    const config = await loadConfig();
    const base = `${config.baseUrl}/open311/v2`;
    const partnerName = `朝阳网格平台${uniqueSuffix()}`;
    let apiKey;
    let territory;

    // The city's administrator issues the key; it is shown once.
    await withPage(t, async (page) => {
      await signInThroughApi(page, loginFor(config, 'city'));
      await page.goto('/open311-partners');
      await expectText(page.locator('[data-test="open311-endpoint"]'), /\/open311\/v2\/$/);
      await page.locator('[data-test="open311-partner-add"]').click();
      const dialog = page.locator('[data-test="open311-partner-dialog"]');
      await dialog.locator('[data-test="open311-partner-name"]').fill(partnerName);
      await pickOption(page, 'open311-partner-org', '东城区');
      await dialog.locator('[data-test="open311-partner-submit"]').click();
      await dialog.waitFor({ state: 'hidden' });
      apiKey = (await page.locator('[data-test="open311-api-key"]').textContent()).trim();
      assert.match(apiKey, /^[A-Za-z0-9_-]{43}$/);
      await expectText(page.locator('[data-test="open311-partners"]'), new RegExp(partnerName));
      // The partner is told the ids of the communities it files for.
      const found = await page.request.get(
        `/api/v1/orgs?q=${encodeURIComponent('和平里社区')}&limit=20`,
      );
      territory = (await found.json()).items.find((item) => item.name === '和平里社区').id;
    });

    // Now only HTTP, as the partner's own system would do it.
    await withPage(t, async (page) => {
      const services = await fetch(`${base}/services.json`);
      assert.equal(services.status, 200);
      assert.match(services.headers.get('content-type'), /^application\/json/);
      const list = await services.json();
      const lift = list.find((service) => service.service_code === '07.01.01');
      assert.deepEqual(
        { name: lift.service_name, group: lift.group, metadata: lift.metadata, type: lift.type },
        { name: '电梯困人', group: '电梯', metadata: true, type: 'realtime' },
      );
      const servicesXml = await parseXml(page, await (await fetch(`${base}/services.xml`)).text());
      assert.equal(servicesXml.root, 'services');
      assert.equal(servicesXml.records.length, list.length);

      const definition = await (await fetch(`${base}/services/07.01.01.json`)).json();
      const required = definition.attributes
        .filter((attribute) => attribute.required)
        .map((a) => a.code);
      assert.deepEqual(required, ['LIFT_NO', 'TRAPPED']);

      // A required attribute missing: the spec's error list, and nothing filed.
      const fields = {
        api_key: apiKey,
        service_code: '07.01.01',
        address_id: String(territory),
        address_string: '和平里小区6号楼2单元',
        lat: '39.9512',
        long: '116.4238',
        description: '网格员报告：6号楼2单元电梯困人，一名住户被困。',
        first_name: '志明',
        last_name: '林',
        phone: '13812340000',
        'attribute[LIFT_NO]': '6号楼2单元',
      };
      const refused = await fetch(`${base}/requests.json`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: form(fields),
      });
      assert.equal(refused.status, 400);
      const [error] = await refused.json();
      assert.equal(error.code, 400);
      assert.match(error.description, /TRAPPED/);

      const posted = await fetch(`${base}/requests.xml`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: form({ ...fields, 'attribute[TRAPPED]': '1', account_id: 'grid-42' }),
      });
      assert.equal(posted.status, 201);
      const postedXml = await parseXml(page, await posted.text());
      assert.equal(postedXml.root, 'service_requests');
      const { service_request_id: id, token, account_id: accountId } = postedXml.records[0];
      assert.match(id, /^\d+$/);
      assert.equal(accountId, 'grid-42');

      const one = await (await fetch(`${base}/requests/${id}.json?api_key=${apiKey}`)).json();
      assert.equal(one[0].status, 'open');
      assert.equal(one[0].service_code, '07.01.01');
      assert.match(one[0].agency_responsible, /市场监管所/);
      assert.match(one[0].requested_datetime, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
      assert.ok(!JSON.stringify(one).includes('13812340000'), 'no resident phone in GeoReport');
      assert.ok(!JSON.stringify(one).includes('志明'), 'no resident name in GeoReport');
      const oneXml = await parseXml(
        page,
        await (await fetch(`${base}/requests/${id}.xml?api_key=${apiKey}`)).text(),
      );
      assert.equal(oneXml.records[0].service_request_id, id);
      assert.equal(oneXml.records[0].status, 'open');

      const byToken = await (await fetch(`${base}/tokens/${token}.json?api_key=${apiKey}`)).json();
      assert.equal(byToken[0].service_request_id, id);

      const today = new Date();
      const start = new Date(today.getTime() - 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');
      const end = new Date(today.getTime() + 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');
      const range = await fetch(
        `${base}/requests.json?api_key=${apiKey}&start_date=${start}&end_date=${end}&status=open&service_code=07.01.01`,
      );
      assert.equal(range.status, 200);
      assert.ok((await range.json()).some((request) => request.service_request_id === id));
      const tooLong = await fetch(
        `${base}/requests.json?api_key=${apiKey}&start_date=2026-01-01T00:00:00Z&end_date=2026-12-01T00:00:00Z`,
      );
      assert.equal(tooLong.status, 400);
      const badKey = await parseXml(
        page,
        await (await fetch(`${base}/requests.xml?api_key=nope`)).text(),
      );
      assert.equal(badKey.root, 'errors');
      assert.equal(badKey.records[0].code, '403');

      // The hotline sees it among the requests, taken by the partner's system.
      await signInThroughApi(page, loginFor(config, 'hotline'));
      await page.goto(`/requests/${id}`);
      await expectText(page.locator('[data-test="request-detail-owner"]'), /市场监管所/);
    });

    // The administrator revokes the key, with the reason; the partner is refused from then on.
    await withPage(t, async (page) => {
      await signInThroughApi(page, loginFor(config, 'city'));
      await page.goto('/open311-partners');
      const row = page
        .locator('[data-test="open311-partners"] tr')
        .filter({ hasText: partnerName });
      await row.locator('[data-test^="open311-revoke-"]').click();
      const dialog = page.locator('[data-test="open311-revoke-dialog"]');
      await dialog.locator('[data-test="open311-revoke-input"]').fill('对接方更换平台');
      await dialog.locator('[data-test="open311-revoke-submit"]').click();
      await dialog.waitFor({ state: 'hidden' });
      await expectText(row, /已吊销/);
      const refused = await fetch(`${base}/requests.json?api_key=${apiKey}`);
      assert.equal(refused.status, 403);
    });
  },
);
