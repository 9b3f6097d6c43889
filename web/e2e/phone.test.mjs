// The app on a phone (375 × 667) and a small laptop (1366 × 768), and its forms in English: the
// page never scrolls sideways, the menu hides behind a button, tables scroll in their own box,
// dialogs fit the screen with their buttons in reach, and no label breaks mid-word.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import {
  callApi,
  closeBrowser,
  expectPath,
  expectText,
  loginFor,
  randomChineseName,
  randomIdNumber,
  signInThroughApi,
  uniqueSuffix,
  withPage,
} from './support.mjs';

after(closeBrowser);

const TEST_TIMEOUT = { timeout: 90_000 };
const PHONE = { width: 375, height: 667 };
const SMALL_LAPTOP = { width: 1366, height: 768 };

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
  assert.ok(
    widths.page <= widths.window,
    `${where}: the page is ${widths.page} px wide on a ${widths.window} px screen`,
  );
  assert.ok(
    widths.main && widths.main.scroll <= widths.main.client,
    `${where}: the main area scrolls sideways (${JSON.stringify(widths.main)})`,
  );
}

/** Fails unless the header is one row: nothing wraps, nothing sticks out below or to the side. */
async function assertHeaderIsOneLine(page) {
  const header = await page.locator('.app-header').evaluate((element) => {
    const box = element.getBoundingClientRect();
    const children = [...element.children].map((child) => {
      const rect = child.getBoundingClientRect();
      const lineHeight = parseFloat(getComputedStyle(child).lineHeight) || 22;
      return {
        name: child.className || child.tagName,
        top: rect.top,
        bottom: rect.bottom,
        right: rect.right,
        wraps: rect.height > 1.5 * Math.max(lineHeight, 32) || child.scrollHeight > rect.height + 1,
      };
    });
    return {
      height: box.height,
      rowHeight: parseFloat(getComputedStyle(element).height),
      top: box.top,
      bottom: box.bottom,
      right: box.right,
      scrollWidth: element.scrollWidth,
      clientWidth: element.clientWidth,
      children,
    };
  });
  assert.equal(header.height, 60, 'the header is not a single 60 px row');
  assert.ok(header.scrollWidth <= header.clientWidth, 'the header overflows sideways');
  for (const child of header.children) {
    assert.ok(
      child.top >= header.top && child.bottom <= header.bottom && child.right <= header.right,
      `${child.name} sticks out of the header: ${JSON.stringify(child)}`,
    );
    assert.ok(!child.wraps, `${child.name} wraps in the header`);
  }
}

/** Fails unless the box comes to rest wholly inside the viewport (after any sliding in). */
async function assertInViewport(page, locator, what) {
  const viewport = page.viewportSize();
  const deadline = Date.now() + 3_000;
  for (;;) {
    const box = await locator.boundingBox();
    const inside =
      box !== null &&
      box.x >= 0 &&
      box.y >= 0 &&
      box.x + box.width <= viewport.width + 0.5 &&
      box.y + box.height <= viewport.height + 0.5;
    if (inside) return;
    assert.ok(
      Date.now() < deadline,
      `${what} is not inside the ${viewport.width} × ${viewport.height} screen: ${JSON.stringify(box)}`,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Fails unless the table is as wide as the page allows and scrolls its rows sideways itself. */
async function assertTableScrollsInItsBox(page, table) {
  const scroll = await table.evaluate((element) => {
    const wrap = element.querySelector('.el-table__body-wrapper .el-scrollbar__wrap');
    const before = wrap.scrollLeft;
    wrap.scrollLeft = 80;
    const moved = wrap.scrollLeft - before;
    wrap.scrollLeft = before;
    return {
      right: element.getBoundingClientRect().right,
      scrollWidth: wrap.scrollWidth,
      clientWidth: wrap.clientWidth,
      moved,
    };
  });
  const { width } = page.viewportSize();
  assert.ok(scroll.right <= width, `the table reaches past the screen: ${JSON.stringify(scroll)}`);
  assert.ok(
    scroll.scrollWidth > scroll.clientWidth && scroll.moved > 0,
    `the table does not scroll in its box: ${JSON.stringify(scroll)}`,
  );
}

/**
 * A task the street issues to its communities, for a node page with a table of children. Due in
 * 90 days: out of the periods of the other tests' bulletins, whose figures it would change.
 */
async function streetTaskNode(page) {
  const deadline = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
  const task = await callApi(page, 'POST', '/tasks', {
    title: `社区党群服务中心标准化建设${uniqueSuffix()}`,
    content: '各社区按标准完成党群服务中心建设，上报佐证材料',
    deadline,
    weight: 10,
    targets: { mode: 'children' },
  });
  return task.root_assignment_id;
}

test(
  'on a phone the member list fits the screen and the menu opens from the header',
  TEST_TIMEOUT,
  (t) =>
    withPage(t, async (page, config) => {
      await page.setViewportSize(PHONE);
      await signInThroughApi(page, loginFor(config, 'street'));
      await page.goto('/members');
      const table = page.locator('[data-test="member-table"]');
      await table.locator('.el-table__row').first().waitFor();

      await assertNoSidewaysScroll(page, '/members');
      await assertHeaderIsOneLine(page);
      await assertTableScrollsInItsBox(page, table);

      // The menu is behind the button, which says so.
      assert.equal(await page.locator('.app-aside').count(), 0, 'the sidebar is shown on a phone');
      const menuButton = page.locator('[data-test="menu-button"]');
      assert.equal(await menuButton.getAttribute('aria-label'), '菜单');
      assert.equal(await menuButton.getAttribute('aria-expanded'), 'false');
      await menuButton.click();
      const drawer = page.locator('[data-test="menu-drawer"]');
      await drawer.waitFor();
      assert.equal(await menuButton.getAttribute('aria-expanded'), 'true');
      await assertInViewport(page, drawer, 'the menu drawer');
      // The account's other actions are in the drawer, not in the header.
      await drawer.locator('[data-test="change-password"]').waitFor();
      await drawer.getByText('我的任务', { exact: true }).click();
      await expectPath(page, '/tasks');
      await drawer.waitFor({ state: 'hidden' });
      assert.equal(await menuButton.getAttribute('aria-expanded'), 'false');
      await assertNoSidewaysScroll(page, '/tasks');
    }),
);

test(
  'on a phone a task node shows its details in one column and its children in a scrolling table',
  TEST_TIMEOUT,
  (t) =>
    withPage(t, async (page, config) => {
      await page.setViewportSize(PHONE);
      await signInThroughApi(page, loginFor(config, 'street'));
      const nodeId = await streetTaskNode(page);
      await page.goto(`/tasks/assignments/${nodeId}`);
      const children = page.locator('[data-test="children-table"]');
      await expectText(children.locator('[data-test="child-org"]'), /社区/);

      await assertNoSidewaysScroll(page, `/tasks/assignments/${nodeId}`);
      await assertHeaderIsOneLine(page);
      await assertTableScrollsInItsBox(page, children);
      const labelsPerRow = await page
        .locator('.el-descriptions__body tr')
        .evaluateAll((rows) =>
          rows.map((row) => row.querySelectorAll('.el-descriptions__label').length),
        );
      assert.ok(labelsPerRow.length > 0, 'no details shown');
      assert.deepEqual(new Set(labelsPerRow), new Set([1]), 'the details are not in one column');
    }),
);

test('on a phone the add-member dialog fits the screen and saves a member', TEST_TIMEOUT, (t) =>
  withPage(t, async (page, config) => {
    await page.setViewportSize(PHONE);
    await signInThroughApi(page, loginFor(config, 'street'));
    await page.goto('/members');
    await page.locator('[data-test="member-add"]').click();
    const dialog = page.locator('[data-test="member-form-dialog"]').first();
    const name = dialog.locator('[data-test="member-form-name"]');
    await name.waitFor();

    await assertInViewport(page, dialog, 'the dialog');
    const submit = dialog.locator('[data-test="member-form-submit"]');
    const cancel = dialog.locator('[data-test="member-form-cancel"]');
    await assertInViewport(page, submit, 'the save button');
    await assertInViewport(page, cancel, 'the cancel button');
    // Labels above the fields, and a date picker as wide as the other fields.
    assert.equal(await dialog.locator('.el-form--label-top').count(), 1, 'labels beside fields');
    const widths = await dialog.evaluate((element) => ({
      name: element.querySelector('[data-test="member-form-name"]').closest('.el-input')
        .offsetWidth,
      date: element.querySelector('[name="member-form-joined-on"]').closest('.el-date-editor')
        .offsetWidth,
    }));
    assert.equal(widths.date, widths.name, 'the date picker is not as wide as the fields');
    await assertNoSidewaysScroll(page, 'the add-member dialog');

    const memberName = randomChineseName('屏');
    await name.fill(memberName);
    await dialog.locator('[data-test="member-form-id-number"]').fill(randomIdNumber());
    await dialog.locator('[data-test="member-form-phone"]').fill('13900139000');
    await assertInViewport(page, submit, 'the save button, after typing');
    await submit.click();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('[data-test="member-filter-q"]').fill(memberName);
    await page.locator('[data-test="member-search"]').click();
    await expectText(
      page.locator('[data-test="member-table"] [data-test="member-name"]'),
      memberName,
    );
  }),
);

test('on a small laptop the sidebar is shown and nothing scrolls sideways', TEST_TIMEOUT, (t) =>
  withPage(t, async (page, config) => {
    await page.setViewportSize(SMALL_LAPTOP);
    await signInThroughApi(page, loginFor(config, 'street'));
    const nodeId = await streetTaskNode(page);
    await page.goto('/members');
    await page.locator('[data-test="member-table"] .el-table__row').first().waitFor();
    assert.ok(await page.locator('.app-aside').isVisible(), 'the sidebar is hidden');
    assert.equal(await page.locator('[data-test="menu-button"]').count(), 0);
    await assertNoSidewaysScroll(page, '/members');
    await assertHeaderIsOneLine(page);

    await page.goto(`/tasks/assignments/${nodeId}`);
    await expectText(page.locator('[data-test="children-table"] [data-test="child-org"]'), /社区/);
    await assertNoSidewaysScroll(page, `/tasks/assignments/${nodeId}`);
  }),
);

/** The labels of the open dialog's form that break onto a second line or are cut off. */
async function brokenLabels(dialog) {
  return dialog.locator('.el-form-item__label').evaluateAll((labels) =>
    labels
      .filter((label) => label.textContent.trim() !== '')
      .filter((label) => {
        const range = document.createRange();
        range.selectNodeContents(label);
        const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
        return (
          lines.size > 1 ||
          label.scrollWidth > label.clientWidth ||
          label.scrollHeight > label.clientHeight
        );
      })
      .map((label) => label.textContent.trim()),
  );
}

test(
  'in English the form labels of the member, unit and task dialogs stay whole',
  TEST_TIMEOUT,
  (t) =>
    withPage(t, async (page, config) => {
      await page.setViewportSize(SMALL_LAPTOP);
      await page.addInitScript(() => localStorage.setItem('liandong.locale', 'en'));
      await signInThroughApi(page, loginFor(config, 'street'));
      const dialogs = [
        { path: '/members', open: 'member-add', dialog: 'member-form-dialog', labels: ['Gender'] },
        {
          path: '/units',
          open: 'unit-add',
          dialog: 'unit-form-dialog',
          labels: ['Unified social credit code'],
        },
        { path: '/tasks', open: 'task-issue', dialog: 'task-issue-dialog', labels: [] },
      ];
      for (const { path, open, dialog: dialogId, labels } of dialogs) {
        await page.goto(path);
        await page.locator(`[data-test="${open}"]`).click();
        const dialog = page.locator(`[data-test="${dialogId}"]`).first();
        await dialog.locator('.el-form-item__label').first().waitFor();
        for (const label of labels) await dialog.getByText(label, { exact: true }).waitFor();
        assert.deepEqual(await brokenLabels(dialog), [], `${dialogId}: labels broken mid-word`);
        await dialog.locator('.el-dialog__headerbtn').click();
        await dialog.waitFor({ state: 'hidden' });
      }
    }),
);
