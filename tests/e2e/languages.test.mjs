// Languages: Italian by default, English on a click, the choice remembered;
// numbers written as each language writes them and typed in either form; no
// Italian word left in the English interface's controls; axe finds nothing
// in English either.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApp, scanAxe } from './harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'out');
mkdirSync(out, { recursive: true });
let app, url, browser, page;

before(async () => {
  app = await openApp({ acceptDialogs: true });
  ({ url, browser, page } = app);
});

after(async () => {
  await app?.close();
});

const cell = (testid) => page.locator(`[data-testid="${testid}"]`);
// The cell's text once the page has drawn the edit: the one expected, or
// (`other`) any but the one given.
const shown = (testid, text, { other = false } = {}) => page.waitForFunction(
  ({ testid, text, other }) => {
    const now = document.querySelector(`[data-testid="${testid}"]`)?.innerText.trim();
    return now !== undefined && (other ? now !== text : now === text) && now;
  },
  { testid, text, other },
  { timeout: 5_000 },
).then((h) => h.jsonValue());
const htmlLang = () => page.evaluate(() => document.documentElement.lang);

const scan = (name) => scanAxe(page, name);

// The words of the Italian interface's controls and headings; plan data
// (unit names, titles, criteria) may stay Italian in English.
const ITALIAN_UI = /\b(Aggiungi|Salva|Apri|Nuovo|Esporta|Importa|Mostra|Modifica|Media dell|Media complessiva|Punteggio|Punti|Obiettivi|Peso|Verifica|Proposta|Stampa|Annulla|Ripeti|Chiudi|Elimina|Rilievi|Riepilogo|Griglia|Lingua|Anno)\b/;

async function italianLeft() {
  return page.evaluate((source) => {
    const pattern = new RegExp(source);
    const texts = [...document.querySelectorAll('button, h1, h2, h3, caption, label, legend, summary, th[scope="col"], dt, .skip-link, footer')]
      .map((e) => e.innerText.trim())
      .concat([...document.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label')))
      .concat([document.title]);
    return texts.filter((t) => pattern.test(t)).slice(0, 10);
  }, ITALIAN_UI.source);
}

test('Italian by default, numbers with the decimal comma', async () => {
  assert.equal(await htmlLang(), 'it');
  assert.equal(await page.getByRole('button', { name: 'Italiano', exact: true }).getAttribute('aria-pressed'), 'true');
  assert.equal(await cell('media-s3').innerText(), '26,50');
  assert.equal(await page.locator('.skip-link').innerText(), 'Vai al contenuto');
});

test('English on a click: words, page language and numbers follow', async () => {
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await cell('media-s3').innerText(), '26.50');
  assert.equal(await cell('media-s1').innerText(), '20.67');
  assert.equal(await page.locator('.skip-link').innerText(), 'Skip to content');
  assert.match(await page.getByRole('heading', { level: 1 }).innerText(), /Comune di Como — plan of objectives 2024/);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'lingua-en', 'the focus stays on the switch');
  assert.deepEqual(await italianLeft(), []);
  await page.screenshot({ path: join(out, 'english.png') });
});

test('the English interface passes the axe scan', async () => scan('english'));

test('every panel in English: grid editing, spreadsheets, results, sensitivity, review, new plan', async () => {
  await page.locator('details.grid-edit > summary').click();
  await page.getByRole('heading', { name: 'Spreadsheets: import and export' }).click();
  await page.locator('#mostra-risultati').check();
  await page.getByRole('heading', { name: 'Sensitivity of the ranking' }).click();
  await scan('english panels');
  assert.deepEqual(await italianLeft(), []);
  await page.getByRole('button', { name: 'Review', exact: true }).click();
  await page.locator('#riga-o2 .review-panel > summary').click();
  // With no reviewer's name, the panel says in English that its decisions wait for one.
  assert.match(await page.locator('#senza-nome-o2').innerText(), /Every decision is recorded with the reviewer/);
  assert.deepEqual(await italianLeft(), []);
  await page.locator('#nome-verificatore').fill('Jane Doe');
  await page.locator('#rivisto-o2-0').fill('99');
  await page.locator('#rivisto-o2-0').press('Tab');
  const error = await page.locator('#rivisto-o2-0-errore').innerText();
  assert.match(error, /\b(is|are|must|not|between|from)\b/, `an English error: ${error}`);
  await scan('english review');
  assert.deepEqual(await italianLeft(), []);
  await page.screenshot({ path: join(out, 'english-review.png') });
  await page.keyboard.press('Control+z');
  await page.getByRole('button', { name: 'Proposal', exact: true }).click();
  await page.locator('#mostra-risultati').uncheck();
  await page.getByRole('button', { name: 'New plan', exact: true }).click();
  await scan('english new plan');
  assert.deepEqual(await italianLeft(), []);
  await page.keyboard.press('Escape');
  await page.goto(url);
  await page.getByRole('heading', { level: 1 }).waitFor();
});

test('numbers typed the English or the Italian way count the same', async () => {
  // A step of half a point, typed the English way, lets a score take decimals.
  await page.locator('details.grid-edit > summary').click();
  await page.locator('#griglia-passo-0').fill('0.5');
  await page.locator('#griglia-passo-0').press('Tab');
  await page.locator('details.grid-edit > summary').click();
  const score = page.locator('#cella-o1-0');
  await score.fill('7.5');
  await score.press('Tab');
  const english = await shown('media-s1', '20.67', { other: true });
  assert.match(english, /^\d+\.\d\d$/);
  await score.fill('8');
  await score.press('Tab');
  await shown('media-s1', english, { other: true });
  await score.fill('7,5');
  await score.press('Tab');
  await shown('media-s1', english);
  for (let i = 0; i < 4; i++) await page.keyboard.press('Control+z');
  await shown('media-s1', '20.67');
});

test('the choice is remembered after a reload', async () => {
  await page.reload();
  await page.getByRole('heading', { level: 1 }).waitFor();
  assert.equal(await htmlLang(), 'en');
  assert.equal(await page.getByRole('button', { name: 'English', exact: true }).getAttribute('aria-pressed'), 'true');
  assert.equal(await cell('media-s3').innerText(), '26.50');
});

test('back to Italian: the edit on screen is kept', async () => {
  await page.locator('#cella-o1-0').fill('9');
  await page.locator('#cella-o1-0').press('Tab');
  const changed = await cell('media-s1').innerText();
  await page.getByRole('button', { name: 'Italiano', exact: true }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'it');
  assert.equal(await page.locator('#cella-o1-0').inputValue(), '9');
  assert.equal(await cell('media-s1').innerText(), changed.replace('.', ','));
  assert.equal(await page.locator('.skip-link').innerText(), 'Vai al contenuto');
});

test('a refused entry keeps its text and gives its reason in the new language', async () => {
  await page.locator('#cella-o2-1').fill('16');
  await page.locator('#cella-o2-1').press('Tab');
  assert.match(await page.locator('#cella-o2-1-errore').innerText(), /fuori dall'intervallo ammesso, da 0 a 15/);
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await page.locator('#cella-o2-1').inputValue(), '16');
  assert.match(await page.locator('#cella-o2-1-errore').innerText(), /outside the allowed range, from 0 to 15/);
  assert.equal(await page.locator('#cella-o2-1').getAttribute('aria-invalid'), 'true');
  await page.getByRole('button', { name: 'Italiano', exact: true }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'it');
  assert.match(await page.locator('#cella-o2-1-errore').innerText(), /fuori dall'intervallo ammesso/);
});

test('a notice on screen is said again in the new language, a refused file\'s reason included', async () => {
  const fixture = new URL('../fixtures/bad/id-doppio.json', import.meta.url).pathname;
  await page.locator('#apri-file').setInputFiles(fixture);
  const notice = page.getByTestId('notice');
  await notice.filter({ hasText: 'compare due volte' }).waitFor();
  assert.match(await notice.innerText(), /Il piano sullo schermo non è stato modificato/);
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  const english = await notice.innerText();
  assert.match(english, /^Error:/);
  assert.match(english, /appears twice/);
  assert.match(english, /The plan on screen has not been changed/);
  assert.doesNotMatch(english, /compare|piano|schermo/);
  await page.getByRole('button', { name: 'Italiano', exact: true }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'it');
  assert.match(await notice.innerText(), /compare due volte/);
  await notice.getByRole('button', { name: 'Chiudi il messaggio' }).click();
});
