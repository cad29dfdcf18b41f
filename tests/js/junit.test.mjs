// The JUnit XML of yusuan test --format junit and yusuan check --rules
// --format junit, read by an XML parser (headless Chromium's DOMParser) as a
// CI system's JUnit consumer reads it: well formed, one testsuite per file
// (per budget), one testcase per test (per rule), failures with their messages.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { root, runStatus, tempDir } from './lib.mjs';

const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const profileDir = tempDir('chromium-junit');
const context = await chromium.launchPersistentContext(profileDir, {
  executablePath, headless: true, offline: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'],
});
after(async () => { await context.close(); rmSync(profileDir, { recursive: true, force: true }); });

/// The suites of a JUnit document, parsed by the browser; throws when it is not well-formed XML.
async function suites(xml) {
  const page = await context.newPage();
  const result = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    const error = doc.getElementsByTagName('parsererror')[0];
    if (error) return { error: error.textContent };
    const top = doc.documentElement;
    return {
      root: top.nodeName,
      tests: top.getAttribute('tests'),
      failures: top.getAttribute('failures'),
      suites: [...top.getElementsByTagName('testsuite')].map((s) => ({
        name: s.getAttribute('name'),
        tests: Number(s.getAttribute('tests')),
        failures: Number(s.getAttribute('failures')),
        cases: [...s.getElementsByTagName('testcase')].map((c) => ({
          name: c.getAttribute('name'),
          classname: c.getAttribute('classname'),
          failure: c.getElementsByTagName('failure')[0]?.getAttribute('message') ?? null,
        })),
      })),
    };
  }, xml);
  await page.close();
  if (result.error) throw new Error(`not well-formed XML: ${result.error}`);
  return result;
}

test('yusuan test --format junit: a suite per file, a case per test', async () => {
  const dir = tempDir('junit');
  writeFileSync(join(dir, 'rules.budget'), '核对 支出合计 ≤ 100.00 "支出超过<上限>&"\n');
  writeFileSync(join(dir, 't.budget'),
    '测试 "超过" {\n  规则 "rules.budget"\n  208 01 09 30201: 200.00\n  应 报错 E0501 "支出超过"\n}\n' +
    '测试 "不该失败却失败" {\n  规则 "rules.budget"\n  208 01 09 30201: 300.00\n  应 通过\n}\n');
  const r = runStatus('test', join(dir, 't.budget'), '--format', 'junit');
  assert.equal(r.status, 1, r.stderr);
  const doc = await suites(r.stdout);
  assert.equal(doc.root, 'testsuites');
  assert.equal(doc.tests, '2');
  assert.equal(doc.failures, '1');
  assert.equal(doc.suites.length, 1);
  assert.equal(doc.suites[0].name, join(dir, 't.budget'));
  assert.deepEqual(doc.suites[0].cases.map((c) => c.name), ['超过', '不该失败却失败']);
  assert.equal(doc.suites[0].cases[0].failure, null);
  // located at its 应 line, as a diagnostic is
  assert.equal(doc.suites[0].cases[1].failure.startsWith(`${join(dir, 't.budget')}:9:3: 应 通过: `), true);
  assert.match(doc.suites[0].cases[1].failure, /: 应 通过: expected no error, found E0501 支出超过<上限>&/);
  rmSync(dir, { recursive: true, force: true });
});

test('yusuan test --format junit over the standard rule library', async () => {
  const r = runStatus('test', 'budgets/std/rules/tests', '--format', 'junit');
  assert.equal(r.status, 0, r.stderr);
  const doc = await suites(r.stdout);
  assert.equal(doc.suites.length, 6);
  assert.equal(doc.failures, '0');
  assert.equal(doc.suites.reduce((n, s) => n + s.tests, 0), 38);
});

test('yusuan check --rules --format junit: a suite per budget, a case per constraint checked', async () => {
  const r = runStatus('check', join(root, 'budgets/luoyang-social-insurance-center-2024.budget'),
                      join(root, 'examples/budgets/main.budget'), '--rules', join(root, 'budgets/std/rules'),
                      '--format', 'junit');
  assert.equal(r.status, 1, r.stderr);
  const doc = await suites(r.stdout);
  assert.equal(doc.suites.length, 2);
  const [luoyang, example] = doc.suites;
  // the rules' constraints (45 on the reference budget, 3 failing), then the
  // budget's own 93, all passing
  const fromRules = (s) => s.cases.filter((c) => c.classname.includes('std/rules/'));
  assert.equal(fromRules(luoyang).length, 45);
  assert.equal(luoyang.tests, 45 + 93);
  assert.equal(luoyang.failures, 3);
  const failed = luoyang.cases.filter((c) => c.failure !== null);
  assert.ok(failed.every((c) => c.classname.includes('std/rules/')), failed.map((c) => c.classname).join('\n'));
  assert.ok(failed.some((c) => c.failure.includes('三公经费不得增长')), failed.map((c) => c.failure).join('\n'));
  assert.equal(fromRules(example).length, 25);
  assert.equal(example.tests, 25 + 84);
  assert.equal(example.failures, 2);
});
