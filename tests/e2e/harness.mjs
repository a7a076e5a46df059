// Serves dist/ on a free localhost port and launches Debian's Chromium with
// the flags this closed network needs.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, extname, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.woff2': 'font/woff2',
};

export async function serve(root) {
  // PESATURA_DIST serves another build (a copy built elsewhere) in its place.
  root = process.env.PESATURA_DIST ?? root;
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    // A folder's address gives its index.html: dist/ under a sub-path, as an intranet serves it.
    const file = join(root, path, path.endsWith('/') ? 'index.html' : '');
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { server, url: `http://127.0.0.1:${server.address().port}/` };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

const AXE = readFileSync(fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url)), 'utf8');

// An axe-core scan (WCAG 2.1 A and AA rules) of the page: no violation.
export async function scanAxe(page, name) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(() => axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }));
  const found = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  assert.deepEqual(found, [], `${name}: ${found.join('; ')}`);
  assert.ok(result.passes.length > 10, `${name}: axe ran its rules`);
}

// The app as most tests open it: dist/ served, Chromium launched, one page
// at 1400×1000 that accepts downloads, with the plan's title on screen.
// `errors` gathers what the page logs as an error and every uncaught
// exception, `requests` every URL it asks for. With `acceptDialogs`, every
// confirmation («Le modifiche non salvate andranno perse») is answered yes;
// without, a test answers the ones it expects.
export async function openApp({ dist = fileURLToPath(new URL('../../dist', import.meta.url)), acceptDialogs = false } = {}) {
  const { server, url } = await serve(dist);
  const browser = await launch();
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  if (acceptDialogs) page.on('dialog', (d) => d.accept().catch(() => {}));
  await page.goto(url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  const close = async () => {
    await browser.close();
    server.close();
  };
  return { server, url, browser, page, errors, requests, close };
}
