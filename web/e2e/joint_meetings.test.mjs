// Joint meetings end to end: a street convenes its joint conference through the form (its joint
// committee's members are invited), records the minutes and who came (an absence with its reason),
// adds a resolution naming two of its communities, and issues it as a task; the task's page names
// the meeting and resolution it came from, and the community that carries it out sees the same.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import {
  callApi,
  closeBrowser,
  expectText,
  loginFor,
  logOut,
  signInThroughApi,
  uniqueSuffix,
  withPage,
} from './support.mjs';

after(closeBrowser);

const DAY = 86_400_000;

/** The China date `days` from now, as YYYY-MM-DD. */
function chinaDate(days) {
  return new Date(Date.now() + days * DAY + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** Types a date into an Element Plus date picker (by its input's name) and confirms it. */
async function typeDate(page, name, date) {
  const input = page.locator(`input[name="${name}"]`);
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

test('a joint meeting is convened, held with its attendance, and its resolution becomes a task', async (t) => {
  const title = `和平街道大工委联席会议${uniqueSuffix()}`;

  await withPage(t, async (page, config) => {
    await signInThroughApi(page, loginFor(config, 'street'));
    await page.goto('/joint-meetings');
    await page.locator('[data-test="joint-meeting-create"]').click();
    const form = page.locator('[data-test="joint-meeting-form-dialog"]');
    await form.waitFor();
    await form.locator('[data-test="joint-meeting-title"]').fill(title);
    await typeDate(page, 'joint-meeting-date', chinaDate(-1));
    await form.locator('[data-test="joint-meeting-place"]').fill('和平街道党群服务中心二楼会议室');
    await form
      .locator('[data-test="joint-meeting-agenda"]')
      .fill('一、通报共建项目进展\n二、研究加装电梯摸排');
    await form.locator('[data-test="joint-meeting-form-submit"]').click();

    // Convened: the 大工委's members are invited, attendance not yet recorded.
    await page.waitForURL(/\/joint-meetings\/\d+$/);
    await expectText(page.locator('[data-test="joint-meeting-heading"]'), title);
    const invitees = page.locator('[data-test="joint-meeting-attendee-table"] tbody tr');
    await expectText(invitees.first().locator('[data-test="joint-meeting-attendee-name"]'), '李红');
    assert.equal(await invitees.count(), 3);
    await expectText(
      invitees.first().locator('[data-test="joint-meeting-attendee-presence"]'),
      '未记录',
    );
    assert.ok(await page.locator('[data-test="joint-meeting-resolution-open"]').isDisabled());

    // The minutes: 张伟 was away; a reason is required before it saves.
    await page.locator('[data-test="joint-meeting-minutes-open"]').click();
    const minutes = page.locator('[data-test="minutes-form-dialog"]');
    await minutes.waitFor();
    await minutes
      .locator('[data-test="minutes-form-text"] textarea, textarea[data-test="minutes-form-text"]')
      .first()
      .fill('会议通报了共建项目进展，议定由和平里社区、东风社区牵头摸排加装电梯意愿。');
    await minutes.locator('[data-test="minutes-attendee-present-1"]').click();
    await minutes.locator('[data-test="minutes-form-submit"]').click();
    await expectText(minutes, /缺席人员须写明缺席原因/);
    await minutes
      .locator(
        '[data-test="minutes-attendee-reason-1"] input, input[data-test="minutes-attendee-reason-1"]',
      )
      .first()
      .fill('出差');
    await minutes.locator('[data-test="minutes-form-submit"]').click();
    await minutes.waitFor({ state: 'hidden' });
    await expectText(page.locator('[data-test="joint-meeting-minutes"]'), /牵头摸排加装电梯意愿/);
    await expectText(
      invitees.nth(1).locator('[data-test="joint-meeting-attendee-presence"]'),
      '缺席',
    );
    await expectText(
      invitees.nth(1).locator('[data-test="joint-meeting-attendee-reason"]'),
      '出差',
    );

    // A resolution for two communities, then issued as the street's task.
    await page.locator('[data-test="joint-meeting-resolution-open"]').click();
    const resolution = page.locator('[data-test="resolution-form-dialog"]');
    await resolution.waitFor();
    await resolution
      .locator(
        '[data-test="resolution-form-text"] textarea, textarea[data-test="resolution-form-text"]',
      )
      .first()
      .fill('和平里社区、东风社区牵头摸排老旧小区加装电梯意愿，形成分楼栋工作方案');
    await typeDate(page, 'resolution-form-deadline', chinaDate(30));
    await resolution.locator('[data-test="resolution-form-orgs"]').click();
    for (const name of ['和平里社区', '东风社区']) {
      await page
        .locator('.resolution-form-orgs-popper .el-select-dropdown__item')
        .filter({ has: page.getByText(name, { exact: true }) })
        .first()
        .click();
    }
    await page.keyboard.press('Escape');
    await resolution.locator('[data-test="resolution-form-submit"]').click();
    await resolution.waitFor({ state: 'hidden' });
    const row = page.locator('[data-test="joint-meeting-resolution-table"] tbody tr').first();
    await expectText(
      row.locator('[data-test="joint-meeting-resolution-orgs"]'),
      /和平里社区.*东风社区|东风社区.*和平里社区/,
    );

    await row.locator('[data-test="joint-meeting-resolution-to-task"]').click();
    await page.locator('.el-message-box').getByRole('button', { name: '转为任务' }).click();
    await expectText(row.locator('[data-test="joint-meeting-resolution-progress"]'), /进度 0%/);
    await row.locator('[data-test="joint-meeting-resolution-task-link"]').click();
    await page.waitForURL(/\/tasks\/assignments\/\d+$/);
    await expectText(
      page.locator('[data-test="assignment-origin"]'),
      `联席会议《${title}》决议第1项`,
    );

    // The community that carries it out sees where it came from too.
    const href = await page.locator('[data-test="assignment-origin"]').getAttribute('href');
    const meetingId = Number(href.match(/(\d+)$/)[1]);
    const meeting = await callApi(page, 'GET', `/joint-meetings/${meetingId}`);
    const taskId = meeting.resolutions[0].task.id;
    await logOut(page);
    await signInThroughApi(page, loginFor(config, 'community'));
    const task = await callApi(page, 'GET', `/tasks/${taskId}`);
    assert.equal(task.origin.meeting_id, meetingId);
    await page.goto(`/tasks/assignments/${task.my_assignment_id}`);
    await expectText(
      page.locator('[data-test="assignment-origin"]'),
      `联席会议《${title}》决议第1项`,
    );
  });
});
