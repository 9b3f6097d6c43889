// The org tree in Chromium against a running server: see README.md for the env vars.
// Adds a community under 和平街道 and archives it again, so 和平街道 keeps its 3 communities.
import { after, test } from 'node:test';
import {
  closeBrowser,
  expectPath,
  expectText,
  logIn,
  loginFor,
  pickOption,
  uniqueSuffix,
  withPage,
} from './support.mjs';

const TEST_TIMEOUT = { timeout: 60_000 };

after(closeBrowser);

test(
  'the street user creates a community under 和平街道 and sees it in the tree',
  TEST_TIMEOUT,
  (t) =>
    withPage(t, async (page, config) => {
      const name = `联动测试社区${uniqueSuffix()}`;
      await page.goto('/login');
      await logIn(page, loginFor(config, 'street'));
      await expectPath(page, '/');

      await page.locator('[data-test="menu-orgs"]').click();
      await expectPath(page, '/orgs');
      await expectText(page.locator('[data-test="org-detail-name"]'), '和平街道');
      await page.locator('[data-test="org-create-child"]').click();
      const dialog = page.locator('[data-test="org-form-dialog"]').first();
      await expectText(dialog.locator('.el-dialog__title'), '在“和平街道”下新建组织');
      // A child of a street is a community unless the user says otherwise.
      await expectText(dialog.locator('[data-test="org-form-level"]'), '社区');
      await dialog.locator('[data-test="org-form-name"]').fill(name);
      await dialog.locator('[data-test="org-form-secretary"]').fill('李书记');
      await dialog.locator('[data-test="org-form-submit"]').click();

      await expectText(
        page.locator('[data-test="org-tree"] .org-node-name').filter({ hasText: name }),
        name,
      );
      await expectText(page.locator('[data-test="org-detail-name"]'), name);
      await expectText(page.locator('[data-test="org-detail-level"]'), '社区');
      await expectText(page.locator('[data-test="org-detail-secretary"]'), '李书记');
      await expectText(
        page.locator('[data-test="org-detail-path"]'),
        `示范市 / 东城区 / 和平街道 / ${name}`,
      );

      // Still there after a reload, loaded from the server under 和平街道 (the root opens by itself).
      await page.reload();
      await expectText(page.locator('[data-test="org-detail-name"]'), '和平街道');
      const node = page.locator('[data-test="org-tree"] .org-node-name').filter({ hasText: name });
      await expectText(node, name);

      // Archiving it (it is empty) takes it out of the tree, and 和平街道 has 3 communities again:
      // the other browser tests count them.
      await node.click();
      await expectText(page.locator('[data-test="org-detail-name"]'), name);
      await page.locator('[data-test="org-archive"]').click();
      await page.locator('.el-message-box__btns .el-button--primary').click();
      await expectText(page.locator('[data-test="org-detail-name"]'), '和平街道');
      await node.waitFor({ state: 'detached' });
      await expectText(page.locator('[data-test="org-count-community"]'), '3');
    }),
);

test(
  'a two-character Chinese search (和平) finds orgs and opens the one picked',
  TEST_TIMEOUT,
  (t) =>
    withPage(t, async (page, config) => {
      await page.goto('/login');
      await logIn(page, loginFor(config, 'city'));
      await expectPath(page, '/');
      await page.goto('/orgs');
      await expectText(page.locator('[data-test="org-detail-name"]'), '示范市');

      await page.locator('[data-test="org-search"] input').click();
      await page.locator('[data-test="org-search"] input').fill('和平');
      const options = page.locator('.org-search-popper .el-select-dropdown__item');
      await expectText(options.filter({ hasText: '和平街道' }), /和平街道/);
      await expectText(options.filter({ hasText: '和平里社区' }), /和平里社区/);

      await pickOption(page, 'org-search', '和平', '和平里社区');
      await expectText(page.locator('[data-test="org-detail-name"]'), '和平里社区');
      await expectText(
        page.locator('[data-test="org-detail-path"]'),
        '示范市 / 东城区 / 和平街道 / 和平里社区',
      );
      // The tree opened down to it.
      await expectText(
        page.locator('[data-test="org-tree"] .is-current .org-node-name').first(),
        '和平里社区',
      );
    }),
);
