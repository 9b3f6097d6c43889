// Whistles (吹哨报到) end to end, as issue 16's "Done means" walks them: 和平街道 blows a whistle to
// 和平派出所 and 东城区城管执法队, its principal leader signs it off; the police arrive in time, the
// squad 40 minutes later on the server's test clock, and the lateness shows to the street; the
// street cannot close it while a part is open ("事不完、人不撤"); both parts complete, the whistle
// closes, the street rates both agencies (评哨), and the squad sees its rating.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { after, test } from 'node:test';
import {
  callApi,
  closeBrowser,
  expectText,
  loginFor,
  signInThroughApi,
  uniqueSuffix,
  withPage,
} from './support.mjs';

after(closeBrowser);

const TEST_TIMEOUT = { timeout: 240_000 };

/** Moves the server's clock (the file of `liandong serve --clock-file`) and waits for it to tell. */
async function setClockOffset(seconds) {
  const file = process.env.LIANDONG_CLOCK_FILE;
  assert.ok(
    file,
    'LIANDONG_CLOCK_FILE is not set: run the server with --clock-file and point this at it',
  );
  await writeFile(file, `${seconds}\n`);
  await new Promise((resolve) => setTimeout(resolve, 1500));
}

async function openWhistle(page, id) {
  await page.goto(`/whistles/${id}`);
  await page.locator('[data-test="whistle-timeline"]').waitFor();
}

/** Opens a text action of the detail page, fills it and confirms. */
async function textAction(page, button, text) {
  await page.locator(`[data-test="${button}"]`).click();
  const input = page.locator('[data-test="whistle-action-text"]');
  await input.waitFor();
  await input.fill(text);
  await page.locator('[data-test="whistle-action-submit"]').click();
  await input.waitFor({ state: 'hidden' });
  await page.waitForLoadState('networkidle');
}

async function agencyId(page, name) {
  const me = await callApi(page, 'GET', '/me');
  const agencies = await callApi(page, 'GET', `/orgs/${me.user.org.id}/whistle-agencies`);
  const agency = agencies.items.find((item) => item.name === name);
  assert.ok(agency, `${name} serves the street`);
  return agency.id;
}

test(
  'a street whistles two agencies, one arrives late, the whistle closes only after both parts and the street rates both',
  TEST_TIMEOUT,
  async (t) => {
    const title = `菜市场周边占道经营联合执法${uniqueSuffix()}`;
    let whistleId;
    let police;
    let squad;

    try {
      // The street blows the whistle and its principal leader signs it off.
      await withPage(t, async (page, config) => {
        await signInThroughApi(page, loginFor(config, 'street'));
        police = await agencyId(page, '和平派出所');
        squad = await agencyId(page, '东城区城管执法队');
        await page.goto('/whistles/new');
        await page.locator('[data-test="whistle-type"]').getByText('综合执法').click();
        await page.locator('[data-test="whistle-title"]').fill(title);
        await page
          .locator('[data-test="whistle-description"]')
          .fill('网格员巡查发现菜市场周边长期占道经营，街道多次劝导无效。');
        await page.locator('[data-test="whistle-agencies"]').getByText('和平派出所').click();
        await page.locator('[data-test="whistle-agencies"]').getByText('东城区城管执法队').click();
        await page.locator('[data-test="whistle-submit"]').click();
        await page.waitForURL(/\/whistles\/\d+$/);
        whistleId = Number(new URL(page.url()).pathname.split('/').pop());
        await expectText(page.locator('[data-test="whistle-state"]'), '待签发');
        await textAction(page, 'whistle-sign-off', '同意吹哨');
        await expectText(page.locator('[data-test="whistle-state"]'), '处置中');
        // The board shows it open with the agencies' clocks running.
        await page.goto('/whistles');
        const row = page
          .locator('[data-test="whistle-table"] .el-table__row')
          .filter({ hasText: title });
        await expectText(row, /剩余/);
      });

      // 和平派出所 arrives in time.
      await withPage(t, async (page, config) => {
        await signInThroughApi(page, loginFor(config, 'agency'));
        await openWhistle(page, whistleId);
        await textAction(page, 'whistle-arrive', '民警2名到场');
        await expectText(page.locator(`[data-test="whistle-part-${police}"]`), /按时到场/);
      });

      // 40 minutes later the squad is late, and arrives.
      await setClockOffset(40 * 60);
      await withPage(t, async (page, config) => {
        await signInThroughApi(page, loginFor(config, 'squad'));
        await openWhistle(page, whistleId);
        await expectText(page.locator(`[data-test="whistle-part-${squad}"]`), /未到场/);
        await textAction(page, 'whistle-arrive', '执法队员4名到场');
        await expectText(
          page.locator(`[data-test="whistle-part-${squad}"] [data-test="whistle-late"]`),
          /迟到/,
        );
      });

      // The street sees the lateness, and cannot close while the parts are open.
      await withPage(t, async (page, config) => {
        await signInThroughApi(page, loginFor(config, 'street'));
        await openWhistle(page, whistleId);
        await expectText(page.locator(`[data-test="whistle-part-${squad}"]`), /迟到/);
        await page.locator('[data-test="whistle-close"]').click();
        await expectText(page.locator('[data-test="whistle-error"]'), /事不完、人不撤/);
        await expectText(page.locator('[data-test="whistle-state"]'), '处置中');
      });

      // Both agencies complete their parts.
      for (const role of ['agency', 'squad']) {
        await withPage(t, async (page, config) => {
          await signInThroughApi(page, loginFor(config, role));
          await openWhistle(page, whistleId);
          await textAction(
            page,
            'whistle-complete',
            role === 'agency' ? '劝离占道摊贩12户' : '责令3家餐饮店整改',
          );
        });
      }

      // The street closes it and rates both agencies.
      await withPage(t, async (page, config) => {
        await signInThroughApi(page, loginFor(config, 'street'));
        await openWhistle(page, whistleId);
        await page.locator('[data-test="whistle-close"]').click();
        await expectText(page.locator('[data-test="whistle-state"]'), '已办结');
        for (const [agency, score, comment] of [
          [police, '5', '响应迅速'],
          [squad, '3', '到场迟到'],
        ]) {
          await page.locator(`[data-test="whistle-rate-${agency}"]`).click();
          await page
            .locator('[data-test="whistle-rate-score"]')
            .getByText(score, { exact: true })
            .click();
          await page.locator('[data-test="whistle-rate-comment"]').fill(comment);
          await page.locator('[data-test="whistle-rate-submit"]').click();
          await expectText(
            page.locator(`[data-test="whistle-score-${agency}"]`),
            new RegExp(`${score} 分`),
          );
        }
      });

      // The squad sees its rating.
      await withPage(t, async (page, config) => {
        await signInThroughApi(page, loginFor(config, 'squad'));
        await openWhistle(page, whistleId);
        await expectText(page.locator(`[data-test="whistle-score-${squad}"]`), /3 分/);
        await expectText(page.locator(`[data-test="whistle-score-${squad}"]`), /到场迟到/);
      });
    } finally {
      await setClockOffset(0);
    }
  },
);
