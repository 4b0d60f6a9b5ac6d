// Browser test of the start page against a real `ansinh serve` (see run.sh,
// which starts the server and passes its URL in ANSINH_E2E_URL).
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

// playwright-core is a devDependency of web/ (one package-lock.json for all JS).
const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web');
const { chromium } = createRequire(path.join(webDir, 'package.json'))('playwright-core');

const baseUrl = process.env.ANSINH_E2E_URL;
const artifactsDir =
  process.env.ANSINH_E2E_ARTIFACTS ?? mkdtempSync(path.join(tmpdir(), 'ansinh-e2e-'));
const CHROMIUM = process.env.ANSINH_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-gpu',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const WAIT_MS = 10_000;

// Opens a page that records console errors, page errors and CSP violations.
async function openRecordedPage(browser) {
  const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1100, height: 700 } });
  const page = await context.newPage();
  const problems = { consoleErrors: [], pageErrors: [], cspViolations: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') problems.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => problems.pageErrors.push(String(error)));
  await page.exposeFunction('__ansinhReportCsp', (text) => problems.cspViolations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__ansinhReportCsp(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return { context, page, problems };
}

describe('trang chủ ansinh', () => {
  let browser;

  before(async () => {
    assert.ok(baseUrl, 'ANSINH_E2E_URL is not set: run tests/e2e/run.sh BUILD_DIR');
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  });

  after(async () => {
    await browser?.close();
  });

  it('shows that the system works, on SQLite, without console errors or CSP violations', async () => {
    const { context, page, problems } = await openRecordedPage(browser);
    const response = await page.goto(baseUrl, { waitUntil: 'networkidle' });
    assert.equal(response.status(), 200);
    assert.match(response.headers()['content-security-policy'] ?? '', /default-src 'self'/);
    assert.equal(await page.title(), 'ansinh — Chi trả an sinh xã hội không dùng tiền mặt');
    const heading = (await page.locator('h1').innerText()).replace(/\s+/g, ' ').trim();
    assert.equal(heading, 'ansinh — Chi trả an sinh xã hội không dùng tiền mặt');

    const message = page.locator('#status-message');
    await message.filter({ hasText: 'Hệ thống hoạt động' }).waitFor({ timeout: WAIT_MS });
    assert.equal(await page.locator('#status-panel').getAttribute('data-state'), 'ok');
    assert.equal(await page.locator('#status-retry').isVisible(), false);
    assert.match(await page.locator('#status-db').innerText(), /sqlite/);
    assert.match(await page.locator('#status-schema').innerText(), /^\d+$/);

    const screenshot = path.join(artifactsDir, 'start-page.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    console.log(`screenshot: ${screenshot}`);
    assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], cspViolations: [] });
    await context.close();
  });

  it('shows a Vietnamese error state when the server cannot be reached', async () => {
    const { context, page, problems } = await openRecordedPage(browser);
    await page.route('**/healthz', (route) => route.abort('connectionrefused'));
    await page.goto(baseUrl);
    const message = page.locator('#status-message');
    await message.filter({ hasText: 'Hệ thống không phản hồi' }).waitFor({ timeout: WAIT_MS });
    assert.match(await message.innerText(), /Không kết nối được tới máy chủ/);
    assert.equal(await page.locator('#status-retry').isVisible(), true);
    assert.equal(await page.locator('#status-facts').isVisible(), false);
    await page.screenshot({ path: path.join(artifactsDir, 'start-page-error.png'), fullPage: true });
    assert.deepEqual(problems.pageErrors, []);
    assert.deepEqual(problems.cspViolations, []);
    await context.close();
  });

  it('serves the page for a client-side route and hashed assets with a long cache', async () => {
    const { context, page } = await openRecordedPage(browser);
    const assetResponses = [];
    page.on('response', (response) => {
      if (new URL(response.url()).pathname.startsWith('/assets/')) assetResponses.push(response);
    });
    const response = await page.goto(new URL('/chi-tra/ky-thang', baseUrl).href, { waitUntil: 'networkidle' });
    assert.equal(response.status(), 200);
    assert.ok(assetResponses.length >= 2, 'a script and a stylesheet');
    for (const asset of assetResponses) {
      assert.equal(asset.status(), 200);
      assert.match(asset.headers()['cache-control'] ?? '', /immutable/);
    }
    await context.close();
  });
});
