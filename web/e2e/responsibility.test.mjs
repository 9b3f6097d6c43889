// The responsibility system end to end: a city task cascades to the communities, a community
// reports 100 % with an evidence file, the street accepts, the district and the city see the
// roll-up move; days later (the server's test clock) an overdue community appears in the street's
// bulletin, whose .xlsx export opens in a real reader (openpyxl).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { promisify } from 'node:util';
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

const DAY = 86_400;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');

/** The China date `days` from now on the server's clock, as YYYY-MM-DD. */
function chinaDate(days, offsetSeconds = 0) {
  const at = Date.now() + (offsetSeconds + days * DAY + 8 * 3600) * 1000;
  return new Date(at).toISOString().slice(0, 10);
}

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

/** The org's own node of a task, from its to-do list. */
async function ownNode(page, taskId) {
  const todo = await callApi(page, 'GET', `/task-assignments?task=${taskId}`);
  assert.equal(todo.items.length, 1, JSON.stringify(todo));
  return todo.items[0];
}

async function progressOf(page, nodeId) {
  return (await callApi(page, 'GET', `/task-assignments/${nodeId}`)).progress;
}

test('a city task cascades to the communities, rolls up, and its overdue parts reach the bulletin', async (t) => {
  const title = `基层党建示范点创建${uniqueSuffix()}`;
  const deadline = chinaDate(10);
  const nodes = {};
  let rootId;

  await withPage(t, async (page, config) => {
    await signInThroughApi(page, loginFor(config, 'city'));
    const task = await callApi(page, 'POST', '/tasks', {
      title,
      content: '各区、街道、社区按标准建成示范点，上报佐证材料',
      deadline,
      weight: 10,
      targets: { mode: 'children' },
    });
    rootId = task.root_assignment_id;
    nodes.task = task.id;
    // The city sees the task it issued.
    await page.goto('/tasks');
    await page.getByRole('tab', { name: '已下达' }).click();
    await expectText(page.locator('[data-test="issued-table"]').getByText(title), title);
  });

  await withPage(t, async (page, config) => {
    await signInThroughApi(page, loginFor(config, 'district'));
    const node = await ownNode(page, nodes.task);
    nodes.district = node.id;
    // The district passes it on to its streets, through the page.
    await page.goto(`/tasks/assignments/${node.id}`);
    await page.locator('[data-test="assignment-decompose"]').click();
    await page.locator('[data-test="decompose-dialog"] [data-test="decompose-submit"]').click();
    await expectText(page.locator('[data-test="children-table"] [data-test="child-org"]'), /街道/);
  });

  await withPage(t, async (page, config) => {
    await signInThroughApi(page, loginFor(config, 'street'));
    const node = await ownNode(page, nodes.task);
    nodes.street = node.id;
    await callApi(page, 'POST', `/task-assignments/${node.id}/decompose`, {
      targets: { mode: 'children' },
      deadline: chinaDate(6),
    });
  });

  // The community reports 100 % with an evidence file, through the page.
  await withPage(t, async (page, config) => {
    await signInThroughApi(page, loginFor(config, 'community'));
    const node = await ownNode(page, nodes.task);
    nodes.community = node.id;
    await page.goto(`/tasks/assignments/${node.id}`);
    await page.locator('[data-test="report-percent-input"] input').fill('100');
    await page.locator('[data-test="report-text"]').fill('示范点已建成，活动阵地已挂牌');
    await page
      .locator('[data-test="evidence-input"]')
      .setInputFiles({ name: '示范点验收材料.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.locator('[data-test="report-submit"]').click();
    await expectText(page.locator('[data-test="report-state"]'), '待审核');
    await expectText(page.locator('[data-test="attachment-link"]'), /示范点验收材料\.pdf/);
  });

  const before = {};
  await withPage(t, async (page, config) => {
    await signInThroughApi(page, loginFor(config, 'district'));
    before.district = await progressOf(page, nodes.district);
  });
  await withPage(t, async (page, config) => {
    await signInThroughApi(page, loginFor(config, 'city'));
    before.city = await progressOf(page, rootId);
  });
  assert.equal(before.district, 0);
  assert.equal(before.city, 0);

  // The street reviews it from its queue and accepts.
  await withPage(t, async (page, config) => {
    await signInThroughApi(page, loginFor(config, 'street'));
    await page.goto('/reviews');
    // Other reports may wait in the queue (the other tests'); this task's is the one to open.
    await page
      .locator('[data-test="review-table"] [data-test="review-link"]')
      .filter({ hasText: title })
      .click();
    await page.waitForURL(new RegExp(`/tasks/assignments/${nodes.community}$`));
    await page.locator('[data-test="report-accept"]').click();
    await page.locator('.el-message-box').getByRole('button', { name: '通过' }).click();
    await expectText(page.locator('[data-test="state-tag"]'), '已完成');
    // The evidence opens for the level above.
    const file = await page.request.get(
      (await page.locator('[data-test="attachment-link"]').first().getAttribute('href')) ?? '',
    );
    assert.equal(file.status(), 200);
    assert.deepEqual(Buffer.from(await file.body()), PDF);
  });

  // The district and the city see the roll-up move, on their own pages.
  for (const [role, nodeId] of [
    ['district', () => nodes.district],
    ['city', () => rootId],
  ]) {
    await withPage(t, async (page, config) => {
      await signInThroughApi(page, loginFor(config, role));
      const now = await progressOf(page, nodeId());
      assert.ok(now > before[role], `${role}: ${before[role]} → ${now}`);
      await page.goto(`/tasks/assignments/${nodeId()}`);
      await expectText(page.locator('[data-test="assignment-progress"]'), /[1-9][\d.]*%|0\.[1-9]%/);
    });
  }

  // Thirteen days on, the communities that did nothing are overdue, and the street's bulletin
  // names them.
  const directory = await mkdtemp(join(tmpdir(), 'liandong-bulletin-'));
  try {
    await setClockOffset(13 * DAY);
    await withPage(t, async (page, config) => {
      await signInThroughApi(page, loginFor(config, 'street'));
      const bulletin = await callApi(page, 'POST', '/bulletins', {
        period_from: chinaDate(-1),
        period_to: chinaDate(12),
      });
      const overdue = bulletin.figures.rows.filter((row) => row.overdue > 0);
      assert.ok(overdue.length > 0, JSON.stringify(bulletin.figures.rows));
      const late = overdue[0].org.name;
      const done = bulletin.figures.rows.find((row) => row.completion_rate === 1);
      assert.ok(done, 'the community that finished is in the bulletin at 100 %');

      // The bulletin page ranks the orgs with the late one among them, and prints.
      await page.goto(`/bulletins/${bulletin.id}`);
      await expectText(
        page
          .locator('[data-test="bulletin-table"] [data-test="bulletin-row-org"]')
          .filter({ hasText: late }),
        late,
      );
      await page.locator('[data-test="bulletin-print"]').click();
      await page.waitForURL(new RegExp(`/bulletins/${bulletin.id}/print$`));
      await expectText(page.locator('[data-test="print-title"]'), bulletin.title);

      // Its drill-down lists the same overdue part, on the records page a bulletin number links to.
      const query = new URLSearchParams({
        org: String(overdue[0].org.id),
        subtree: '1',
        state: 'overdue',
        deadline_from: bulletin.period_from,
        deadline_to: bulletin.period_to,
        as_of: bulletin.as_of,
      });
      await page.goto(`/tasks/records?${query}`);
      await expectText(
        page.locator('[data-test="assignment-table"]').getByText(late).first(),
        late,
      );

      const workbook = await page.request.get(`/api/v1/bulletins/${bulletin.id}/export`);
      assert.equal(workbook.status(), 200);
      const path = join(directory, 'bulletin.xlsx');
      await writeFile(path, Buffer.from(await workbook.body()));
      const { stdout } = await promisify(execFile)('/usr/bin/python3', [
        '-c',
        'import json, openpyxl, sys\n' +
          'sheet = openpyxl.load_workbook(sys.argv[1]).active\n' +
          'print(json.dumps([list(row) for row in sheet.iter_rows(values_only=True)], default=str))',
        path,
      ]);
      // A title and the period above the table; numbers are numbers a spreadsheet can sum.
      const rows = JSON.parse(stdout);
      assert.equal(rows[0][0], bulletin.title, stdout);
      assert.match(String(rows[1][0]), /统计期间：\d{4}-\d{2}-\d{2} 至 \d{4}-\d{2}-\d{2}/);
      assert.match(String(rows[2][0]), /统计口径/);
      const header = rows.findIndex((row) => row[1] === '组织' && row[2] === '任务数');
      assert.ok(header > 2, `the header row follows the title lines:\n${stdout}`);
      const row = rows.find((cells) => cells[1] === late);
      assert.ok(row, `${late} is a row of the workbook:\n${stdout}`);
      assert.equal(typeof row[2], 'number', `its task count is a number: ${row}`);
      assert.equal(typeof row[5], 'number', `its completion rate is a number: ${row}`);
      assert.ok(row[7] > 0, `its overdue count: ${row}`);
    });
  } finally {
    await setClockOffset(0);
    await rm(directory, { recursive: true, force: true });
  }
});
