// Reads every suite's results and prints one line per suite, then "N passed, N failed".
// Usage: node summarize.mjs RESULTS_DIR GTEST_DIR GTEST_NAME...
// A suite that left no results (crashed, never ran) counts as one failure.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const [resultsDir, gtestDir, ...gtestNames] = process.argv.slice(2);
const rows = [];

function add(suite, passed, failed, skipped = 0, note = '') {
  rows.push({ suite, passed, failed, skipped, note });
}

for (const name of gtestNames) {
  const file = join(gtestDir, `${name}.json`);
  if (!existsSync(file)) {
    add(name, 0, 1, 0, 'no results: crashed or did not run');
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const suite of report.testsuites ?? []) {
    for (const test of suite.testsuite ?? []) {
      if (test.failures?.length) failed += 1;
      else if (test.result === 'SKIPPED' || test.status === 'NOTRUN') skipped += 1;
      else passed += 1;
    }
  }
  add(name, passed, failed, skipped);
}

const vitest = join(resultsDir, 'vitest.json');
if (existsSync(vitest)) {
  const report = JSON.parse(readFileSync(vitest, 'utf8'));
  const suiteErrors = (report.testResults ?? []).filter((r) => r.status === 'failed' && !r.assertionResults?.length).length;
  add('web unit (vitest)', report.numPassedTests, report.numFailedTests + suiteErrors, report.numPendingTests);
} else {
  add('web unit (vitest)', 0, 1, 0, 'no results');
}

const tap = join(resultsDir, 'e2e.tap');
if (existsSync(tap)) {
  const text = readFileSync(tap, 'utf8');
  const count = (label) => Number((text.match(new RegExp(`^# ${label} (\\d+)$`, 'm')) ?? [0, 0])[1]);
  add('browser (playwright)', count('pass'), count('fail') + count('cancelled'), count('skipped') + count('todo'));
} else {
  add('browser (playwright)', 0, 1, 0, 'no results');
}

// checks.txt: one "pass|fail NAME" line per scripted check (API lint, server log, shutdown …).
const checks = join(resultsDir, 'checks.txt');
if (existsSync(checks)) {
  for (const line of readFileSync(checks, 'utf8').split('\n').filter(Boolean)) {
    const [status, ...name] = line.split(' ');
    add(name.join(' '), status === 'pass' ? 1 : 0, status === 'pass' ? 0 : 1);
  }
}

const width = Math.max(...rows.map((r) => r.suite.length));
let passed = 0;
let failed = 0;
let skipped = 0;
for (const row of rows) {
  passed += row.passed;
  failed += row.failed;
  skipped += row.skipped;
  const mark = row.failed ? 'FAIL' : 'ok  ';
  const extra = row.skipped ? `, ${row.skipped} skipped` : '';
  console.log(`${mark} ${row.suite.padEnd(width)}  ${row.passed} passed, ${row.failed} failed${extra}${row.note ? `  (${row.note})` : ''}`);
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed ? 1 : 0);
