// End to end, as the Nucleo di valutazione uses Pesatura: open a dirigente's
// file, switch to Verifica, contest a score with a comment and a revised
// value, see the validated numbers beside the proposed ones, save, reopen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch } from './harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
const out = join(here, 'out');
mkdirSync(out, { recursive: true });

let server, url, browser, page;
const consoleErrors = [];

before(async () => {
  ({ server, url } = await serve(join(repo, 'dist')));
  browser = await launch();
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 1000 } });
  page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.goto(url);
  await page.getByRole('heading', { level: 1 }).waitFor();
});

after(async () => {
  await browser?.close();
  server?.close();
});

const cell = (testid) => page.locator(`[data-testid="${testid}"]`);

test('the Nucleo contests a score and the validated numbers follow', async () => {
  await page.locator('#apri-file').setInputFiles(join(repo, 'examples', 'como-peg-2024.json'));
  await page.getByTestId('notice').filter({ hasText: 'Aperto il file' }).waitFor();
  await page.getByRole('button', { name: 'Verifica', exact: true }).click();
  assert.equal(await cell('da-verificare').innerText(), 'Da verificare: 53 obiettivi');
  await page.getByLabel('Nome di chi verifica').fill('Maria Rossi');

  // Settore 1, objective 3: complessità proposed 6, revised to 3.
  const row = page.locator('#riga-o3');
  await row.locator('.review-panel > summary').click();
  await page.locator('#rivisto-o3-0').fill('3');
  await page.locator('#rivisto-o3-0').press('Tab');
  await page.locator('#commento-o3-0').fill('Complessità sovrastimata rispetto alla scheda.');
  await page.locator('#commento-o3-0').press('Tab');
  assert.equal(await page.locator('#verdetto-o3-0').inputValue(), 'contested');
  assert.equal(await cell('valore-o3-0').innerText(), '6 → 3\ncontestato');
  assert.equal(await cell('punti-o3').innerText(), '23\nproposto 26');
  assert.equal(await cell('media-s1').innerText(), '19,67\nproposta 20,67'); // (18 + 18 + 23) / 3
  assert.equal(await cell('stato-o3').innerText(), 'CONTESTATO');
  assert.equal(await cell('stato-unita-s1').innerText(), 'CONTESTATO');

  // Objective 1 confirmed as a whole.
  await page.locator('#riga-o1 .review-panel > summary').click();
  await page.locator('#verdetto-o1').selectOption('confirmed');
  assert.equal(await cell('stato-o1').innerText(), 'CONFERMATO');
  assert.equal(await cell('da-verificare').innerText(), 'Da verificare: 51 obiettivi');
  await page.screenshot({ path: join(out, 'review.png') });

  // Back in Proposta the dirigente's numbers are on screen.
  await page.getByRole('button', { name: 'Proposta', exact: true }).click();
  assert.equal(await cell('punti-o3').innerText(), '26');
  assert.equal(await cell('media-s1').innerText(), '20,67');
  await page.getByRole('button', { name: 'Verifica', exact: true }).click();

  // Save, start anew, reopen: the review is in the file.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Salva', exact: true }).click(),
  ]);
  const saved = join(out, 'verificato.json');
  await download.saveAs(saved);
  await page.getByRole('button', { name: 'Nuovo piano' }).click();
  await page.getByRole('button', { name: 'Crea il piano' }).click();
  await page.locator('#apri-file').setInputFiles(saved);
  await page.getByTestId('notice').filter({ hasText: 'Aperto il file' }).waitFor();
  assert.equal(await cell('punti-o3').innerText(), '26', 'a new plan starts in Proposta');
  await page.getByRole('button', { name: 'Verifica', exact: true }).click();
  assert.equal(await cell('punti-o3').innerText(), '23\nproposto 26');
  assert.equal(await cell('media-s1').innerText(), '19,67\nproposta 20,67');
  assert.equal(await page.locator('#commento-o3-0').inputValue(), 'Complessità sovrastimata rispetto alla scheda.');
  assert.equal(await cell('stato-o1').innerText(), 'CONFERMATO');
});

test('nothing is logged as an error', async () => {
  assert.deepEqual(consoleErrors, []);
});
