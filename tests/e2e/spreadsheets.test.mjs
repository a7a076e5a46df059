// End to end with spreadsheets: export for Italian Excel, read the Como table
// as published (with its wrong average and its repeated block), paste cells
// copied from Excel.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApp } from './harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
const out = join(here, 'out');
mkdirSync(out, { recursive: true });
let app, url, browser, page, consoleErrors;

before(async () => {
  app = await openApp();
  ({ url, browser, page, errors: consoleErrors } = app);
  await page.getByRole('heading', { name: 'Fogli di calcolo: importa ed esporta' }).click();
});

after(async () => {
  await app?.close();
});

const cell = (testid) => page.locator(`[data-testid="${testid}"]`);

test('export for Italian Excel', async () => {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Esporta CSV per Excel' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'pesatura-comune-di-como-2024.csv');
  const path = join(out, download.suggestedFilename());
  await download.saveAs(path);
  const bytes = readFileSync(path);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with BOM');
  const text = bytes.toString('utf8');
  assert.match(text.split('\r\n')[0], /^\uFEFF"Area";"Settore";"Titolo"/);
  assert.match(text, /"COMMITTENZA AUSILIARIA";"";"";"SETTORE 1: [^"]*";"4";"7";"2";"5";"18";"29,03";"20,67"/);
  // The plain dialect's file has a name of its own.
  const [plain] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Esporta CSV semplice (, e .)' }).click(),
  ]);
  assert.equal(plain.suggestedFilename(), 'pesatura-comune-di-como-2024-semplice.csv');
  // Read back into the plan it came from, every row is already there: the
  // preview says so before anything is added twice.
  await page.locator('#importa-csv').setInputFiles(path);
  const panel = page.getByTestId('importa');
  await panel.waitFor();
  assert.match(await page.getByTestId('importa-gia-presenti').innerText(),
    /Le righe 2, 3, 4, .*, … hanno il titolo di obiettivi che sono già nelle loro unità/);
  await panel.getByRole('button', { name: "Annulla l'importazione" }).click();
});

test('an edited export read back updates its objectives and adds the new rows', async () => {
  // In the spreadsheet, Settore 3's first objective gets 9 for complessità
  // (it had 6) and a new objective is written below it.
  const text = readFileSync(join(out, 'pesatura-comune-di-como-2024.csv'), 'utf8');
  const lines = text.split('\r\n');
  const at = lines.findIndex((l) => l.includes('CENSIMENTO DIGITALE IMMOBILI'));
  const cells = lines[at].split(';');
  assert.equal(cells[6], '"6"');
  cells[6] = '"9"';
  lines[at] = cells.join(';');
  cells[2] = '"Sportello digitale del patrimonio"';
  lines.splice(at + 1, 0, cells.join(';'));
  const edited = join(out, 'como-modificato.csv');
  writeFileSync(edited, lines.join('\r\n'));
  await page.locator('#importa-csv').setInputFiles(edited);
  const panel = page.getByTestId('importa');
  await panel.waitFor();
  assert.ok(await page.getByLabel(/^Aggiornali con i valori del file/).isChecked(), 'updating is the default');
  assert.equal(await panel.locator('caption').innerText(), 'Obiettivi che saranno aggiornati o aggiunti');
  const outcome = async (title) => (await panel.locator('tbody tr', { hasText: title }).locator('td').nth(1).innerText());
  assert.equal(await outcome('CENSIMENTO DIGITALE IMMOBILI'), 'aggiorna');
  assert.equal(await outcome('Sportello digitale del patrimonio'), 'nuovo');
  // Added instead, every row would be a new objective.
  await page.getByLabel(/^Aggiungili come nuovi obiettivi/).check();
  await panel.getByRole('button', { name: 'Importa 54 obiettivi' }).waitFor();
  assert.equal(await panel.locator('thead th').nth(1).innerText(), 'Unità');
  await page.getByLabel(/^Aggiornali con i valori del file/).check();
  await panel.getByRole('button', { name: 'Importa: 53 da aggiornare, 1 da aggiungere' }).click();
  await page.getByTestId('notice').getByText('Importato «como-modificato.csv»: obiettivi aggiornati 53, aggiunti 1.').waitFor();
  // 31, 25 and the new 31: 29,00. The other units are as they were.
  assert.equal(await cell('media-s3').innerText(), '29,00');
  assert.equal(await cell('media-s1').innerText(), '20,67');
  assert.equal(await cell('ente-obiettivi').innerText(), '54');
  // One step undoes it.
  await page.getByRole('button', { name: 'Annulla', exact: true }).click();
  assert.equal(await cell('media-s3').innerText(), '26,50');
  assert.equal(await cell('ente-obiettivi').innerText(), '53');
});

test('a misspelt criterion column: the preview names the criterion and shows its scores kept', async () => {
  const text = readFileSync(join(out, 'pesatura-comune-di-como-2024.csv'), 'utf8');
  const lines = text.split('\r\n');
  const header = lines.findIndex((l) => l.includes('"Complessità'));
  lines[header] = lines[header].replace(/"Complessità[^"]*"/, '"Complesita"');
  const edited = join(out, 'como-colonna-sbagliata.csv');
  writeFileSync(edited, lines.join('\r\n'));
  await page.locator('#importa-csv').setInputFiles(edited);
  const panel = page.getByTestId('importa');
  await panel.waitFor();
  assert.match(await cell('importa-colonna-simile').innerText(), /^La colonna «Complesita» non è stata letta: se è «Complessità amministrativa tecnica gestionale», correggerne il nome/);
  assert.match(await cell('importa-colonne-mancanti').innerText(), /Gli obiettivi aggiornati tengono i punteggi che hanno/);
  const row = panel.locator('tbody tr', { hasText: 'CENSIMENTO DIGITALE IMMOBILI' });
  assert.deepEqual((await row.locator('td').allInnerTexts()).slice(4, 8), ['invariato', '10', '4', '8']);
  await panel.getByRole('button', { name: "Annulla l'importazione" }).click();
  await panel.waitFor({ state: 'detached' });
});

test('the Como table as published, with what it hides', async () => {
  await page.locator('#importa-como').setInputFiles(join(repo, 'tests', 'fixtures', 'csv', 'como-3-2.txt'));
  const panel = page.getByTestId('importa');
  await panel.waitFor();
  assert.match(await page.getByTestId('importa-esito').innerText(), /^17 settori; 53 righe di obiettivi nelle tabelle dei settori \(blocchi ripetuti compresi\) e 3 obiettivi comuni a più settori/);
  assert.match(await page.getByTestId('importa-medie').innerText(), /17,67.*26,50/s);
  await panel.getByText('compare due volte').waitFor();
  // The long question wraps inside its box, not across its border.
  const question = panel.locator('fieldset.question').first();
  const [legend, box] = [await question.locator('legend').boundingBox(), await question.boundingBox()];
  assert.ok(legend.y > box.y, `the question starts ${(legend.y - box.y).toFixed(1)} px inside its box`);
  await panel.getByLabel('Tenere il primo').check();
  await page.screenshot({ path: join(out, 'import-como.png') });
  await panel.getByRole('button', { name: 'Apri come nuovo piano' }).click();
  assert.equal(await panel.count(), 0);
  assert.equal(await cell('media-s3').innerText(), '26,50');
  assert.equal(await cell('media-s1').innerText(), '20,67');
  assert.equal(await cell('ente-obiettivi').innerText(), '53');
});

test('cells pasted from Excel, with a row that cannot be taken', async () => {
  const cells = [
    'Titolo\tComplessità\tRilevanza strategica\tSignificatività finanziaria\tImpatto sulla utenza esterna',
    'Sportello digitale unico\t5\t7\t2\t6',
    'Riga sbagliata\t11\t7\t2\t6',
  ].join('\n');
  // Cells without their header row are refused as cells, not as a file.
  await page.locator('#incolla-celle').fill('Sportello digitale unico\t5\t7\t2\t6');
  await page.getByRole('button', { name: 'Anteprima' }).click();
  assert.match(
    await page.getByTestId('notice').innerText(),
    /Le celle incollate non si possono importare: non trovo la riga di intestazione.*Il piano sullo schermo non è stato modificato\./s,
  );
  await page.locator('#incolla-celle').fill(cells);
  await page.locator('#incolla-unita').selectOption('s1');
  await page.getByRole('button', { name: 'Anteprima' }).click();
  assert.match(await page.getByTestId('importa-esito').innerText(), /^1 obiettivo da importare, 1 riga scartata/);
  // The preview is drawn at the top of the page: the focus, and the screen, go to it.
  await page.waitForFunction(() => document.activeElement?.id === 'importa');
  const top = await page.getByTestId('importa').evaluate((e) => e.getBoundingClientRect().top);
  assert.ok(top >= 0 && top < 900, `the preview is on screen (top ${top})`);
  // Asked again with the cells changed: the new preview takes the focus too.
  await page.locator('#incolla-celle').fill(`${cells}\nAltra riga sbagliata\t12\t7\t2\t6`);
  await page.getByRole('button', { name: 'Anteprima' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'importa');
  assert.match(await page.getByTestId('importa-esito').innerText(), /^1 obiettivo da importare, 2 righe scartate/);
  await page.locator('#incolla-celle').fill(cells);
  await page.getByRole('button', { name: 'Anteprima' }).click();
  assert.match(await page.getByTestId('importa-scartate').innerText(), /Riga 3 .*fuori dall'intervallo/);
  await page.getByRole('button', { name: 'Importa 1 obiettivo' }).click();
  const rows = page.locator('#unita-s1 tbody tr');
  const added = rows.nth((await rows.count()) - 1);
  assert.equal(await added.locator('textarea.title').inputValue(), 'Sportello digitale unico');
  assert.equal(await added.locator('[data-testid^="punti-"]').innerText(), '20');
  assert.equal(await cell('media-s1').innerText(), '20,50'); // (18 + 18 + 26 + 20) / 4
});

test('cells pasted into a new plan go to the unit the list shows', async () => {
  // The list showed the example's units before; the new plan has one, u1.
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: 'Nuovo piano' }).click();
  await page.getByLabel('Punteggi per criterio (Comune di Como, PEG 2024)').check();
  await page.getByRole('button', { name: 'Crea il piano' }).click();
  const heading = page.getByRole('heading', { name: 'Fogli di calcolo: importa ed esporta' });
  if (!(await page.locator('#incolla-celle').isVisible())) await heading.click();
  assert.equal(await page.locator('#incolla-unita').inputValue(), 'u1');
  await page.locator('#incolla-celle').fill('Titolo\tComplessità\tRilevanza strategica\tSignificatività finanziaria\tImpatto sulla utenza esterna\nSportello digitale unico\t5\t7\t2\t6');
  await page.getByRole('button', { name: 'Anteprima' }).click();
  assert.match(await page.getByTestId('importa-esito').innerText(), /^1 obiettivo da importare/);
  await page.getByRole('button', { name: 'Importa 1 obiettivo' }).click();
  assert.equal(await cell('media-u1').innerText(), '20,00');
});

test('a CSV exported from another plan, into a new one, with its units', async () => {
  // The new plan of the test before has one unit; the example's file names
  // its areas and settori. Their rows wait until the units are added.
  await page.locator('#importa-csv').setInputFiles(join(out, 'pesatura-comune-di-como-2024.csv'));
  assert.match(await page.getByTestId('importa-esito').innerText(), /^0 obiettivi da importare, \d+ righe scartate/);
  const missing = await page.getByTestId('importa-unita-mancanti').innerText();
  assert.match(missing, /^\d+ unità nominate nel file non sono nel piano: «SETTORE 1: AFFARI GENERALI[^»]*» \(in Area Amministrativa\)/);
  await page.getByRole('button', { name: /^Aggiungi all'importazione le \d+ unità mancanti$/ }).click();
  const outcome = await page.getByTestId('importa-esito').innerText();
  const [, count] = outcome.match(/^(\d+) obiettivi da importare, 0 righe scartate/) ?? [];
  assert.ok(Number(count) >= 50, outcome);
  assert.match(await page.getByTestId('importa-unita-aggiunte').innerText(), /saranno aggiunte al piano \d+ unità: «Area Amministrativa»; «SETTORE 1: AFFARI GENERALI[^»]*» \(in Area Amministrativa\)/);
  assert.match(await page.getByTestId('importa').locator('tbody tr').first().innerText(), /Settore SETTORE 1|SETTORE 1: AFFARI GENERALI/);
  await page.screenshot({ path: join(out, 'import-units.png') });
  await page.getByRole('button', { name: `Importa ${count} obiettivi` }).click();
  assert.equal(await page.getByTestId('importa').count(), 0);
  assert.equal(await cell('ente-obiettivi').innerText(), String(Number(count) + 1));
  // Each settore's average is the example's.
  const settore1 = page.locator('section', { has: page.getByRole('heading', { name: /SETTORE 1: AFFARI GENERALI/ }) }).last();
  assert.equal(await settore1.locator('[data-testid^="media-"]').first().innerText(), '20,67');
  // One step undoes the import with its units.
  await page.getByRole('button', { name: 'Annulla', exact: true }).click();
  assert.equal(await cell('ente-obiettivi').innerText(), '1');
  assert.equal(await page.getByRole('heading', { name: /SETTORE 1: AFFARI GENERALI/ }).count(), 0);
});

test('nothing is logged as an error', async () => {
  assert.deepEqual(consoleErrors, []);
});
