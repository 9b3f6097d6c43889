// Shared pieces of the browser tests: configuration, the browser, one page per test.
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { totpCode, totpStep } from './totp.mjs';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let axeSource = null;
const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const RESULTS_DIR = new URL('../test-results/', import.meta.url);

/**
 * Reads LIANDONG_BASE_URL and LIANDONG_LOGINS (a TSV file: role, username, password).
 * Throws, failing the test, when either is missing: these tests never pass by skipping.
 */
export async function loadConfig() {
  const baseUrl = process.env.LIANDONG_BASE_URL;
  assert.ok(
    baseUrl,
    'LIANDONG_BASE_URL is not set: start the Liandong server serving web/dist and set it, ' +
      'e.g. LIANDONG_BASE_URL=http://127.0.0.1:18080',
  );
  const loginsPath = process.env.LIANDONG_LOGINS;
  assert.ok(
    loginsPath,
    'LIANDONG_LOGINS is not set: point it at the demo logins TSV (role<TAB>username<TAB>password)',
  );
  const text = await readFile(loginsPath, 'utf8');
  const logins = new Map();
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const [role, username, password] = line.split('\t');
    assert.ok(
      role && username && password,
      `${loginsPath}:${index + 1}: want role<TAB>username<TAB>password`,
    );
    logins.set(role, { role, username, password });
  }
  return { baseUrl: baseUrl.replace(/\/+$/, ''), logins };
}

/** The demo login of a role; fails the test when the file lacks it. */
export function loginFor(config, role) {
  const login = config.logins.get(role);
  assert.ok(login, `LIANDONG_LOGINS has no line for role "${role}"`);
  return login;
}

let browserPromise = null;

/** One Chromium for the whole file (the Debian build; no browser is ever downloaded). */
export function browser() {
  browserPromise ??= chromium.launch({
    executablePath: process.env.LIANDONG_CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  return browserPromise;
}

export async function closeBrowser() {
  if (browserPromise) await (await browserPromise).close();
  browserPromise = null;
}

/**
 * Runs `body` with a page in a fresh browser context (no cookies, no localStorage). On failure
 * saves a screenshot to web/test-results/. Uncaught errors and CSP violations fail the test too.
 */
export async function withPage(testContext, body) {
  const config = await loadConfig();
  const context = await (await browser()).newContext({ baseURL: config.baseUrl });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  // The app must run under the server's Content-Security-Policy; a blocked resource is a bug.
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) pageErrors.push(message.text());
  });
  try {
    await body(page, config);
    assert.deepEqual(pageErrors, [], 'the page threw uncaught errors or broke its CSP');
  } catch (error) {
    await saveScreenshot(page, testContext.name);
    throw error;
  } finally {
    await context.close();
  }
}

async function saveScreenshot(page, testName) {
  try {
    await mkdir(RESULTS_DIR, { recursive: true });
    const file = new URL(`${testName.replace(/[^\w-]+/g, '_')}.png`, RESULTS_DIR);
    await page.screenshot({ path: file.pathname, fullPage: true });
    console.error(`screenshot saved: ${file.pathname}`);
  } catch (error) {
    console.error(`could not save a screenshot: ${error}`);
  }
}

/** Waits until the first element of `locator` has the text (string: exact; RegExp: match). */
export async function expectText(locator, expected, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  let seen = null;
  for (;;) {
    seen = await locator
      .first()
      .textContent({ timeout: 500 })
      .catch(() => null);
    const text = seen?.trim();
    if (
      text !== undefined &&
      (expected instanceof RegExp ? expected.test(text) : text === expected)
    ) {
      return text;
    }
    if (Date.now() > deadline) {
      throw new assert.AssertionError({
        message: `expected ${locator} to have text ${expected}, saw ${JSON.stringify(seen)}`,
        actual: seen,
        expected,
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Waits until the page is at `path` with exactly the query parameters `query`. */
export async function expectPath(page, path, query = {}) {
  const wanted = JSON.stringify(Object.entries(query).sort());
  await page.waitForURL(
    (url) => url.pathname === path && JSON.stringify([...url.searchParams].sort()) === wanted,
  );
}

/** Fills the login form and submits it. */
export async function logIn(page, { username, password }) {
  await page.locator('[data-test="login-username"]').fill(username);
  await page.locator('[data-test="login-password"]').fill(password);
  await page.locator('[data-test="login-submit"]').click();
}

/** A short suffix that makes names created by one run unique, so runs can repeat on one database. */
export function uniqueSuffix() {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1296).toString(36)}`;
}

const NAME_CHARACTERS = '安柏晨德恩芳歌华佳君康丽明宁鹏琴荣思涛伟欣雅怡勇哲振志';

/** A made-up Chinese given name of three characters, after a family name. */
export function randomChineseName(familyName = '测') {
  let name = familyName;
  for (let i = 0; i < 3; i += 1) {
    name += NAME_CHARACTERS[Math.floor(Math.random() * NAME_CHARACTERS.length)];
  }
  return name;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** The check character of GB 11643 for the 17 leading digits. */
export function idNumberCheckCharacter(first17) {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return '10X98765432'[sum % 11];
}

/** A random ID number of 东城区 (110101) with a valid birth date and check character. */
export function randomIdNumber() {
  const year = 1960 + Math.floor(Math.random() * 40);
  const month = String(1 + Math.floor(Math.random() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(Math.random() * 28)).padStart(2, '0');
  const sequence = String(Math.floor(Math.random() * 1000)).padStart(3, '0');
  const first17 = `110101${year}${month}${day}${sequence}`;
  return first17 + idNumberCheckCharacter(first17);
}

const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** A random unified social credit code (GB 32100) of a firm in 东城区, check character included. */
export function randomCreditCode() {
  let first17 = '91110101';
  for (let i = 0; i < 9; i += 1) {
    first17 += CREDIT_CODE_ALPHABET[Math.floor(Math.random() * CREDIT_CODE_ALPHABET.length)];
  }
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    sum += CREDIT_CODE_ALPHABET.indexOf(first17[i]) * CREDIT_CODE_WEIGHTS[i];
  }
  return first17 + CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31];
}

/** How the server masks an ID number: region, eight stars, the last four characters. */
export function maskedIdNumber(idNumber) {
  return `${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`;
}

/** The logged-in user of the page and the CSRF token of their session (GET /api/v1/me). */
export async function currentSession(page) {
  const me = await page.request.get('/api/v1/me');
  assert.equal(me.status(), 200, 'no logged-in user on this page');
  return me.json();
}

/**
 * Calls the API as the logged-in user of the page (its cookie and CSRF token), for setting up
 * what a test needs but does not test. Fails the test on an error status.
 */
export async function callApi(page, method, path, body) {
  const { csrf_token: csrfToken } = await currentSession(page);
  const response = await page.request.fetch(`/api/v1${path}`, {
    method,
    headers: { 'X-CSRF-Token': csrfToken, 'Content-Type': 'application/json' },
    data: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  assert.ok(response.ok(), `${method} ${path} answered ${response.status()}: ${text}`);
  return text === '' ? undefined : JSON.parse(text);
}

/**
 * Types into a searching select (OrgPicker, UnitPicker: data-test `testId`) and clicks the
 * option named exactly `name` in its dropdown (class `<testId>-popper`); an org option also
 * shows the names above it, which must not match.
 */
export async function pickOption(page, testId, query, name = query) {
  const input = page.locator(`[data-test="${testId}"] input`);
  await input.click();
  await input.fill(query);
  const option = page
    .locator(`.${testId}-popper .el-select-dropdown__item`)
    .filter({ has: page.getByText(name, { exact: true }) })
    .first();
  await option.click();
}

/** Logs out through the header button and waits for the login page. */
export async function logOut(page) {
  await page.locator('[data-test="logout"]').click();
  await expectPath(page, '/login');
}

/**
 * The TOTP secrets of administrators enrolled by the browser tests, kept beside the logins file so
 * that every test file of a run can sign them in again; with the last step each one used, since
 * the server never accepts a code twice.
 */
function secretsFile() {
  return `${process.env.LIANDONG_LOGINS}.totp.json`;
}

async function readSecrets() {
  try {
    return JSON.parse(await readFile(secretsFile(), 'utf8'));
  } catch {
    return {};
  }
}

/** Records a secret a test enrolled through the page, for later sign-ins. */
export async function rememberSecret(username, secret, lastStep = totpStep()) {
  const secrets = await readSecrets();
  secrets[username] = { secret, lastStep };
  await writeFile(secretsFile(), JSON.stringify(secrets));
}

/** A code for `username` of a step not used before (waiting for the next step if need be). */
export async function freshCode(username) {
  const secrets = await readSecrets();
  const entry = secrets[username];
  assert.ok(entry, `no TOTP secret recorded for ${username}`);
  while (totpStep() <= entry.lastStep) await new Promise((resolve) => setTimeout(resolve, 500));
  const step = totpStep();
  await rememberSecret(username, entry.secret, step);
  return totpCode(entry.secret, step);
}

/**
 * Signs the page's context in through the API, second factor included: an administrator not yet
 * enrolled is enrolled (as the enrolment page would), one enrolled gets a fresh code. For tests of
 * pages behind an administrator login; the login and enrolment pages have tests of their own.
 */
export async function signInThroughApi(page, login) {
  const response = await page.request.post('/api/v1/session', {
    data: { username: login.username, password: login.password },
  });
  assert.equal(response.status(), 200, `login of ${login.username}: ${await response.text()}`);
  let session = await response.json();
  if (session.second_factor === 'enrol') {
    const headers = { 'X-CSRF-Token': session.csrf_token };
    const started = await page.request.post('/api/v1/me/second-factor/enrolment', { headers });
    assert.equal(started.status(), 200, await started.text());
    const { secret } = await started.json();
    const step = totpStep();
    const confirmed = await page.request.post('/api/v1/me/second-factor/enrolment/confirm', {
      headers,
      data: { code: totpCode(secret, step) },
    });
    assert.equal(confirmed.status(), 200, await confirmed.text());
    await rememberSecret(login.username, secret, step);
  } else if (session.second_factor === 'required') {
    const passed = await page.request.post('/api/v1/session/second-factor', {
      headers: { 'X-CSRF-Token': session.csrf_token },
      data: { code: await freshCode(login.username) },
    });
    assert.equal(passed.status(), 200, await passed.text());
    session = await passed.json();
  }
  return session;
}

/**
 * The serious and critical WCAG 2.1 A/AA violations axe-core finds on the page as it is now, as
 * `{ id, impact, help, targets }` (targets: the selector and HTML of each offending element).
 */
export async function accessibilityViolations(page) {
  // Evaluated rather than added as a script tag: the server's CSP (script-src 'self') refuses
  // inline scripts, and a CSP violation fails the test.
  if (!(await page.evaluate(() => 'axe' in window))) {
    axeSource ??= await readFile(AXE_SCRIPT, 'utf8');
    await page.evaluate(axeSource);
  }
  // Colours are judged once every transition has ended: a radio button just clicked is white text
  // on a background still fading in, which is no colour a user looks at.
  await page.evaluate(() =>
    Promise.all(
      document.getAnimations().map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  const violations = await page.evaluate(
    async (tags) =>
      (await window.axe.run(document, { runOnly: { type: 'tag', values: tags } })).violations.map(
        (violation) => ({
          id: violation.id,
          impact: violation.impact,
          help: violation.help,
          targets: violation.nodes.map(
            (node) => `${node.target.join(' ')}  ${node.html.replace(/\s+/g, ' ').slice(0, 160)}`,
          ),
        }),
      ),
    WCAG_AA_TAGS,
  );
  return violations.filter((violation) => ['serious', 'critical'].includes(violation.impact));
}

/**
 * Fails the test when axe-core finds a serious or critical WCAG 2.1 AA violation on the page;
 * `what` names the page or dialog in the message, which lists each rule with its elements.
 */
export async function expectAccessible(page, what) {
  const violations = await accessibilityViolations(page);
  const report = violations
    .map(
      ({ id, impact, help, targets }) =>
        `  ${id} (${impact}): ${help}\n${targets.map((target) => `    ${target}`).join('\n')}`,
    )
    .join('\n');
  assert.equal(violations.length, 0, `${what}: axe-core found\n${report}`);
}
