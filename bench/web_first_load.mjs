#!/usr/bin/env node
// First load of the web app in headless Chromium, with an empty cache each time: how long until the
// login form, the home page and the member list are usable, and how many bytes of JavaScript and
// CSS went over the wire (as sent: compressed when the server compressed them).
//
//   node bench/web_first_load.mjs --base-url http://127.0.0.1:8080 --logins demo-logins.tsv [--runs 7]
//     [--mbps 10 --latency-ms 40]
//
// With --mbps, Chromium throttles the line (download and upload, plus the round-trip latency) as a
// street office's shared line would be; without it, the figures are localhost's.
// The logins file is the one `liandong demo --logins` writes (role<TAB>username<TAB>password); the
// street login is used. Prints a table of medians (and min–max) over the runs.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';

const require = createRequire(new URL('../web/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const { values } = parseArgs({
  options: {
    'base-url': { type: 'string', default: 'http://127.0.0.1:8080' },
    logins: { type: 'string' },
    role: { type: 'string', default: 'street' },
    runs: { type: 'string', default: '7' },
    mbps: { type: 'string' },
    'latency-ms': { type: 'string', default: '40' },
  },
});
if (!values.logins) {
  console.error('usage: web_first_load.mjs --base-url URL --logins FILE [--role street] [--runs 7]');
  process.exit(2);
}
const baseUrl = values['base-url'];
const runs = Number(values.runs);
const logins = (await readFile(values.logins, 'utf8'))
  .split('\n')
  .map((line) => line.split('\t'))
  .filter((fields) => fields.length >= 3);
const login = logins.find(([role]) => role === values.role);
if (!login) throw new Error(`no ${values.role} login in ${values.logins}`);

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});

/** JS and CSS bytes on the wire for the page so far, from the resource timings. */
async function scriptAndStyleBytes(page) {
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((entry) => /\.(js|css)(\?|$)/.test(entry.name))
      .reduce((sum, entry) => sum + entry.transferSize, 0),
  );
}

/** One cold load of `path` in a fresh context (empty cache), until `ready` is visible. */
async function coldLoad(path, ready, storageState) {
  const context = await browser.newContext({ storageState });
  const page = await context.newPage();
  if (values.mbps) {
    const bytesPerSecond = (Number(values.mbps) * 1_000_000) / 8;
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: Number(values['latency-ms']),
      downloadThroughput: bytesPerSecond,
      uploadThroughput: bytesPerSecond,
    });
  }
  const started = performance.now();
  await page.goto(baseUrl + path);
  await page.locator(ready).first().waitFor({ state: 'visible', timeout: 30_000 });
  const ms = performance.now() - started;
  const bytes = await scriptAndStyleBytes(page);
  await context.close();
  return { ms, bytes };
}

// A session to reuse: sign in once through the form.
const signIn = await browser.newContext();
const signInPage = await signIn.newPage();
await signInPage.goto(`${baseUrl}/login`);
await signInPage.locator('[data-test="login-username"]').fill(login[1]);
await signInPage.locator('[data-test="login-password"]').fill(login[2]);
await signInPage.locator('[data-test="login-submit"]').click();
await signInPage.waitForURL((url) => url.pathname === '/');
const storageState = await signIn.storageState();
await signIn.close();

const scenarios = [
  { name: 'login page', path: '/login', ready: '[data-test="login-submit"]', session: undefined },
  { name: 'home page', path: '/', ready: '[data-test="org-counts"] .count-value', session: storageState },
  {
    name: 'member list (street)',
    path: '/members',
    ready: '[data-test="member-table"] .el-table__row',
    session: storageState,
  },
];

const median = (numbers) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)];
const line = values.mbps ? `${values.mbps} Mbit/s, ${values['latency-ms']} ms latency` : 'localhost';
console.log(`# ${baseUrl} (${line}), ${runs} cold loads each (empty cache), Chromium headless`);
console.log('| page | usable after, median ms | min–max ms | JS + CSS on the wire, KiB |');
console.log('|---|---|---|---|');
for (const scenario of scenarios) {
  const results = [];
  for (let run = 0; run < runs; run += 1) {
    results.push(await coldLoad(scenario.path, scenario.ready, scenario.session));
  }
  const times = results.map((result) => result.ms);
  console.log(
    `| ${scenario.name} | ${median(times).toFixed(0)} | ${Math.min(...times).toFixed(0)}–${Math.max(...times).toFixed(0)} | ${(median(results.map((result) => result.bytes)) / 1024).toFixed(1)} |`,
  );
}
await browser.close();
