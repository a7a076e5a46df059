// End to end with Excel workbooks: the page starts without the Excel worker;
// «Scarica Excel (.xlsx)» loads it and downloads the Como table, whose live
// formulas cache the numbers on screen (averages, weighted scores, results);
// the workbook comes back through the objectives import, previewed as a
// sheet, and gives the same averages; refused files and a worker that
// cannot load are said in Italian.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';
import { openApp } from './harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
const out = join(here, 'out');
mkdirSync(out, { recursive: true });
let app, url, browser, page, requests, consoleErrors;

before(async () => {
  app = await openApp();
  ({ url, browser, page, requests, errors: consoleErrors } = app);
});

after(async () => {
  await app?.close();
});

const cell = (testid) => page.locator(`[data-testid="${testid}"]`);
const workerFiles = (list) => list.filter((r) => /xlsx_worker/.test(r)).map((r) => r.slice(r.lastIndexOf('/') + 1));

// ---- a tiny .xlsx reader: the zip's central directory, then the sheet XML --

function unzip(bytes) {
  let end = bytes.length - 22;
  while (end >= 0 && bytes.readUInt32LE(end) !== 0x06054b50) end--;
  assert.ok(end >= 0, 'a zip file');
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const files = {};
  for (let i = 0; i < count; i++) {
    assert.equal(bytes.readUInt32LE(at), 0x02014b50);
    const method = bytes.readUInt16LE(at + 10);
    const size = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extra = bytes.readUInt16LE(at + 30);
    const comment = bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(start, start + size);
    files[name] = (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    at += 46 + nameLength + extra + comment;
  }
  return files;
}

const unescape = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The first sheet: cells by row number and column letters, each {text, formula, value}. */
function readWorkbook(path) {
  const files = unzip(readFileSync(path));
  const strings = [...(files['xl/sharedStrings.xml'] ?? '').matchAll(/<si>(.*?)<\/si>/gs)]
    .map((m) => [...m[1].matchAll(/<t[^>]*>(.*?)<\/t>/gs)].map((t) => unescape(t[1])).join(''));
  const sheets = [...files['xl/workbook.xml'].matchAll(/<sheet name="([^"]*)"/g)].map((m) => unescape(m[1]));
  const rows = new Map();
  for (const m of files['xl/worksheets/sheet1.xml'].matchAll(/<c r="([A-Z]+)(\d+)"([^>]*?)(?:\/>|>(.*?)<\/c>)/gs)) {
    const [, col, row, attributes, body = ''] = m;
    const formula = body.match(/<f>(.*?)<\/f>/s)?.[1];
    const value = body.match(/<v>(.*?)<\/v>/s)?.[1];
    const text = /t="s"/.test(attributes) && value !== undefined ? strings[Number(value)] : undefined;
    if (!rows.has(Number(row))) rows.set(Number(row), {});
    rows.get(Number(row))[col] = { text, formula: formula && unescape(formula), value: value && !text ? unescape(value) : undefined };
  }
  return { sheets, rows };
}

/** A cached number as Pesatura writes it on screen: 20.67 → "20,67". */
const it2 = (value) => Number(value).toFixed(2).replace('.', ',');

// ---- the tests ------------------------------------------------------------

test('the page starts without the Excel worker', async () => {
  await cell('media-s3').waitFor();
  await page.waitForLoadState('networkidle');
  assert.ok(requests.some((r) => r.endsWith('/pesatura_bg.wasm')), 'the main bundle is loaded');
  assert.deepEqual(workerFiles(requests), [], 'nothing of the Excel worker before it is used');
});

const unitAverages = {};

test('Scarica Excel: the Como table with live formulas caching the numbers on screen', async () => {
  await page.locator('#apri-file').setInputFiles(join(repo, 'examples', 'como-peg-2024.json'));
  await cell('notice').filter({ hasText: 'Aperto il file' }).waitFor();
  // Settore 1's achievements, as in results.test.mjs: 100 %, 80 %, 18 hours out of 24.
  await page.getByLabel('Raggiungimento e risultati').check();
  for (const [field, value] of [['#raggiungimento-o1', '100'], ['#raggiungimento-o2', '80']]) {
    await page.locator(field).fill(value);
    await page.locator(field).press('Tab');
  }
  await page.locator('#raggiungimento-o3-modo').selectOption('higher');
  await page.locator('#raggiungimento-o3-target').fill('24');
  await page.locator('#raggiungimento-o3-target').press('Tab');
  await page.locator('#raggiungimento-o3-rilevato').fill('18');
  await page.locator('#raggiungimento-o3-rilevato').press('Tab');
  await cell('risultato-s1').filter({ hasText: /^\d/ }).waitFor();
  const screen = {
    result: await cell('risultato-s1').innerText(),
    weighted: await cell('ponderato-o2').innerText(),
    title: await page.locator('#titolo-o2').inputValue(),
  };
  assert.equal(screen.result, '83,71');

  await page.getByRole('heading', { name: 'Fogli di calcolo: importa ed esporta' }).click();
  const units = await page.locator('#incolla-unita option').evaluateAll((options) => options.map((o) => [o.value, o.textContent]));
  assert.equal(units.length, 17, 'the 17 settori');
  for (const [id] of units) {
    unitAverages[id] = (await cell(`riepilogo-${id}`).locator('td').nth(2).innerText()).trim();
  }
  assert.equal(unitAverages.s1, '20,67');
  assert.equal(unitAverages.s3, '26,50');

  // Held back, the worker's start shows the busy state.
  let release;
  const held = new Promise((ok) => { release = ok; });
  await page.route('**/xlsx_worker_loader.js', async (route) => { await held; await route.continue(); });
  const button = page.getByRole('button', { name: 'Scarica Excel (.xlsx)' });
  const downloaded = page.waitForEvent('download');
  await button.click();
  await cell('excel-stato').filter({ hasText: 'Preparazione del file Excel…' }).waitFor();
  assert.ok(await button.isDisabled(), 'one workbook at a time');
  await page.locator('.spreadsheets').screenshot({ path: join(out, 'xlsx-busy.png') });
  release();
  const download = await downloaded;
  await page.unroute('**/xlsx_worker_loader.js');
  assert.equal(download.suggestedFilename(), 'pesatura-comune-di-como-2024.xlsx');
  const path = join(out, download.suggestedFilename());
  await download.saveAs(path);
  await cell('excel-stato').filter({ hasText: 'File Excel pronto: «pesatura-comune-di-como-2024.xlsx».' }).waitFor();
  assert.ok(await button.isEnabled());
  assert.deepEqual(workerFiles(requests).sort(), ['xlsx_worker.js', 'xlsx_worker_bg.wasm', 'xlsx_worker_loader.js']);

  const { sheets, rows } = readWorkbook(path);
  assert.deepEqual(sheets, ['Pesatura', 'Griglia', 'Rilievi']);
  const header = Object.fromEntries(Object.entries(rows.get(4)).map(([col, c]) => [c.text, col]));
  const [title, total, average, weighted, result] = ['Titolo', 'Totale', "Media della tabella", 'Punteggio ponderato', "Risultato della tabella"].map((h) => {
    assert.ok(header[h], `a column «${h}» in ${JSON.stringify(header)}`);
    return header[h];
  });
  // Every settore's closing row: a live average caching the average on screen.
  const closing = new Map();
  for (const [n, row] of rows) {
    const label = row.A?.text?.match(/^Totale e media — (.*)$/)?.[1];
    if (label) closing.set(label, n);
  }
  assert.equal(closing.size, 18, '17 settori and the shared objectives');
  for (const [id, label] of units) {
    const n = closing.get(label);
    assert.ok(n, `a closing row for ${label}`);
    const cached = rows.get(n)[average];
    assert.match(cached.formula, new RegExp(`^IFERROR\\(ROUND\\(AVERAGE\\(${total}\\d+:${total}${n - 1}\\),2\\),""\\)$`), label);
    assert.equal(it2(cached.value), unitAverages[id], `${label}: the workbook's average is the one on screen`);
  }
  // Objective rows: a live total; o2's weighted score as on screen, as a formula.
  const s1 = units.find(([id]) => id === 's1')[1];
  const [o2] = [...rows].find(([, row]) => row[title]?.text === screen.title && row.B?.text === s1) ?? [];
  assert.ok(o2, `the row of «${screen.title}»`);
  assert.match(rows.get(o2)[total].formula, new RegExp(`^IF\\(COUNT\\([A-Z]+${o2}:[A-Z]+${o2}\\)=4,SUM\\(`));
  assert.match(rows.get(o2)[weighted].formula, new RegExp(`ROUND\\([A-Z]+${o2}\\*[A-Z]+${o2}/100,2\\)`));
  assert.equal(it2(rows.get(o2)[weighted].value), screen.weighted);
  const s1Closing = rows.get(closing.get(s1))[result];
  assert.match(s1Closing.formula, /SUMPRODUCT\(/);
  assert.equal(it2(s1Closing.value), screen.result);
});

test('an .xlsx through the objectives import: previewed as a sheet, accepted, the same averages', async () => {
  // Como's units and grid without objectives, opened as a file.
  const como = JSON.parse(readFileSync(join(repo, 'examples', 'como-peg-2024.json'), 'utf8'));
  delete como.checksum;
  como.objectives = [];
  const empty = join(out, 'como-senza-obiettivi.json');
  writeFileSync(empty, JSON.stringify(como));
  page.once('dialog', (dialog) => dialog.accept()); // the achievements typed above are not saved
  await page.locator('#apri-file').setInputFiles(empty);
  await cell('ente-obiettivi').filter({ hasText: /^0$/ }).waitFor();

  await page.locator('#importa-csv').setInputFiles(join(out, 'pesatura-comune-di-como-2024.xlsx'));
  const panel = page.getByTestId('importa');
  await panel.waitFor();
  assert.equal(await cell('importa-esito').innerText(), '53 obiettivi da importare, 0 righe scartate (cartella Excel, foglio «Pesatura»).');
  // The achievements as entered are read back; the columns Pesatura computes are left aside without a word.
  assert.doesNotMatch(await panel.innerText(), /Colonne non lette/);
  await page.screenshot({ path: join(out, 'xlsx-import.png') });
  await panel.getByRole('button', { name: 'Importa 53 obiettivi' }).click();
  assert.equal(await panel.count(), 0);
  await cell('notice').filter({ hasText: 'Importati 53 obiettivi da «pesatura-comune-di-como-2024.xlsx»' }).waitFor();
  assert.equal(await cell('ente-obiettivi').innerText(), '53');
  assert.equal(await cell('media-s1').innerText(), '20,67');
  assert.equal(await cell('media-s3').innerText(), '26,50');
  for (const [id, expected] of Object.entries(unitAverages)) {
    assert.equal((await cell(`riepilogo-${id}`).locator('td').nth(2).innerText()).trim(), expected, id);
  }
  // Settore 1's achievements came back with its objectives: 100 %, 80 % and the indicator, 18 of 24.
  const results = page.getByLabel('Raggiungimento e risultati');
  if (!(await results.isChecked())) await results.check();
  assert.equal(await cell('risultato-s1').innerText(), '83,71');
  assert.equal(await page.locator('#raggiungimento-o3-target').inputValue(), '24');
  assert.equal(await page.locator('#raggiungimento-o3-rilevato').inputValue(), '18');
});

test('what is not a workbook is refused, with the way out', async () => {
  const old = join(out, 'vecchio.xls');
  writeFileSync(old, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]));
  await page.locator('#importa-csv').setInputFiles(old);
  await cell('notice').filter({ hasText: '«vecchio.xls»: Il file non si può importare: è un file di Excel nel vecchio formato .xls' }).waitFor();
  const broken = join(out, 'rotto.xlsx');
  writeFileSync(broken, 'PK\x03\x04 non è davvero una cartella di lavoro');
  await page.locator('#importa-csv').setInputFiles(broken);
  await cell('notice').filter({ hasText: '«rotto.xlsx»: Il file non si può importare: il file .xlsx è danneggiato' }).waitFor();
  assert.equal(await cell('ente-obiettivi').innerText(), '53', 'the plan on screen is untouched');
});

test('a worker that cannot load is said in Italian, and the next try loads it', async () => {
  const other = await (await browser.newContext({ acceptDownloads: true })).newPage();
  await other.goto(url);
  await other.locator('[data-testid="media-s3"]').waitFor();
  await other.getByRole('heading', { name: 'Fogli di calcolo: importa ed esporta' }).click();
  const button = other.getByRole('button', { name: 'Scarica Excel (.xlsx)' });
  const error = other.getByTestId('excel-errore');
  // Its start script missing: the worker's error event.
  await other.route('**/xlsx_worker_loader.js', (route) => route.fulfill({ status: 404, body: 'non trovato' }));
  await button.click();
  await error.waitFor();
  assert.match(await error.innerText(), /^Errore: Il file Excel non è stato creato: il modulo per i file Excel non si è potuto caricare: ricaricare la pagina e riprovare/);
  assert.equal(await other.getByTestId('excel-stato').innerText(), '');
  await other.unroute('**/xlsx_worker_loader.js');
  // Its wasm missing: the start script says it failed.
  await other.route('**/xlsx_worker_bg.wasm', (route) => route.fulfill({ status: 404, body: 'non trovato' }));
  await button.click();
  // This time with the reason, in brackets, after the same words.
  await error.filter({ hasText: /\[.+\]/ }).waitFor();
  assert.match(await error.innerText(), /il modulo per i file Excel non si è potuto caricare: .*\[.+\]/);
  await other.unroute('**/xlsx_worker_bg.wasm');
  // Everything there again: a fresh worker and the file.
  const [download] = await Promise.all([other.waitForEvent('download'), button.click()]);
  assert.equal(download.suggestedFilename(), 'pesatura-comune-di-como-2024.xlsx');
  assert.equal(await error.count(), 0);
  await other.close();
});

test('under a strict CSP: from a sub-path, in a sandboxed iframe, mounted in a host page', async () => {
  const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
  const prefix = '/intranet/pesatura/';
  const pages = {
    // The intranet's own page, under its own policy; the portal mounts Pesatura under the strict one.
    '/intranet/': `<!doctype html><html lang="it"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Intranet</title></head><body>
      <iframe id="app" title="Pesatura" src="${prefix}" sandbox="allow-scripts allow-same-origin allow-downloads allow-forms allow-modals" style="width:1200px;height:800px"></iframe></body></html>`,
    '/portale/': `<!doctype html><html lang="it"><head><meta charset="utf-8"><title>Portale</title><link rel="icon" href="${prefix}favicon.svg"><link rel="stylesheet" href="${prefix}main.css">
      <script type="module" src="${prefix}init.js"></script></head><body><h1>Portale del Comune</h1><div id="pesatura"></div></body></html>`,
  };
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml' };
  const { createServer } = await import('node:http');
  const strict = createServer(async (req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const headers = path === '/intranet/' ? {} : { 'content-security-policy': CSP };
    if (pages[path]) return res.writeHead(200, { ...headers, 'content-type': types['.html'] }).end(pages[path]);
    if (!path.startsWith(prefix) || path.includes('..')) return res.writeHead(404).end();
    const name = path.slice(prefix.length) || 'index.html';
    try {
      const body = readFileSync(join(process.env.PESATURA_DIST ?? join(repo, 'dist'), name));
      res.writeHead(200, { ...headers, 'content-type': types[name.slice(name.lastIndexOf('.'))] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => strict.listen(0, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${strict.address().port}`;
  try {
    for (const [where, path, frame] of [['sub-path', prefix, false], ['iframe', '/intranet/', true], ['host page', '/portale/', false]]) {
      const tab = await (await browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 1000 } })).newPage();
      const problems = [];
      const seen = [];
      tab.on('request', (r) => seen.push(r.url()));
      tab.on('console', (m) => { if (m.type() === 'error' || /Content.Security.Policy/i.test(m.text())) problems.push(m.text()); });
      tab.on('pageerror', (e) => problems.push(String(e)));
      await tab.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
      });
      await tab.goto(origin + path);
      const app = frame ? tab.frameLocator('#app') : tab;
      await app.locator('[data-testid="media-s3"]').waitFor();
      await app.getByRole('heading', { name: 'Fogli di calcolo: importa ed esporta' }).click();
      const [download] = await Promise.all([tab.waitForEvent('download'), app.getByRole('button', { name: 'Scarica Excel (.xlsx)' }).click()]);
      assert.equal(download.suggestedFilename(), 'pesatura-comune-di-como-2024.xlsx', where);
      const saved = join(out, `como-${where.replace(' ', '-')}.xlsx`);
      await download.saveAs(saved);
      assert.deepEqual(readWorkbook(saved).sheets, ['Pesatura', 'Griglia', 'Rilievi'], where);
      assert.deepEqual(workerFiles(seen).map((f) => f), ['xlsx_worker_loader.js', 'xlsx_worker.js', 'xlsx_worker_bg.wasm'], where);
      assert.ok(seen.filter((r) => /xlsx_worker/.test(r)).every((r) => r.startsWith(origin + prefix)), `${where}: the worker next to pesatura.js`);
      assert.deepEqual(problems, [], where);
      if (where === 'host page') {
        // The host keeps its title; the app's language goes on its element.
        assert.equal(await tab.title(), 'Portale');
        assert.equal(await tab.locator('#pesatura').getAttribute('lang'), 'it');
      }
      await tab.context().close();
    }
  } finally {
    strict.close();
  }
});

test('nothing is logged as an error', async () => {
  assert.deepEqual(consoleErrors, []);
});
