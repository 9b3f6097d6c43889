// WCAG 2.1 AA (issue 14) in Chromium: axe-core finds no serious or critical violation on any page
// of any role, on the detail pages the demo's work reaches, or in any dialog or drawer a page opens.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import {
  callApi,
  closeBrowser,
  currentSession,
  expectAccessible,
  loginFor,
  randomChineseName,
  randomCreditCode,
  randomIdNumber,
  signInThroughApi,
  uniqueSuffix,
  withPage,
} from './support.mjs';

after(closeBrowser);

const TEST_TIMEOUT = { timeout: 420_000 };
const DAY = 86_400_000;

/** Each demo role with a menu of its own (the new security administrator's is the security one's). */
const ROLES = [
  'city',
  'district',
  'street',
  'community',
  'system',
  'security',
  'audit',
  'hotline',
  'agency',
];

/**
 * What a page offers to open, by the page's path: each is a button (a CSS selector, the first
 * visible match) that opens a dialog or drawer. A role that lacks the button skips it.
 */
const OPENERS = {
  '/orgs': [
    ['the new org dialog', '[data-test="org-create-child"]'],
    ['the org form', '[data-test="org-edit"]'],
    // Only an org below the user's own moves: pick the first one under the root first.
    [
      'the org move dialog',
      '[data-test="org-move"]',
      '[data-test="org-tree"] .el-tree-node__children .el-tree-node__content',
    ],
  ],
  '/members': [
    ['the new member dialog', '[data-test="member-add"]'],
    ['the member import dialog', '[data-test="member-import"]'],
    ['the member edit dialog', '[data-test="member-edit"]'],
    ['the member transfer dialog', '[data-test="member-transfer"]'],
    ['the member detail drawer', '[data-test="member-view"]'],
    ['the member identifiers dialog', '[data-test="member-unmask"]'],
  ],
  '/units': [
    ['the new unit dialog', '[data-test="unit-add"]'],
    ['the unit import dialog', '[data-test="unit-import"]'],
    ['the unit edit dialog', '[data-test="unit-edit"]'],
  ],
  '/coverage': [['the coverage units drawer', '[data-test^="coverage-tile-"]']],
  '/joint-committees': [
    ['the joint committee member dialog', '[data-test="committee-add-member"]'],
  ],
  '/reform': [['the street profile dialog', '[data-test="reform-street"]']],
  '/duties': [
    ['the new duty item dialog', '[data-test="duty-add"]'],
    ['the duty item edit dialog', '[data-test="duty-edit"]'],
    ['the duty copy dialog', '[data-test="duty-copy"]'],
  ],
  '/tasks': [['the issue task dialog', '[data-test="task-issue"]']],
  '/supervisions': [['the new supervision dialog', '[data-test="supervision-create"]']],
  '/accountabilities': [['the new accountability dialog', '[data-test="accountability-create"]']],
  '/bulletins': [['the new bulletin dialog', '[data-test="bulletin-create"]']],
  '/check-in/roster': [
    ['the member check-in dialog', '[data-test="member-check-in-open"]'],
    ['the unit check-in dialog', '[data-test="unit-check-in-open"]'],
  ],
  '/check-in/posts': [['the new service post dialog', '[data-test="service-post-create"]']],
  '/check-in/evaluations': [['the yearly evaluation dialog', '[data-test="evaluate-open"]']],
  '/users': [
    ['the new user dialog', '[data-test="user-add"]'],
    ['the user edit dialog', '[data-test="user-edit"]'],
  ],
  '/roles': [
    ['the new role dialog', '[data-test="role-add"]'],
    ['the role edit dialog', '[data-test="role-edit"]'],
  ],
  '/task-assignment': [
    ['the decompose dialog', '[data-test="assignment-decompose"]'],
    ['the supervise dialog', '[data-test="assignment-supervise"]'],
    ['the return reason dialog', '[data-test="report-return"]'],
  ],
  '/supervision': [['the supervision return reason dialog', '[data-test="supervision-return"]']],
  '/cobuild/agreements': [['the new agreement dialog', '[data-test="agreement-create"]']],
  '/joint-meetings': [['the new joint meeting dialog', '[data-test="joint-meeting-create"]']],
  '/cobuild/needs': [['the new need dialog', '[data-test="need-create"]']],
  '/cobuild/resources': [['the new resource dialog', '[data-test="resource-create"]']],
  '/cobuild/venues': [['the new venue dialog', '[data-test="venue-create"]']],
  '/agreement': [
    ['the agreement report dialog', '[data-test="agreement-file-report"]'],
    ['the agreement delivery dialog', '[data-test="agreement-deliver"]'],
    ['the agreement renewal dialog', '[data-test="agreement-renew-open"]'],
    ['the agreement termination dialog', '[data-test="agreement-terminate-open"]'],
  ],
  // Residents' requests: the catalogue, and a request's steps as its owner and its first receiver.
  '/request-catalogue': [
    ['the request category dialog', '[data-test="request-category-add-top"]'],
    ['the SLA class dialog', '[data-test="request-sla-edit"]'],
  ],
  '/open311-partners': [
    ['the Open311 partner dialog', '[data-test="open311-partner-add"]'],
    ['the Open311 revoke dialog', '[data-test^="open311-revoke-"]'],
  ],
  '/request-to-sign': [
    ['the request return dialog', '[data-test="request-open-return"]'],
    ['the request dispatch dialog', '[data-test="request-open-dispatch"]'],
  ],
  '/request-in-hand': [
    ['the request contact dialog', '[data-test="request-open-contact"]'],
    ['the request note dialog', '[data-test="request-open-note"]'],
    ['the request extension dialog', '[data-test="request-open-extension"]'],
    ['the request reply dialog', '[data-test="request-open-reply"]'],
  ],
  '/request-replied': [['the request rating dialog', '[data-test="request-open-rating"]']],
  '/key-enterprises': [['the key enterprise dialog', '[data-test="key-enterprise-open"]']],
  '/key-enterprise': [['the issue resolve dialog', '[data-test="entry-resolve"]']],
  '/workers': [
    ['the worker import dialog', '[data-test="worker-import"]'],
    ['the appraisal import dialog', '[data-test="appraisal-import"]'],
  ],
  '/grade-schemes': [
    ['the scheme template dialog', '[data-test="scheme-load-template"]'],
    ['the scheme editor', '[data-test="scheme-edit"]'],
  ],
  '/regrading': [
    ['the regrading revert dialog', '[data-test="run-revert"]', '[data-test="run-open"]'],
  ],
  '/training': [
    ['the training import dialog', '[data-test="training-import"]', '#tab-records'],
    ['the course dialog', '[data-test="course-add"]', '#tab-courses'],
  ],
  '/staffing': [['the community guarantee dialog', '[data-test="staffing-edit"]']],
};

const OPEN_LAYER = '.el-overlay:visible :is(.el-dialog, .el-drawer)';

/** The China date `days` from now, as YYYY-MM-DD. */
function chinaDate(days) {
  return new Date(Date.now() + days * DAY + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** Waits for the page's title and for its requests to settle; a page has one h1, in its main. */
async function settle(page, what) {
  await page.locator('main h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  assert.equal(await page.locator('h1').count(), 1, `${what} has one h1`);
}

/** Goes to `path`, waits for it and checks it; `what` names it in the failure. */
async function checkPage(page, path, what) {
  await page.goto(path);
  await settle(page, what);
  await expectAccessible(page, what);
}

/**
 * Opens each dialog or drawer of `openers` that the page shows (once per run: `seen`), checks it,
 * and closes it again with Escape. An opener's third element, if any, is clicked first (a record to
 * select).
 */
async function checkOpeners(page, openers, seen) {
  for (const [what, selector, first] of openers) {
    if (seen.has(what)) continue;
    if (first) {
      const target = page.locator(`main ${first}`).filter({ visible: true }).first();
      if ((await target.count()) === 0) continue;
      await target.click();
      await page.waitForLoadState('networkidle');
    }
    // Visible only: a fixed table column repeats its buttons, hidden, in the table beneath.
    const button = page.locator(`main ${selector}`).filter({ visible: true }).first();
    if ((await button.count()) === 0 || !(await button.isEnabled())) continue;
    await button.click();
    const layer = page.locator(OPEN_LAYER).last();
    await layer.waitFor();
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    await expectAccessible(page, what);
    seen.add(what);
    await page.keyboard.press('Escape');
    await page.locator(OPEN_LAYER).first().waitFor({ state: 'hidden' });
  }
}

/**
 * What the pages and their dialogs show: a community's member, a city duty item, a city task down
 * to the communities with a report, a supervision answered by the district, an accountability
 * record, a bulletin, and a street's key enterprise with an open issue. Returns the ids.
 */
async function setUpWork(t) {
  const work = {};
  await withPage(t, async (page, config) => {
    await signInThroughApi(page, loginFor(config, 'city'));
    const task = await callApi(page, 'POST', '/tasks', {
      title: `无障碍检查任务${uniqueSuffix()}`,
      content: '各级按要求落实',
      // Due beyond the periods of the other tests' bulletins, whose figures it would change.
      deadline: chinaDate(60),
      weight: 5,
      targets: { mode: 'children' },
    });
    work.task = task.id;
    // A partner system whose key can be revoked (the demo's own comes with its activity).
    await callApi(page, 'POST', '/open311-partners', {
      name: `无障碍检查对接系统${uniqueSuffix()}`,
      org_id: (await currentSession(page)).user.org.id,
    });
    work.root = task.root_assignment_id;
  });
  for (const role of ['district', 'street']) {
    await withPage(t, async (page, config) => {
      await signInThroughApi(page, loginFor(config, role));
      const todo = await callApi(page, 'GET', `/task-assignments?task=${work.task}`);
      await callApi(page, 'POST', `/task-assignments/${todo.items[0].id}/decompose`, {
        targets: { mode: 'children' },
      });
    });
  }
  await withPage(t, async (page, config) => {
    await signInThroughApi(page, loginFor(config, 'community'));
    const todo = await callApi(page, 'GET', `/task-assignments?task=${work.task}`);
    const report = await callApi(page, 'POST', `/task-assignments/${todo.items[0].id}/reports`, {
      percent: 50,
      text: '已完成一半',
      attachment_ids: [],
    });
    work.report = report.id;
    const idNumber = randomIdNumber();
    await callApi(page, 'POST', '/members', {
      org_id: (await currentSession(page)).user.org.id,
      name: randomChineseName(),
      gender: Number(idNumber[16]) % 2 === 1 ? 'male' : 'female',
      id_number: idNumber,
      phone: '13800138000',
      education: '大学本科',
      joined_on: '2010-07-01',
      full_member_on: '2011-07-01',
      status: 'full',
      in_service: false,
      employer_unit_id: null,
      home_community_id: null,
    });
  });
  await withPage(t, async (page, config) => {
    await signInThroughApi(page, loginFor(config, 'city'));
    const children = await callApi(page, 'GET', `/task-assignments/${work.root}/children`);
    const district = children.items[0];
    const supervision = await callApi(page, 'POST', '/supervisions', {
      target_org_id: district.org.id,
      assignment_id: district.id,
      title: '督促落实无障碍检查任务',
      requirement: '五日内报告进展',
      deadline: chinaDate(50),
    });
    work.supervision = supervision.id;
    const departments = await callApi(page, 'GET', '/departments');
    await callApi(page, 'POST', '/duty-items', {
      year: new Date().getFullYear(),
      level: 'city',
      responsibility_kind: 'principal',
      description: '研究部署城市基层党建工作',
      department_id: departments.items[0].id,
    });
    await callApi(page, 'POST', '/accountabilities', {
      target_org_id: district.org.id,
      supervision_id: supervision.id,
      measure: 'criticism',
      subject: '某区党建办',
      reason: '进展迟缓',
      decided_on: chinaDate(0),
    });
    const bulletin = await callApi(page, 'POST', '/bulletins', {
      period_from: chinaDate(-1),
      period_to: chinaDate(90),
    });
    work.bulletin = bulletin.id;
    work.records = `/tasks/records?${new URLSearchParams({
      org: String(district.org.id),
      subtree: '1',
      deadline_from: bulletin.period_from,
      deadline_to: bulletin.period_to,
    })}`;
  });
  // A hotline request, routed to 和平里社区 (a community's leaf).
  await withPage(t, async (page, config) => {
    await signInThroughApi(page, loginFor(config, 'hotline'));
    const categories = await callApi(page, 'GET', '/request-categories');
    const leaf = categories.items.find((category) => category.code === '03.01.01');
    const [community] = (await callApi(page, 'GET', `/orgs?q=${encodeURIComponent('和平里社区')}`))
      .items;
    const request = await callApi(page, 'POST', '/requests', {
      channel: 'hotline',
      category_id: leaf.id,
      title: `无障碍检查工单${uniqueSuffix()}`,
      description: '楼道垃圾无人清运',
      territory_org_id: community.id,
    });
    work.request = request.id;
  });
  await withPage(t, async (page, config) => {
    await signInThroughApi(page, loginFor(config, 'district'));
    await callApi(page, 'POST', `/supervisions/${work.supervision}/rectifications`, {
      text: '已部署整改',
      attachment_ids: [],
    });
  });
  await withPage(t, async (page, config) => {
    await signInThroughApi(page, loginFor(config, 'street'));
    const units = await callApi(page, 'GET', '/units?page_size=1');
    const agreement = await callApi(page, 'POST', '/agreements', {
      org_id: (await currentSession(page)).user.org.id,
      title: `无障碍检查共建协议${uniqueSuffix()}`,
      org_head: '王志刚',
      org_liaison: '赵敏',
      signed_on: chinaDate(-100),
      start_on: chinaDate(-100),
      end_on: chinaDate(265),
      parties: [{ unit_id: units.items[0].id, head: '张伟', liaison: '刘洋' }],
      commitments: [{ kind: 'venue', description: '开放会议室', quantity: 1, rhythm: 'monthly' }],
    });
    work.agreement = agreement.id;
    // A key enterprise of the street (a unit of its own) with an issue open, to resolve.
    const street = (await currentSession(page)).user.org;
    const unit = await callApi(page, 'POST', '/units', {
      org_id: street.id,
      name: `无障碍检查重点企业${uniqueSuffix()}`,
      credit_code: randomCreditCode(),
      unit_kind: 'private_enterprise',
      industry: '制造业',
      staff_count: 320,
      legal_representative: randomChineseName('王'),
      eligible_for_org: false,
      own_org_id: null,
      joint_branch_org_id: null,
      instructor: '',
      key_enterprise: true,
    });
    const agencies = await callApi(page, 'GET', '/agencies');
    const agency = agencies.items.find((each) =>
      each.streets.some((served) => served.id === street.id),
    );
    const enterprise = await callApi(page, 'POST', '/key-enterprises', {
      unit_id: unit.id,
      street_org_id: street.id,
      agency_org_id: agency.org.id,
      reason: '无障碍检查',
    });
    await callApi(page, 'POST', `/key-enterprises/${enterprise.id}/entries`, {
      kind: 'issue',
      happened_on: chinaDate(0),
      text: '企业门前占道停车',
    });
    work.keyEnterprise = enterprise.id;
  });
  return work;
}

test('the login page has no serious accessibility violation', (t) =>
  withPage(t, async (page) => {
    await page.goto('/login');
    await settle(page, 'the login page');
    await expectAccessible(page, 'the login page');
  }));

// The records the pages show, made once by the first role's test; the dialogs opened so far.
let work = null;
const seen = new Set();

for (const role of ROLES) {
  test(
    `every page, detail page and dialog of ${role} has no serious accessibility violation`,
    TEST_TIMEOUT,
    async (t) => {
      work ??= await setUpWork(t);
      await withPage(t, async (page, config) => {
        await signInThroughApi(page, loginFor(config, role));
        await page.goto('/');
        await settle(page, `the home page of ${role}`);
        const paths = await page
          .locator('nav [data-test^="menu-"]')
          .evaluateAll((links) => links.map((link) => new URL(link.href).pathname));
        assert.ok(paths.length > 1, `${role} has a menu`);
        for (const path of paths) {
          await checkPage(page, path, `${path} of ${role}`);
          await checkOpeners(page, OPENERS[path] ?? [], seen);
        }
        await checkPage(page, '/password', `the password page of ${role}`);
        await checkPage(page, '/second-factor', `the second-factor page of ${role}`);
        // The request as its owner finds it, in hand, and as its first receiver after the reply.
        if (role === 'community') {
          await checkPage(page, `/requests/${work.request}`, 'a request to sign for');
          await checkOpeners(page, OPENERS['/request-to-sign'], seen);
          await callApi(page, 'POST', `/requests/${work.request}/sign`);
          await checkPage(page, `/requests/${work.request}`, 'a request in hand');
          await checkOpeners(page, OPENERS['/request-in-hand'], seen);
          await callApi(page, 'POST', `/requests/${work.request}/reply`, { text: '已处理' });
        }
        if (role === 'hotline') {
          await checkPage(page, `/requests/${work.request}`, 'a replied request');
          await checkOpeners(page, OPENERS['/request-replied'], seen);
        }
        if (!paths.includes('/tasks')) return;

        // The task's node of the role's org, its records, its supervision and bulletin.
        const todo = await callApi(page, 'GET', `/task-assignments?task=${work.task}`);
        const node = todo.items[0]?.id ?? work.root;
        await checkPage(page, `/tasks/assignments/${node}`, `the task node of ${role}`);
        await checkOpeners(page, OPENERS['/task-assignment'], seen);
        if (role === 'city') {
          await checkPage(page, work.records, 'the task records page');
          await checkPage(page, `/supervisions/${work.supervision}`, 'the supervision page');
          await checkOpeners(page, OPENERS['/supervision'], seen);
          await checkPage(page, `/bulletins/${work.bulletin}`, 'the bulletin page');
          await checkPage(page, `/bulletins/${work.bulletin}/print`, 'the bulletin print page');
        }
        if (role === 'street') {
          await checkPage(page, `/cobuild/agreements/${work.agreement}`, 'the agreement page');
          await checkOpeners(page, OPENERS['/agreement'], seen);
          await checkPage(
            page,
            `/cobuild/agreements/${work.agreement}/print`,
            'the agreement print page',
          );
          await checkPage(page, '/check-in/service-hours', 'the service hours page');
          await checkPage(
            page,
            `/key-enterprises/${work.keyEnterprise}`,
            'the key enterprise page',
          );
          await checkOpeners(page, OPENERS['/key-enterprise'], seen);
          await checkPage(page, '/reviews', 'the review queue with a report');
          await page.locator('[data-test="review-link"]').first().click();
          await settle(page, 'the task node with a report to review');
          await expectAccessible(page, 'the task node with a report to review');
          await checkOpeners(page, OPENERS['/task-assignment'], seen);
        }
      });
    },
  );
}

test('every dialog is opened by some role, and the street has no report left to review', async (t) => {
  assert.ok(work, 'the role tests made their records');
  // The street accepts the report, so that its review queue is as the other tests expect.
  await withPage(t, async (page, config) => {
    await signInThroughApi(page, loginFor(config, 'street'));
    await callApi(page, 'POST', `/progress-reports/${work.report}/accept`);
  });
  const missed = Object.values(OPENERS)
    .flat()
    .map(([what]) => what)
    .filter((what) => !seen.has(what));
  assert.deepEqual(missed, [], 'dialogs no role could open');
});
