#!/usr/bin/env node
// `npm test`: every suite in order (type-check, unit, browser, end-to-end), then one line that sums them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
const results = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  if (typeof process.getuid === 'function' && process.getuid() === 0) {
    console.log('Chromium is missing: installing it from Debian’s packages…');
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    const install = spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit' });
    if (update.status === 0 && install.status === 0 && existsSync(CHROMIUM)) return;
  }
  console.error('Chromium is missing: run `sudo apt-get install -y chromium` (Debian), then `npm test` again.');
  process.exit(1);
}

function run(cmd, args, label) {
  console.log(`\n=== ${label} ===`);
  const res = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  return res.status ?? 1;
}

function countVitest(file, label, status) {
  if (!existsSync(file)) {
    results.failed += 1;
    failures.push(`${label}: no report (exit ${status})`);
    return;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  results.passed += report.numPassedTests;
  results.failed += report.numFailedTests;
  results.skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  if (report.numFailedTests > 0 || status !== 0) {
    failures.push(`${label}: ${report.numFailedTests} failed${status !== 0 && report.numFailedTests === 0 ? ` (exit ${status})` : ''}`);
    if (report.numFailedTests === 0) results.failed += 1;
  }
}

function countWtr(status, label) {
  const file = '.test-results/browser.json';
  if (!existsSync(file)) {
    results.failed += 1;
    failures.push(`${label}: no report (exit ${status})`);
    return;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  results.passed += report.passed;
  results.failed += report.failed;
  results.skipped += report.skipped;
  if (report.failed > 0 || status !== 0) {
    failures.push(`${label}: ${report.failed} failed (exit ${status})`);
    if (report.failed === 0) results.failed += 1;
  }
}

mkdirSync('.test-results', { recursive: true });
ensureChromium();

const tsc = run('npx', ['tsc', '--noEmit'], 'type-check');
if (tsc === 0) results.passed += 1;
else {
  results.failed += 1;
  failures.push('type-check');
}

const unit = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=.test-results/unit.json'], 'unit (vitest)');
countVitest('.test-results/unit.json', 'unit', unit);

// One browser per test file: in one long run, later pages were seen to stall waiting for animation
// frames; a fresh browser per file is slower by a few seconds each, and reliable.
for (const file of readdirSync('tests/browser').filter((f) => f.endsWith('.test.ts')).sort()) {
  rmSync('.test-results/browser.json', { force: true });
  const status = run('npx', ['web-test-runner', `tests/browser/${file}`], `browser: ${file} (web-test-runner, Chromium)`);
  countWtr(status, `browser ${file}`);
}

const build = run('npx', ['vite', 'build', '--logLevel', 'warn'], 'build');
if (build !== 0) {
  results.failed += 1;
  failures.push('build');
} else {
  const e2e = run(
    'npx',
    ['vitest', 'run', '-c', 'vitest.e2e.config.ts', '--reporter=default', '--reporter=json', '--outputFile=.test-results/e2e.json'],
    'end-to-end (playwright-core, Chromium)',
  );
  countVitest('.test-results/e2e.json', 'e2e', e2e);
}

console.log('');
if (failures.length) console.log(`Failed: ${failures.join('; ')}`);
console.log(`${results.passed} passed, ${results.failed} failed, ${results.skipped} skipped`);
process.exit(results.failed > 0 ? 1 : 0);
