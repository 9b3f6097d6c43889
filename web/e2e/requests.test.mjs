// Residents' requests (接诉即办) end to end, as issue 16's "Done means" walks them: the 12345 hotline
// takes a request, the community it was routed to returns it naming the street, the street
// dispatches it to the police station serving it, which signs for it, contacts the resident,
// handles (a note with a photo as evidence) and replies; the hotline records the resident's rating, and the district's 三率 count it
// and drill down, through the police station, to the request itself; so do the street's, where the
// resident lives.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import {
  closeBrowser,
  expectPath,
  expectText,
  loginFor,
  pickOption,
  signInThroughApi,
  uniqueSuffix,
  withPage,
} from './support.mjs';

const EVIDENCE = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');

after(closeBrowser);

const TEST_TIMEOUT = { timeout: 240_000 };
// A community's leaf of the shipped catalogue (general: 7 days).
const LEAF = '物业管理 / 物业服务 / 物业服务质量差';

/** The China month of now, YYYY-MM. */
function chinaMonth() {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
}

/** Opens the request from a queue of the user's org (the tab `queue`), by its title. */
async function openFromQueue(page, queue, title) {
  await page.goto(`/requests?queue=${queue}`);
  const link = page.locator('[data-test="request-link"]').filter({ hasText: title });
  await link.first().click();
  await page.locator('[data-test="request-timeline"]').waitFor();
}

/** Opens the action dialog `action` of the detail page and returns it. */
async function openAction(page, action) {
  await page.locator(`[data-test="request-open-${action}"]`).click();
  const dialog = page.locator(`[data-test="request-${action}-dialog"]`).first();
  await dialog.locator('.el-form-item').first().waitFor();
  return dialog;
}

/** Picks an owner by name in the dispatch or return dialog. */
async function pickOwner(page, dialog, action, name) {
  await dialog.locator(`[data-test="request-${action}-owner"]`).click();
  await page
    .locator(`.request-${action}-owner-popper .el-select-dropdown__item`)
    .filter({ hasText: name })
    .first()
    .click();
}

async function submit(page, dialog, action) {
  await dialog.locator(`[data-test="request-${action}-submit"]`).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.waitForLoadState('networkidle');
}

async function stepKinds(page) {
  return (await page.locator('[data-test="request-step-kind"]').allTextContents()).map((text) =>
    text.trim(),
  );
}

test(
  'a hotline request goes from the community back to the street, to the police station and back to the resident, and the 三率 drill down to it',
  TEST_TIMEOUT,
  async (t) => {
    const title = `小区物业不清运楼道垃圾${uniqueSuffix()}`;
    let requestPath;

    // The operator takes it: the leaf routes it to the community of the territory.
    await withPage(t, async (page, config) => {
      await signInThroughApi(page, loginFor(config, 'hotline'));
      await page.goto('/requests/new');
      await pickOption(page, 'request-category', '物业服务质量', LEAF);
      await pickOption(page, 'request-territory', '和平里社区');
      await expectText(page.locator('[data-test="request-route"]'), /将派往：和平里社区/);
      await expectText(page.locator('[data-test="request-sla"]'), /办结 7 天/);
      await page.locator('[data-test="request-title"]').fill(title);
      await page
        .locator('[data-test="request-description"]')
        .fill('来电人反映：楼道垃圾堆放一周无人清运，希望尽快处理。');
      await page.locator('[data-test="request-address"]').fill('和平里小区3号楼');
      await page.locator('[data-test="request-resident-name"]').fill('王秀英');
      await page.locator('[data-test="request-resident-phone"]').fill('13812345678');
      await page.locator('[data-test="request-submit"]').click();
      await page.waitForURL(/\/requests\/\d+$/);
      requestPath = new URL(page.url()).pathname;
      await expectText(page.locator('[data-test="request-detail-owner"]'), '和平里社区');
      await expectText(page.locator('[data-test="request-resident"]'), /王\*\* 138\*\*\*\*5678/);
      assert.deepEqual(await stepKinds(page), ['受理', '派单']);
    });

    // The community finds it to sign for and returns it, naming the street.
    await withPage(t, async (page, config) => {
      await signInThroughApi(page, loginFor(config, 'community'));
      await openFromQueue(page, 'to_sign', title);
      assert.equal(new URL(page.url()).pathname, requestPath);
      const dialog = await openAction(page, 'return');
      await expectText(dialog.locator('[data-test="request-return-hint"]'), /不归我们管/);
      await pickOwner(page, dialog, 'return', '和平街道');
      await dialog.locator('[data-test="request-return-text"]').fill('属于街道统筹的环境整治');
      await submit(page, dialog, 'return');
      await expectText(page.locator('[data-test="request-detail-owner"]'), '和平街道');
    });

    // The street has it among its returned ones, signs for it and dispatches it to the police.
    await withPage(t, async (page, config) => {
      await signInThroughApi(page, loginFor(config, 'street'));
      await openFromQueue(page, 'returned', title);
      await page.locator('[data-test="request-sign"]').click();
      await page.locator('[data-test="request-open-note"]').waitFor();
      const dialog = await openAction(page, 'dispatch');
      await pickOwner(page, dialog, 'dispatch', '和平派出所');
      await dialog.locator('[data-test="request-dispatch-text"]').fill('请派出所协调处理');
      await submit(page, dialog, 'dispatch');
      await expectText(page.locator('[data-test="request-detail-owner"]'), '和平派出所');
    });

    // The police station signs for it, calls the resident, notes its work and replies.
    await withPage(t, async (page, config) => {
      await signInThroughApi(page, loginFor(config, 'agency'));
      await openFromQueue(page, 'to_sign', title);
      await page.locator('[data-test="request-sign"]').click();
      await page.locator('[data-test="request-open-contact"]').waitFor();
      await page.locator('[data-test="request-show-resident"]').click();
      await expectText(page.locator('[data-test="request-resident"]'), /王秀英 13812345678/);
      for (const [action, text] of [
        ['contact', '已电话联系王女士，约定次日上门'],
        ['note', '联合物业清运楼道垃圾'],
        ['reply', '垃圾已清运，物业承诺每日巡查'],
      ]) {
        const dialog = await openAction(page, action);
        await dialog.locator(`[data-test="request-${action}-text"]`).fill(text);
        if (action === 'note') {
          // 处置佐证: the photo goes up first, and the note names it.
          await dialog
            .locator('[data-test="evidence-input"]')
            .setInputFiles({ name: '清运现场.pdf', mimeType: 'application/pdf', buffer: EVIDENCE });
          await expectText(dialog.locator('[data-test="evidence-chosen"]'), /清运现场\.pdf/);
        }
        await submit(page, dialog, action);
      }
      await expectText(page.locator('[data-test="request-reply"]'), '垃圾已清运，物业承诺每日巡查');
      await expectText(page.locator('[data-test="request-state"]'), '待回访');
    });

    // The hotline calls back and records the resident's rating.
    await withPage(t, async (page, config) => {
      await signInThroughApi(page, loginFor(config, 'hotline'));
      await openFromQueue(page, 'to_rate', title);
      const dialog = await openAction(page, 'rating');
      await dialog.locator('[data-test="request-rating-satisfied"]').click();
      await dialog.locator('[data-test="request-rating-resolved-yes"]').click();
      await dialog.locator('[data-test="request-rating-text"]').fill('居民表示满意');
      await submit(page, dialog, 'rating');
      await expectText(page.locator('[data-test="request-state"]'), '已办结');
      await expectText(page.locator('[data-test="request-satisfaction"]'), /满意 · 已解决/);
      assert.deepEqual(await stepKinds(page), [
        '受理',
        '派单',
        '退回',
        '签收',
        '派单',
        '签收',
        '首次联系',
        '办理记录',
        '答复',
        '回访评价',
      ]);
      // The note's evidence is on its step, and the first receiver downloads it.
      const link = page
        .locator('[data-test="request-step"]', { hasText: '联合物业清运楼道垃圾' })
        .locator('[data-test="attachment-link"]');
      await expectText(link, '清运现场.pdf');
      const href = await link.getAttribute('href');
      const download = await page.evaluate(async (url) => {
        const response = await fetch(url);
        return { status: response.status, body: await response.text() };
      }, href);
      assert.equal(download.status, 200);
      assert.equal(download.body, EVIDENCE.toString());
    });

    // The district's 三率 count it under the police station, and drill down to it.
    await withPage(t, async (page, config) => {
      await signInThroughApi(page, loginFor(config, 'district'));
      const month = chinaMonth();
      await page.goto(`/request-rates?month=${month}`);
      await page.locator('[data-test="request-rate-satisfaction"]').waitFor();
      const received = Number(
        await page.locator('[data-test="request-count-received"] .count-value').textContent(),
      );
      assert.ok(received >= 1, `the district received ${received}`);
      await page
        .locator('[data-test="request-rates-child"]')
        .filter({ hasText: '和平派出所' })
        .click();
      await expectText(page.locator('[data-test="request-rates-title"]'), `和平派出所 · ${month}`);
      await expectText(page.locator('[data-test="request-rate-satisfaction"]'), /%$/);
      await page.locator('[data-test="request-count-returned"]').click();
      await page.waitForURL((url) => url.pathname === '/requests');
      const drill = new URL(page.url()).searchParams;
      assert.equal(drill.get('measure'), 'returned');
      assert.equal(drill.get('month'), month);
      await expectText(page.locator('[data-test="request-drill"]'), /和平派出所.*被退回/);
      const link = page.locator('[data-test="request-link"]').filter({ hasText: title });
      await link.first().click();
      await expectPath(page, requestPath);
      await expectText(page.locator('[data-test="request-detail-owner"]'), '和平派出所');
    });

    // The street's 三率 keep it too, though the police station handled it: its resident asked.
    await withPage(t, async (page, config) => {
      await signInThroughApi(page, loginFor(config, 'street'));
      const month = chinaMonth();
      await page.goto(`/request-rates?month=${month}`);
      await expectText(page.locator('[data-test="request-rates-title"]'), `和平街道 · ${month}`);
      await page.locator('[data-test="request-count-satisfied"]').click();
      await page.waitForURL((url) => url.pathname === '/requests');
      assert.equal(new URL(page.url()).searchParams.get('measure'), 'satisfied');
      const link = page.locator('[data-test="request-link"]').filter({ hasText: title });
      await link.first().click();
      await expectPath(page, requestPath);
    });
  },
);

/** Fails unless neither the page nor the main area scrolls sideways. */
async function assertNoSidewaysScroll(page, where) {
  const widths = await page.evaluate(() => {
    const main = document.querySelector('.app-main');
    return {
      page: document.documentElement.scrollWidth,
      window: window.innerWidth,
      main: main && { scroll: main.scrollWidth, client: main.clientWidth },
    };
  });
  assert.ok(widths.page <= widths.window, `${where}: the page is wider than the screen`);
  assert.ok(
    widths.main && widths.main.scroll <= widths.main.client,
    `${where}: the main area scrolls sideways (${JSON.stringify(widths.main)})`,
  );
}

test('on a phone the request pages fit the screen', TEST_TIMEOUT, (t) =>
  withPage(t, async (page, config) => {
    await page.setViewportSize({ width: 375, height: 667 });
    await signInThroughApi(page, loginFor(config, 'street'));
    for (const [path, ready] of [
      ['/requests/new', '[data-test="request-submit"]'],
      ['/requests?queue=territory', '[data-test="request-table"]'],
      ['/request-rates', '[data-test="request-rate-response"]'],
    ]) {
      await page.goto(path);
      await page.locator(ready).first().waitFor();
      await page.waitForLoadState('networkidle');
      await assertNoSidewaysScroll(page, path);
    }
  }),
);
