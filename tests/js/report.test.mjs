// The HTML report in headless Chromium: it loads with no console error and no
// request but its own file, shows every table, chart and check, prints to PDF,
// and its screenshots are written (YUSUAN_SCREENSHOTS names the folder; by
// default the test's own output folder).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { reference, example, putuo, run, tempDir } from './lib.mjs';

const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
const shots = process.env.YUSUAN_SCREENSHOTS || join(process.cwd(), 'screenshots');
mkdirSync(shots, { recursive: true });
const profileDir = tempDir('chromium');
// A fresh profile directory (--user-data-dir) for this run.
const context = await chromium.launchPersistentContext(profileDir, {
  executablePath,
  headless: true,
  offline: true,
  viewport: { width: 1280, height: 900 },
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
after(async () => { await context.close(); rmSync(profileDir, { recursive: true, force: true }); });

/// Opens the report of `budget`; returns the page, the console errors and
/// every request the page made.
async function open(budget) {
  const dir = tempDir('report');
  const file = join(dir, 'report.html');
  run('report', budget, '-o', file);
  const url = pathToFileURL(file).href;
  const page = await context.newPage();
  const errors = [], requests = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  page.on('requestfailed', (r) => errors.push(`failed: ${r.url()}`));
  await page.goto(url, { waitUntil: 'load' });
  return { page, errors, requests, url };
}

test('the report of the reference budget loads alone and shows everything', async () => {
  const { page, errors, requests, url } = await open(reference);
  assert.deepEqual(errors, []);
  assert.deepEqual(requests, [url], 'no request but the page itself');
  assert.equal(await page.title(), '2024年洛阳市社会保险中心单位预算');
  assert.equal(await page.locator('section.table').count(), 13);
  assert.equal(await page.locator('figure svg').count(), 5);
  for (const svg of await page.locator('figure svg').all()) {
    const box = await svg.boundingBox();
    assert.ok(box.width > 200 && box.height > 20, JSON.stringify(box));
  }
  // The numbers of a table as the table prints them.
  const t08 = page.locator('#t08 tbody tr').first().locator('td');
  assert.deepEqual(await t08.allTextContents(), ['9.20', '', '7.00', '', '7.00', '2.20']);
  assert.equal(await page.locator('#check-list tbody tr').count(), 93);
  assert.equal(await page.locator('#check-list .failed').count(), 0);
  assert.match(await page.locator('#chart-function').textContent(), /208 社会保障和就业支出.*38093\.45/);
  // Nothing wider than the window but the tables' own scrolling boxes.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page overflows by ${overflow}px`);

  await page.screenshot({ path: join(shots, 'report-top.png') });
  await page.screenshot({ path: join(shots, 'report-charts.png'), fullPage: true, clip: await chartsClip(page) });
  await page.locator('#t03').screenshot({ path: join(shots, 'report-table-03.png') });
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('nav').isVisible(), false, 'no navigation on paper');
  const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.ok(pages >= 14, `${pages} printed pages: the summary, then a page per table`);
  await page.close();
});

/// The charts, in page coordinates.
const chartsClip = (page) => page.evaluate(() => {
  const top = document.getElementById('charts').getBoundingClientRect().top + window.scrollY;
  const bottom = document.getElementById('chart-projects').getBoundingClientRect().bottom + window.scrollY;
  return { x: 0, y: top - 10, width: 1280, height: bottom - top + 20 };
});

test('the report of the example budget loads alone', async () => {
  const { page, errors, requests, url } = await open(example);
  assert.deepEqual(errors, []);
  assert.deepEqual(requests, [url]);
  assert.equal(await page.locator('section.table').count(), 13);
  await page.screenshot({ path: join(shots, 'report-example-top.png') });
  await page.close();
});

test('the report of the Putuo budget shows the 9 tables of its template', async () => {
  const { page, errors, requests, url } = await open(putuo);
  assert.deepEqual(errors, []);
  assert.deepEqual(requests, [url]);
  assert.equal(await page.title(), '上海市普陀区2025年区级单位预算：上海市普陀区商务委员会');
  assert.equal(await page.locator('section.table').count(), 9);
  assert.equal(await page.locator('#check-list .failed').count(), 0);
  assert.match(await page.locator('#chart-function').textContent(), /215 资源勘探工业信息等支出.*293,810,000\.00/);
  await page.screenshot({ path: join(shots, 'report-putuo-top.png') });
  await page.close();
});
