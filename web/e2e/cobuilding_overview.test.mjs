// The co-building overview end to end: the street admin of 和平街道 opens 共建概览 from the menu and
// sees its street's figures, the ones the server counts; each figure it clicks (members and unit
// Party orgs reported, open needs, this year's hours) opens the list of its records, which counts
// as many. The city admin sees every street with the total, and a street's active agreements
// open a list of as many agreements, all in force.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import {
  callApi,
  closeBrowser,
  currentSession,
  expectPath,
  expectText,
  loginFor,
  signInThroughApi,
  withPage,
} from './support.mjs';

after(closeBrowser);

const TEST_TIMEOUT = { timeout: 120_000 };

/** A figure of the overview's table as it shows now ("120", "90.0"); `key` is an org id or total. */
function figure(page, name, key) {
  return expectText(page.locator(`[data-test="overview-${name}-${key}"]`), /^\d+(\.\d)?$/);
}

/** Opens 共建概览 from the menu and waits for its table of `org`. */
async function openOverview(page, org) {
  await page.locator('[data-test="menu-cobuild/overview"]').click();
  await expectPath(page, '/cobuild/overview');
  await expectText(page.locator('[data-test="overview-heading"]'), new RegExp(`^${org} · 截至 `));
}

/** Back from a figure's records to the overview, its figures loaded again. */
async function backToOverview(page, org) {
  await page.goBack();
  await expectPath(page, '/cobuild/overview');
  await expectText(page.locator('[data-test="overview-heading"]'), new RegExp(`^${org} · 截至 `));
}

/** Clicks a figure and waits for its records' page at `path` with `query`. */
async function drillDown(page, name, key, path, query) {
  await page.locator(`[data-test="overview-${name}-${key}"]`).click();
  await expectPath(page, path, query);
}

/** A China date `days` from today. */
function chinaDate(days = 0) {
  return new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The browser tests' demo city has no co-building activity: the street signs an agreement in force
 * for a year with one of its units and raises a need, so that those figures are there to open.
 */
async function seedStreet(page, street) {
  const units = await callApi(page, 'GET', `/units?q=${encodeURIComponent('和平科技有限公司')}`);
  const unit = units.items.find((item) => item.name === '和平科技有限公司');
  assert.ok(unit, JSON.stringify(units));
  await callApi(page, 'POST', '/agreements', {
    org_id: street.id,
    title: '和平街道与和平科技有限公司共驻共建协议（概览）',
    org_head: '王志刚',
    org_liaison: '赵敏',
    signed_on: chinaDate(),
    start_on: chinaDate(),
    end_on: chinaDate(365),
    parties: [{ unit_id: unit.id, head: '李明', liaison: '张华' }],
    commitments: [
      { kind: 'venue', description: '开放会议室供社区活动', quantity: 2, rhythm: 'monthly' },
    ],
  });
  await callApi(page, 'POST', '/needs', {
    org_id: street.id,
    need_kind: 'need',
    category: 'venue',
    title: '老年人棋牌活动需要场地（概览）',
    description: '每周两次，需要可容纳 30 人的活动室',
    beneficiaries: '社区老年人',
    beneficiary_count: 30,
    wanted_by: chinaDate(30),
  });
}

test('a street opens each of its figures and finds as many records', TEST_TIMEOUT, (t) =>
  withPage(t, async (page, config) => {
    await signInThroughApi(page, loginFor(config, 'street'));
    const { user } = await currentSession(page);
    const street = user.org;
    assert.equal(street.name, '和平街道');
    await seedStreet(page, street);
    await page.goto('/');
    await openOverview(page, street.name);

    // One row, the street's own, showing what the server counts; the demo has each of these.
    const rows = page.locator('[data-test="overview-table"] .el-table__body tbody tr');
    assert.equal(await rows.count(), 1);
    await expectText(rows.first().locator('[data-test="overview-org-name"]'), street.name);
    const counted = await callApi(page, 'GET', '/cobuilding-overview');
    const row = counted.rows.find((each) => each.org.id === street.id);
    assert.ok(row, JSON.stringify(counted));
    const shown = {};
    for (const name of [
      'agreements_active',
      'needs_open',
      'members_reported',
      'units_reported',
      'service_minutes',
    ]) {
      shown[name] = await figure(page, name, street.id);
      const expected = name === 'service_minutes' ? (row[name] / 60).toFixed(1) : String(row[name]);
      assert.equal(shown[name], expected, `${name} as the server counts it`);
      assert.ok(Number(shown[name]) > 0, `the demo street has ${name}`);
    }

    // The members reported: the roster's members tab counts as many.
    const org = String(street.id);
    await drillDown(page, 'members_reported', street.id, '/check-in/roster', {
      org,
      tab: 'members',
    });
    await expectText(
      page.locator('[data-test="check-in-members-tab"]'),
      `在职党员（${shown.members_reported}）`,
    );
    await page.locator('[data-test="member-check-in-table"] tbody tr').first().waitFor();
    await expectText(page.locator('[data-test="check-in-filter-org"]'), new RegExp(street.name));

    // The unit Party orgs reported: the roster's other tab.
    await backToOverview(page, street.name);
    await drillDown(page, 'units_reported', street.id, '/check-in/roster', { org, tab: 'units' });
    await expectText(
      page.locator('[data-test="check-in-units-tab"]'),
      `驻区单位党组织（${shown.units_reported}）`,
    );
    await page.locator('[data-test="unit-check-in-table"] tbody tr').first().waitFor();

    // The open needs, of both kinds.
    await backToOverview(page, street.name);
    await drillDown(page, 'needs_open', street.id, '/cobuild/needs', { org, status: 'open' });
    await expectText(page.locator('[data-test="need-total"]'), `共 ${shown.needs_open} 项需求`);
    const needStatuses = page.locator('[data-test="need-table"] [data-test="need-status"]');
    await needStatuses.first().waitFor();
    assert.deepEqual(
      [...new Set(await needStatuses.allTextContents())].map((text) => text.trim()),
      ['待对接'],
    );

    // This year's hours: the service-hours page adds up to the same.
    await backToOverview(page, street.name);
    await drillDown(page, 'service_minutes', street.id, '/check-in/service-hours', {
      org,
      year: String(counted.year),
    });
    await expectText(
      page.locator('[data-test="service-hours-total"]'),
      new RegExp(`^合计 ${shown.service_minutes.replace('.', '\\.')} 小时（\\d+ 条记录）$`),
    );
    await page.locator('[data-test="service-hours-table"] tbody tr').first().waitFor();
    await expectText(
      page.locator('[data-test="service-hours-filter-org"]'),
      new RegExp(street.name),
    );
  }),
);

test("the city sees every street and opens one's active agreements", TEST_TIMEOUT, (t) =>
  withPage(t, async (page, config) => {
    await signInThroughApi(page, loginFor(config, 'city'));
    const { user } = await currentSession(page);
    await page.goto('/');
    await openOverview(page, user.org.name);

    const counted = await callApi(page, 'GET', '/cobuilding-overview');
    assert.ok(counted.rows.length > 1, 'the demo city has several streets');
    await expectText(
      page.locator('[data-test="overview-total-label"]'),
      `合计（${counted.rows.length} 个街道）`,
    );
    const names = page.locator('[data-test="overview-table"] [data-test="overview-org-name"]');
    assert.deepEqual(
      (await names.allTextContents()).map((name) => name.trim()),
      counted.rows.slice(0, 50).map((row) => row.org.name),
    );
    assert.equal(
      await figure(page, 'agreements_active', 'total'),
      String(counted.total.agreements_active),
    );

    // The first street with active agreements: its list holds as many, each of them active.
    const street = counted.rows.find((row) => row.agreements_active > 0);
    assert.ok(street, 'a street of the demo city has active agreements');
    const active = await figure(page, 'agreements_active', street.org.id);
    assert.equal(active, String(street.agreements_active));
    await drillDown(page, 'agreements_active', street.org.id, '/cobuild/agreements', {
      org: String(street.org.id),
      state: 'active',
    });
    await expectText(page.locator('[data-test="agreement-total"]'), `共 ${active} 份协议`);
    await expectText(
      page.locator('[data-test="agreement-filter-org"]'),
      new RegExp(street.org.name),
    );
    const states = page.locator('[data-test="agreement-table"] [data-test="agreement-state"]');
    await states.first().waitFor();
    assert.deepEqual(
      [...new Set(await states.allTextContents())].map((text) => text.trim()),
      ['履行中'],
    );
  }),
);
