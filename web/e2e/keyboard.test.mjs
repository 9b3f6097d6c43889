// The app by keyboard alone (WCAG 2.1.1, 2.4.1, 2.4.7; issue 14): the skip link comes first, then
// every menu entry of the role with the longest menu is reached with Tab and opened with Enter.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { closeBrowser, expectPath, loginFor, signInThroughApi, withPage } from './support.mjs';

after(closeBrowser);

/** The city's menu, the longest of the demo roles, in order. */
const CITY_MENU = [
  '/',
  '/orgs',
  '/members',
  '/units',
  '/coverage',
  '/joint-committees',
  '/reform',
  '/duties',
  '/tasks',
  '/reviews',
  '/supervisions',
  '/accountabilities',
  '/bulletins',
  '/cobuild/overview',
  '/cobuild/agreements',
  '/joint-meetings',
  '/check-in/roster',
  '/check-in/posts',
  '/check-in/feedback-sheets',
  '/check-in/evaluations',
  '/cobuild/needs',
  '/cobuild/resources',
  '/cobuild/projects',
  '/cobuild/venues',
  '/requests/new',
  '/requests',
  '/request-rates',
  '/request-catalogue',
  '/whistles',
  '/whistle-rates',
  '/power-acts',
  '/key-enterprises',
  '/open311-partners',
  '/inbox',
  '/workers',
  '/regrading',
  '/grade-schemes',
  '/training',
  '/staffing',
];

/** What has the focus: its data-test, where it lies, whether it shows a ring, and its text. */
function focused(page) {
  return page.evaluate(() => {
    const element = document.activeElement;
    const style = element ? getComputedStyle(element) : null;
    return {
      test: element?.getAttribute('data-test') ?? null,
      inHeader: Boolean(element?.closest('header')),
      inMenu: Boolean(element?.closest('nav.app-menu')),
      inMain: Boolean(element?.closest('#main-content')),
      isMain: element?.id === 'main-content',
      ring: style !== null && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
      current: element?.getAttribute('aria-current') ?? null,
      text: element?.textContent?.trim() ?? '',
    };
  });
}

test('Tab reaches the skip link, then every menu entry in order, and Enter opens each page', (t) =>
  withPage(t, async (page, config) => {
    await signInThroughApi(page, loginFor(config, 'city'));
    await page.goto('/');
    await page.locator('main h1').waitFor();

    await page.keyboard.press('Tab');
    let now = await focused(page);
    assert.equal(now.test, 'skip-link', 'the first Tab stop is the skip link');
    assert.ok(await page.locator('[data-test="skip-link"]').isVisible(), 'it shows when focused');

    // Past the header's controls to the first menu entry.
    for (let presses = 0; presses < 12 && !now.inMenu; presses += 1) {
      await page.keyboard.press('Tab');
      now = await focused(page);
      assert.ok(now.inHeader || now.inMenu, `Tab stops in the header before the menu: ${now.test}`);
    }

    for (const [index, path] of CITY_MENU.entries()) {
      const testId = `menu-${path.slice(1) || 'home'}`;
      assert.equal(now.test, testId, `menu entry ${index + 1} has the focus`);
      assert.ok(now.ring, `${testId} shows a focus ring`);
      const label = now.text;
      await page.keyboard.press('Enter');
      await expectPath(page, path);
      const heading = page.locator('main h1');
      await heading.waitFor();
      assert.equal((await heading.textContent()).trim(), label, `${path} is titled as its entry`);
      now = await focused(page);
      assert.equal(now.test, testId, 'the entry keeps the focus');
      assert.equal(now.current, 'page', `${testId} is marked as the current page`);
      await page.keyboard.press('Tab');
      now = await focused(page);
    }
    assert.ok(now.inMain, 'after the last entry, Tab moves into the page');
  }));

test('the skip link moves the focus past the header and the menu into the page', (t) =>
  withPage(t, async (page, config) => {
    await signInThroughApi(page, loginFor(config, 'city'));
    await page.goto('/tasks');
    await page.locator('main h1').waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    assert.ok((await focused(page)).isMain, 'the main region has the focus');
    await page.keyboard.press('Tab');
    const now = await focused(page);
    assert.ok(now.inMain && !now.isMain, `the next Tab stop is in the page: ${now.test}`);
  }));
