// End to end, as a dirigente uses Pesatura: open the release build, load the
// Como example through the real file input, edit a score, save, reopen the
// saved file, and try a broken file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
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
const notice = () => page.getByTestId('notice');

test('opens on the Como example with Settore 3 at 26,50', async () => {
  assert.match(await page.getByRole('heading', { level: 1 }).innerText(), /Comune di Como/);
  assert.equal(await cell('media-s3').innerText(), '26,50');
  await page.screenshot({ path: join(out, 'start.png'), fullPage: false });
});

test('the band shown while loading gives way to the app, or says why the app could not start', async () => {
  // Started: one header band, the app's.
  assert.equal(await page.locator('#pesatura-avvio').count(), 0);
  assert.equal(await page.locator('.app-header').count(), 1);
  assert.equal(await page.locator('#pesatura-avvio-fallito').count(), 0, 'the message kept for a failed start is gone');
  const message = /^Pesatura non si è avviata\. Serve un browser aggiornato, con JavaScript e WebAssembly attivi; se lo è già, la pagina non è riuscita a caricare l'applicazione: avvisare l'ufficio informatico\./;
  const context = await browser.newContext();
  // A browser where the wasm cannot load: the band stays, with the message at once.
  const failing = await context.newPage();
  await failing.route('**/*.wasm', (route) => route.abort());
  await failing.goto(url);
  await failing.locator('#pesatura-avvio-fallito').waitFor();
  assert.match(await failing.locator('#pesatura-avvio-fallito').innerText(), message);
  assert.equal(await failing.locator('#pesatura-avvio .brand-name').innerText(), 'Pesatura');
  // Where not even the script loads, nothing runs to say so: the CSS shows
  // the message after 15 seconds (its animation, moved on here).
  const noScript = await context.newPage();
  await noScript.route('**/init.js', (route) => route.abort());
  await noScript.goto(url);
  const late = noScript.locator('#pesatura-avvio-fallito');
  assert.ok(await late.isHidden(), 'not while the app may still be loading');
  await noScript.evaluate(() => document.getAnimations().forEach((a) => { a.currentTime = 15_000; }));
  await late.waitFor();
  assert.match(await late.innerText(), message);
  // A slow download is not a failure: the script runs, so the CSS does not
  // time out; after a minute without the app, the script says so.
  const slow = await context.newPage();
  await slow.clock.install();
  await slow.route('**/*.wasm', () => {}); // never answered
  await slow.goto(url);
  await slow.waitForFunction(() => document.getElementById('pesatura-avvio-fallito')?.classList.contains('script'));
  assert.equal(await slow.evaluate(() => document.getAnimations().length), 0, 'no CSS timer');
  assert.ok(await slow.locator('#pesatura-avvio-fallito').isHidden());
  await slow.clock.fastForward(60_000);
  await slow.locator('#pesatura-avvio-fallito').waitFor();
  assert.match(await slow.locator('#pesatura-avvio-fallito').innerText(), message);
  // And where the CSS cannot load either, at once.
  const bare = await context.newPage();
  await bare.route(/\.(css|js)$/, (route) => route.abort());
  await bare.goto(url);
  assert.match(await bare.locator('#pesatura-avvio-fallito').innerText(), message);
  await context.close();
});

async function newPlan(method = 'Punteggi per criterio (Comune di Como, PEG 2024)') {
  await page.getByRole('button', { name: 'Nuovo piano' }).click();
  await page.getByLabel(method).check();
  await page.getByRole('button', { name: 'Crea il piano' }).click();
}

test('loads the Como file through the file input', async () => {
  await newPlan();
  await assert.rejects(cell('media-s3').waitFor({ timeout: 300 }));
  // No average yet: the chart says why it is not there, rather than a scale from 0 to 0.
  assert.match(await cell('grafico-medie-vuoto').innerText(), /Nessuna unità ha ancora una media/);
  assert.equal(await page.locator('svg[aria-labelledby^="grafico-medie-titolo"]').count(), 0);
  await page.locator('#apri-file').setInputFiles(join(repo, 'examples', 'como-peg-2024.json'));
  await notice().filter({ hasText: 'Aperto il file' }).waitFor();
  assert.equal(await cell('media-s3').innerText(), '26,50');
  assert.equal(await cell('media-s1').innerText(), '20,67');
  assert.equal(await cell('media-pl').innerText(), '23,67');
  assert.equal(await cell('ente-obiettivi').innerText(), '53');
  assert.equal(await cell('media-comuni').innerText(), '25,33');
});

test('an edited score changes its points and its settore average', async () => {
  assert.equal(await cell('pesi-arrotondati-s1').count(), 0, '29,03 29,03 41,94: each its own rounding');
  await page.locator('#cella-o1-0').fill('9');
  assert.equal(await cell('punti-o1').innerText(), '23');
  assert.equal(await cell('media-s1').innerText(), '22,33');
  assert.equal(await cell('peso-o1').innerText(), '34,33 %');
  // 23, 18, 26 of 67: 34,328… 26,865… 38,805…; rounded each on its own they
  // would sum to 100,01, so the two hundredths the floors leave go to the
  // largest remainders (,83 and ,59 of a hundredth): 34,33 26,86 38,81.
  assert.equal(await cell('peso-o2').innerText(), '26,86 %');
  assert.equal(await cell('pesi-arrotondati-s1').innerText(),
    'Pesi relativi arrotondati con il metodo dei resti più alti, perché la somma sia 100,00 %.');
  await page.getByText('Modifiche non salvate').waitFor();
  // Screen readers hear the new numbers.
  assert.equal(await page.getByTestId('annuncio').textContent(),
    "Totale dell'obiettivo: 23, peso relativo 34,33 %; media di SETTORE 1: AFFARI GENERALI - CENTRALE AFFIDAMENTI E CONTRATTI: 22,33.");
});

test('a score out of range is shown next to its field and not recorded', async () => {
  await page.locator('#cella-o2-1').fill('16');
  const error = page.locator('#cella-o2-1-errore');
  assert.match(await error.innerText(), /fuori dall'intervallo ammesso, da 0 a 15/);
  assert.equal(await page.locator('#cella-o2-1').getAttribute('aria-invalid'), 'true');
  assert.equal(await cell('punti-o2').innerText(), '18');
  // The message widens the column; the field stays under its column's name.
  const right = (sel) => page.locator(sel).evaluate((e) => e.getBoundingClientRect().right);
  const [field, header] = await Promise.all([right('#cella-o2-1'), right('#unita-s1 table.objectives thead th:nth-child(4)')]);
  assert.ok(header - field < 12, `field's right edge ${field}, its column name's ${header}`);
  await page.screenshot({ path: join(out, 'error-cell.png') });
  await page.locator('#cella-o2-1').fill('7');
  assert.equal(await error.count(), 0);
});

test('a unit\'s name left empty or taken by another is said at its field', async () => {
  const name = page.locator('#nome-unita-s1');
  const error = page.locator('#nome-unita-errore-s1');
  await page.locator('#unita-s1 .unit-edit > summary').click();
  const before = await name.inputValue();
  await name.fill('');
  assert.equal(await error.innerText(), "L'unità non ha un nome.");
  assert.equal(await name.getAttribute('aria-invalid'), 'true');
  await name.fill('SETTORE 2: ORGANIZZAZIONE E RISORSE UMANE');
  assert.equal(await error.innerText(), 'Due unità hanno lo stesso nome.');
  await name.fill(before);
  assert.equal(await error.count(), 0);
  assert.equal(await name.getAttribute('aria-invalid'), 'false');
  await page.locator('#unita-s1 .unit-edit > summary').click();
});

test('save downloads the plan, and opening it gives the same numbers', async () => {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Salva', exact: true }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'pesatura-comune-di-como-2024.json');
  const saved = join(out, download.suggestedFilename());
  await download.saveAs(saved);
  const file = JSON.parse(readFileSync(saved, 'utf8'));
  assert.equal(file.schema_version, 4);
  assert.equal(file.objectives[0].scores.complessita, 9);

  await newPlan(); // saved: no question asked
  assert.equal(await cell('ente-obiettivi').innerText(), '0');
  await page.locator('#apri-file').setInputFiles(saved);
  await notice().filter({ hasText: 'Aperto il file' }).waitFor();
  assert.equal(await cell('punti-o1').innerText(), '23');
  assert.equal(await cell('media-s1').innerText(), '22,33');
  assert.equal(await cell('media-s3').innerText(), '26,50');
});

test('a score typed key by key and refused leaves the value from before, not its first digit', async () => {
  // COMMITTENZA AUSILIARIA: 4 + 7 + 2 + 5 = 18. Typed over, `11` is first `1`
  // (accepted, 15 points), then `11`, refused: the 4 counts again.
  await page.locator('#cella-o2-0').selectText();
  await page.locator('#cella-o2-0').pressSequentially('11');
  await page.locator('#cella-o2-0-errore').waitFor();
  assert.equal(await page.locator('#cella-o2-0').inputValue(), '11');
  assert.equal(await cell('punti-o2').innerText(), '18');
  await page.locator('#cella-o2-0').fill('4');
  await page.locator('#cella-o2-0-errore').waitFor({ state: 'detached' });
  assert.equal(await cell('punti-o2').innerText(), '18');
});

test('saving while a field holds a refused value says the file has the value from before', async () => {
  await page.locator('#cella-o1-0').fill('11');
  await page.locator('#cella-o1-0-errore').waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Salva', exact: true }).click(),
  ]);
  const saved = join(out, 'con-campo-rifiutato.json');
  await download.saveAs(saved);
  assert.equal(JSON.parse(readFileSync(saved, 'utf8')).objectives[0].scores.complessita, 9, 'the plan\'s value, not the refused 11');
  const message = await notice().innerText();
  assert.match(message, /ma un campo ha un valore non accettato \(in rosso\): nel file c'è il valore di prima/);
  await page.getByText('Modifiche non salvate').waitFor();
  // Corrected, it saves cleanly, here with Ctrl+S from the field itself
  // (the plan, not the browser's «save page»).
  await page.locator('#cella-o1-0').fill('9');
  const [viaKeys] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('#cella-o1-0').press('Control+s'),
  ]);
  const again = join(out, 'con-ctrl-s.json');
  await viaKeys.saveAs(again);
  assert.equal(JSON.parse(readFileSync(again, 'utf8')).objectives[0].scores.complessita, 9);
  await notice().filter({ hasText: 'Salvato come «pesatura-comune-di-como-2024.json».' }).waitFor();
  assert.equal(await page.getByText('Modifiche non salvate').count(), 0);
});

test('a broken file is refused with line and field, and the plan stays', async () => {
  const broken = join(out, 'rotto.json');
  const good = readFileSync(join(repo, 'examples', 'como-peg-2024.json'), 'utf8');
  writeFileSync(broken, good.replace('"complessita": 6,', '"complessita": "sei",'));
  await page.locator('#apri-file').setInputFiles(broken);
  const message = await notice().filter({ hasText: 'non è un piano di Pesatura valido' }).innerText();
  assert.match(message, /campo «objectives\[2\]\.scores\.complessita»/);
  assert.match(message, /riga \d+/);
  assert.match(message, /non è stato modificato/);
  assert.equal(await cell('media-s1').innerText(), '22,33');
  assert.equal(await cell('punti-o1').innerText(), '23');

  // Edited by hand after saving: opened, and flagged.
  const saved = readFileSync(join(out, 'pesatura-comune-di-como-2024.json'), 'utf8');
  const handEdited = join(out, 'modificato-a-mano.json');
  writeFileSync(handEdited, saved.replace('"rilevanza": 4,', '"rilevanza": 5,'));
  await page.locator('#apri-file').setInputFiles(handEdited);
  await notice().filter({ hasText: 'modificato fuori da Pesatura' }).waitFor();
  assert.equal(await cell('punti-o1').innerText(), '24');
  await page.locator('#apri-file').setInputFiles(saved.length ? join(out, 'pesatura-comune-di-como-2024.json') : handEdited);
  await notice().filter({ hasText: 'Aperto il file' }).waitFor();
  assert.equal(await notice().filter({ hasText: 'modificato fuori' }).count(), 0);

  const truncated = join(out, 'troncato.json');
  writeFileSync(truncated, good.slice(0, 500));
  await page.locator('#apri-file').setInputFiles(truncated);
  await notice().filter({ hasText: 'finisce prima del previsto' }).waitFor();
  assert.equal(await cell('media-s1').innerText(), '22,33');
  await page.screenshot({ path: join(out, 'broken-file.png') });
});

test('findings link to the field they are about', async () => {
  await page.locator('#cella-o1-0').fill('');
  const link = page.getByTestId('rilievi').getByRole('link', { name: /BANCA DATI UNICA.*Complessità/ });
  await link.click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'cella-o1-0');
  // Scrolled to below the header and above the notice over the screen's
  // foot, under neither.
  const { field, band, notice } = await page.evaluate(() => {
    const rect = (el) => { const r = el.getBoundingClientRect(); return { top: r.top, bottom: r.bottom }; };
    return {
      field: rect(document.activeElement),
      band: rect(document.querySelector('.app-header')),
      notice: rect(document.querySelector('.notice-slot [data-testid="notice"]')),
    };
  });
  assert.ok(field.top >= band.bottom, `the field (top ${field.top}) is below the band (bottom ${band.bottom})`);
  assert.ok(field.bottom <= notice.top, `the field (bottom ${field.bottom}) is above the notice (top ${notice.top})`);
});

test('an organisational or Segretario objective left empty is a finding that leads to its field', async () => {
  const findings = page.getByTestId('rilievi');
  await page.getByRole('button', { name: 'Aggiungi obiettivo organizzativo' }).click();
  const org = await page.evaluate(() => document.activeElement?.id);
  assert.match(org, /^obiettivo-org-/);
  await findings.getByText('Non ha indicatori').waitFor();
  await page.getByRole('button', { name: 'Aggiungi obiettivo del Segretario generale' }).click();
  const where = findings.getByRole('link', { name: 'Obiettivi del Segretario generale › n. 4' });
  await where.waitFor();
  await findings.getByRole('link', { name: 'Obiettivi di performance organizzativa › n. 8' }).first().click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), org);
  await where.click();
  assert.match(await page.evaluate(() => document.activeElement?.id), /^obiettivo-segretario-/);
  // Given a title and a measured indicator, the organisational one raises nothing.
  await page.locator(`#${org}`).fill('Rispetto dei tempi di pagamento');
  await page.locator(`#${org}`).press('Tab');
  await page.getByRole('textbox', { name: 'Indicatore 1 dell\'obiettivo organizzativo 8', exact: true }).fill('Fatture pagate nei termini');
  await page.getByRole('textbox', { name: 'Indicatore 1 dell\'obiettivo organizzativo 8', exact: true }).press('Tab');
  // An indicator without its target: a note that leads to the target's field.
  const note = findings.locator('li', { hasText: 'L\'indicatore 1 non ha un target.' });
  await note.getByRole('link', { name: 'Obiettivi di performance organizzativa › n. 8' }).click();
  assert.match(await page.evaluate(() => document.activeElement?.id), /^indicatore-target-/);
  await page.getByRole('textbox', { name: 'Target dell\'indicatore 1 dell\'obiettivo organizzativo 8' }).fill('100%');
  await page.getByRole('textbox', { name: 'Target dell\'indicatore 1 dell\'obiettivo organizzativo 8' }).press('Tab');
  await page.waitForFunction(() => !document.querySelector('[data-testid="rilievi"]').textContent.includes('organizzativa › n. 8'));
  // Both removed, the plan is as it was.
  const accept = (d) => d.accept();
  page.on('dialog', accept);
  await page.getByRole('button', { name: 'Elimina l\'obiettivo organizzativo 8' }).click();
  await page.getByRole('button', { name: 'Elimina l\'obiettivo 4 del Segretario generale' }).click();
  page.off('dialog', accept);
  await page.waitForFunction(() => !document.querySelector('[data-testid="rilievi"]').textContent.includes('Segretario generale › n. 4'));
});

test('a plan on levels and objective types, entered through the interface', async () => {
  page.once('dialog', (d) => d.accept()); // the Como plan has unsaved edits
  await newPlan('Livelli Bassa/Media/Alta × fattore di tipologia');
  await page.getByTestId('formula').getByText('peso = (complessità + strategicità + impatto esterno) × fattore tipologia').waitFor();
  const rows = [
    { title: 'Sportello unico digitale', levels: ['Alta (3)', 'Media (2)', 'Alta (3)'], type: 'Sviluppo (× 1,5)' },
    { title: 'Manutenzione ordinaria strade', levels: ['Bassa (1)', 'Media (2)', 'Media (2)'], type: 'Mantenimento (× 1)' },
    { title: 'Riduzione tempi di pagamento', levels: ['Media (2)', 'Alta (3)', 'Bassa (1)'], type: 'Miglioramento (× 1,2)' },
  ];
  for (const [n, row] of rows.entries()) {
    await page.getByRole('button', { name: /^Aggiungi obiettivo al Settore 1$/ }).click();
    const id = `o${n + 1}`;
    await page.locator(`#titolo-${id}`).fill(row.title);
    for (const [c, level] of row.levels.entries()) {
      await page.locator(`#cella-${id}-${c}`).selectOption({ label: level });
    }
    await page.locator(`#tipologia-${id}`).selectOption({ label: row.type });
  }
  // (3+2+3) × 1,5 = 12 · (1+2+2) × 1 = 5 · (2+3+1) × 1,2 = 7,2; total 24,2
  assert.equal(await cell('punti-o1').innerText(), '12\n8 × 1,5');
  assert.equal(await cell('punti-o2').innerText(), '5\n5 × 1');
  assert.equal(await cell('punti-o3').innerText(), '7,2\n6 × 1,2');
  assert.equal(await cell('peso-o1').innerText(), '49,59 %');
  assert.equal(await cell('peso-o2').innerText(), '20,66 %');
  assert.equal(await cell('peso-o3').innerText(), '29,75 %');
  assert.equal(await cell('media-u1').innerText(), '8,07');
  await page.screenshot({ path: join(out, 'levels-and-types.png'), fullPage: true });

  // Editing the grid recomputes: Sviluppo's factor 1,5 → 2 makes the first weigh 16.
  await page.getByText('Modifica la griglia').click();
  const types = page.getByLabel(/^Tipologie di obiettivo/);
  await types.fill('Mantenimento = 1; Miglioramento = 1,2; Sviluppo = 2');
  await types.press('Tab');
  assert.equal(await cell('punti-o1').innerText(), '16\n8 × 2');
  // A criterion's levels: Alta worth 4 on Complessità makes the first (4+2+3) × 2 = 18.
  const levels = page.locator('#griglia-livelli-0');
  await levels.fill('Bassa = 1; Media = 2; Alta = 4');
  await levels.press('Tab');
  assert.equal(await cell('punti-o1').innerText(), '18\n9 × 2');
  // Refused text stays in its field with the reason.
  await levels.fill('Bassa = 1; Media = 1');
  await levels.press('Tab');
  assert.match(await page.locator('#griglia-livelli-0-errore').innerText(), /valgono entrambi 1/);
  assert.equal(await cell('punti-o1').innerText(), '18\n9 × 2');
});

test('a grid edit that takes their weight from objectives says how many, and undo gives it back', async () => {
  page.once('dialog', (d) => d.accept()); // the plan on screen has unsaved changes
  await page.getByRole('button', { name: 'Esempio: Comune di Como, PEG 2024' }).click();
  await notice().filter({ hasText: "Aperto l'esempio" }).waitFor();
  // Opened afresh, whatever an earlier test left.
  if ((await page.locator('details.grid-edit').getAttribute('open')) !== null) await page.getByText('Modifica la griglia').click();
  await page.getByText('Modifica la griglia').click();
  // Complessità from 0–10 to 0–5: the 28 objectives scored 6 or more stop counting.
  const max = page.locator('#griglia-max-0');
  await max.fill('5');
  await max.press('Tab');
  const warning = await notice().filter({ hasText: 'Con la griglia così modificata' }).innerText();
  const lost = Number(warning.match(/modificata (\d+) obiettivi/)?.[1]);
  assert.ok(lost > 0, warning);
  assert.equal(Number(await cell('ente-valutati').innerText()), 53 - lost);
  // The range widened again: the warning gives way to the weights come back.
  await max.fill('10');
  await max.press('Tab');
  await notice().filter({ hasText: `Con la griglia così modificata ${lost} obiettivi hanno di nuovo un peso.` }).waitFor();
  assert.equal(await notice().filter({ hasText: 'non ne hanno più' }).count(), 0);
  assert.equal(await cell('ente-valutati').innerText(), '53');
  await max.fill('5');
  await max.press('Tab');
  await notice().filter({ hasText: 'non ne hanno più' }).waitFor();
  await page.getByRole('button', { name: 'Annulla', exact: true }).click();
  assert.equal(await cell('ente-valutati').innerText(), '53');
  assert.equal(await cell('media-s3').innerText(), '26,50');
});

test('a criterion switched to levels and back gets its own range again, and its levels the same way', async () => {
  // The grid editor is open, on the Como example, from the test before.
  const kind = page.locator('#griglia-tipo-1');
  const range = async () => {
    await page.locator('#griglia-max-1').waitFor();
    return Promise.all(['min', 'max', 'passo'].map((f) => page.locator(`#griglia-${f}-1`).inputValue()));
  };
  await kind.selectOption('levels');
  assert.equal(await page.locator('#griglia-livelli-1').inputValue(), 'Bassa = 1; Media = 2; Alta = 3');
  // Back to a range: rilevanza's own 0–15, not the levels' 1–3.
  await kind.selectOption('range');
  assert.deepEqual(await range(), ['0', '15', '1']);
  assert.equal(await cell('media-s3').innerText(), '26,50');
  // Levels typed, a range, levels again: the typed ones come back.
  await kind.selectOption('levels');
  const levels = page.locator('#griglia-livelli-1');
  await levels.fill('Bassa = 0; Media = 7; Alta = 15');
  await levels.press('Tab');
  await kind.selectOption('range');
  assert.deepEqual(await range(), ['0', '15', '1']);
  await kind.selectOption('levels');
  assert.equal(await page.locator('#griglia-livelli-1').inputValue(), 'Bassa = 0; Media = 7; Alta = 15');
  await kind.selectOption('range');
  assert.deepEqual(await range(), ['0', '15', '1']);
  assert.equal(await cell('media-s3').innerText(), '26,50');
});

test('a plan with direct percentages says by how much a unit is off 100', async () => {
  page.once('dialog', (d) => d.accept());
  await newPlan('Pesi percentuali assegnati direttamente');
  for (const [n, weight] of ['50', '30', 'X', '15'].entries()) {
    await page.getByRole('button', { name: /^Aggiungi obiettivo al Settore 1$/ }).click();
    await page.locator(`#titolo-o${n + 1}`).fill(`Obiettivo ${n + 1}`);
    await page.locator(`#peso-assegnato-o${n + 1}`).fill(weight);
  }
  await page.getByTestId('rilievi').getByText('I pesi degli obiettivi sommano a 95,00 % invece di 100: mancano 5,00 punti percentuali.').waitFor();
  assert.equal(await cell('peso-o1').innerText(), '52,63 %');
  assert.equal(await cell('peso-o3').innerText(), 'prerequisito');
  // The prerequisite is one of the plan's objectives, though it has no weight.
  assert.equal(await cell('ente-obiettivi').innerText(), '4');
  await page.locator('#peso-assegnato-o4').fill('20');
  assert.equal(await page.getByTestId('rilievi').getByText('I pesi degli obiettivi sommano').count(), 0);
  assert.equal(await cell('peso-o1').innerText(), '50,00 %');
  // 150 typed key by key over the 20 is first 1 and 15: refused at 150, the 20 counts again.
  await page.locator('#peso-assegnato-o4').press('Tab'); // left: typing there again is a new entry
  await page.locator('#peso-assegnato-o4').selectText();
  await page.locator('#peso-assegnato-o4').pressSequentially('150');
  await page.locator('#peso-assegnato-o4-errore').waitFor();
  assert.equal(await cell('peso-o1').innerText(), '50,00 %');
  assert.equal(await cell('peso-o4').innerText(), '20,00 %');
  await page.locator('#peso-assegnato-o4').fill('20');
  await page.locator('#peso-assegnato-o4-errore').waitFor({ state: 'detached' });
  // The summary writes the weights as the unit's table does, with two decimals.
  await page.locator('#peso-assegnato-o1').fill('45,5');
  await page.locator('#peso-assegnato-o4').fill('24,5');
  assert.equal(await cell('peso-o1').innerText(), '45,50 %');
  const row = page.locator('[data-testid^="riepilogo-"]').first();
  await row.waitFor();
  assert.deepEqual(await row.locator('td').allInnerTexts(), ['4', '3', '33,33', '24,50', '45,50']);
  await page.locator('#peso-assegnato-o1').fill('50');
  await page.locator('#peso-assegnato-o4').fill('20');
  assert.equal(await cell('peso-o1').innerText(), '50,00 %');
  await page.screenshot({ path: join(out, 'direct.png'), fullPage: true });
});

test('every edit can be undone and redone, by button and keyboard', async () => {
  await page.locator('#titolo-o1').fill('Obiettivo con titolo');
  await page.locator('#peso-assegnato-o2').fill('25');
  assert.equal(await cell('peso-o2').innerText(), '26,32 %'); // 25 / 95
  await page.getByRole('button', { name: 'Annulla', exact: true }).click();
  assert.equal(await cell('peso-o2').innerText(), '30,00 %');
  assert.equal(await page.locator('#peso-assegnato-o2').inputValue(), '30');
  await page.getByRole('button', { name: 'Ripeti', exact: true }).click();
  assert.equal(await page.locator('#peso-assegnato-o2').inputValue(), '25');
  await page.locator('body').press('Control+z');
  assert.equal(await page.locator('#peso-assegnato-o2').inputValue(), '30');
  // Typing a title is one step, not one per letter.
  await page.locator('body').press('Control+z');
  assert.equal(await page.locator('#titolo-o1').inputValue(), 'Obiettivo 1');
  await page.locator('body').press('Control+y');
  assert.equal(await page.locator('#titolo-o1').inputValue(), 'Obiettivo con titolo');
  // A refused entry is taken away by one undo, and nothing else is.
  await page.locator('#peso-assegnato-o2').fill('abc');
  await page.locator('#peso-assegnato-o2-errore').waitFor();
  await page.locator('body').press('Control+z');
  await page.locator('#peso-assegnato-o2-errore').waitFor({ state: 'detached' });
  assert.equal(await page.locator('#peso-assegnato-o2').inputValue(), '30');
  assert.equal(await page.locator('#titolo-o1').inputValue(), 'Obiettivo con titolo');
});

test('after a reload the last state comes back, with a notice', async () => {
  page.once('dialog', (d) => d.accept());
  await page.reload();
  await notice().filter({ hasText: 'Ripristinato il lavoro salvato automaticamente' }).waitFor();
  assert.equal(await page.locator('#titolo-o1').inputValue(), 'Obiettivo con titolo');
  assert.equal(await cell('peso-o1').innerText(), '50,00 %');
  await page.getByText('Modifiche non salvate').waitFor();
});

test('a score the grid no longer admits, after the grid changed, is marked in its cell', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const p = await context.newPage();
  await p.goto(url);
  await p.locator('[data-testid="media-s3"]').waitFor();
  await p.locator('details.grid-edit > summary').click();
  await p.locator('#griglia-passo-0').fill('0,5');
  await p.locator('#griglia-passo-0').press('Tab');
  await p.locator('#cella-o1-0').fill('4,5');
  await p.locator('#cella-o1-0').press('Tab');
  assert.equal(await p.locator('#cella-o1-0-errore').count(), 0, 'admitted at a step of 0,5');
  await p.locator('#griglia-passo-0').fill('1');
  await p.locator('#griglia-passo-0').press('Tab');
  assert.equal(await p.locator('#cella-o1-0-errore').innerText(), 'Il punteggio 4,5 deve essere un numero intero.');
  assert.equal(await p.locator('#cella-o1-0').getAttribute('aria-invalid'), 'true');
  assert.equal(await p.locator('#cella-o1-0').inputValue(), '4,5', 'the score is kept, to be corrected');
  await p.locator('#cella-o1-0').fill('4');
  assert.equal(await p.locator('#cella-o1-0-errore').count(), 0);
  await context.close();
});

test('a year left empty or mistyped says which, and the plan keeps its year', async () => {
  const year = page.locator('#ente-anno');
  const before = await year.inputValue();
  await year.fill('');
  assert.equal(await page.locator('#ente-anno-errore').innerText(), "Manca l'anno: scrivere ad esempio 2025.");
  await year.fill('20x5');
  assert.equal(await page.locator('#ente-anno-errore').innerText(), '«20x5» non è un anno valido: scrivere ad esempio 2025.');
  assert.match(await page.locator('#titolo-piano').innerText(), new RegExp(before));
  await year.fill(before);
  assert.equal(await page.locator('#ente-anno-errore').count(), 0);
});

test('a click on «Aggiungi indicatore» right after naming an indicator adds one: the findings above change, nothing moves under the pointer', async () => {
  const context = await browser.newContext({ viewport: { width: 1300, height: 900 } });
  const p = await context.newPage();
  await p.goto(url);
  await p.locator('[data-testid="media-s3"]').waitFor();
  const row = p.locator('tr:has(#obiettivo-org-po3)');
  await row.scrollIntoViewIfNeeded();
  const add = row.getByRole('button', { name: 'Aggiungi indicatore' });
  await add.click();
  await p.locator('#indicatore-po3-1').waitFor();
  await p.keyboard.type('Fatture pagate');
  // Leaving the name records it, which changes the findings far above.
  await add.click();
  await p.locator('#indicatore-po3-2').waitFor({ timeout: 3000 });
  assert.equal(await p.evaluate(() => document.activeElement?.id), 'indicatore-po3-2');
  assert.equal(await p.locator('#indicatore-po3-1').inputValue(), 'Fatture pagate');
  await context.close();
});

test('a settore made before its area is moved into it, with its objectives', async () => {
  const context = await browser.newContext({ viewport: { width: 1300, height: 900 } });
  const p = await context.newPage();
  await p.goto(url);
  await p.locator('[data-testid="media-s3"]').waitFor();
  await p.getByRole('button', { name: 'Nuovo piano' }).click();
  await p.getByLabel('Punteggi per criterio (Comune di Como, PEG 2024)').check();
  await p.getByRole('button', { name: 'Crea il piano' }).click();
  // The new plan's «Settore 1» stands at the top; an area is added after it.
  const settore = p.locator('section.unit').first();
  const settoreId = await settore.getAttribute('id');
  await p.locator('#nuova-unita-nome').fill('Area Servizi');
  await p.locator('#nuova-unita-livello').selectOption({ label: 'Area' });
  await p.getByRole('button', { name: 'Aggiungi', exact: true }).click();
  await p.locator('section.unit.depth-0', { hasText: 'Area Servizi' }).waitFor();
  await settore.locator('details.unit-edit > summary').click();
  const parent = settore.locator('select[id^="unita-superiore-"]');
  await parent.selectOption({ label: 'Area Servizi' });
  // Now under the area: drawn after it, one level in, counted in its average.
  const sections = await p.locator('section.unit').evaluateAll((all) => all.map((s) => [s.id, s.className]));
  assert.match(sections[0][1], /depth-0/);
  assert.deepEqual(sections[1], [settoreId, 'unit depth-1']);
  assert.equal(await p.getByRole('button', { name: 'Annulla' }).isEnabled(), true, 'one step to undo');
  await context.close();
});

test('the ente\'s line in the averages chart has its label whole, on the side with room', async () => {
  const context = await browser.newContext({ viewport: { width: 1300, height: 900 } });
  const p = await context.newPage();
  await p.goto(url);
  const label = p.getByTestId('grafico-medie-marcatore');
  await label.waitFor({ state: 'attached' });
  const fit = await label.evaluate((text) => {
    const box = text.getBBox();
    const width = text.ownerSVGElement.viewBox.baseVal.width;
    return { left: box.x, right: box.x + box.width, width, text: text.textContent };
  });
  assert.match(fit.text, /21,55/);
  assert.ok(fit.left >= 0 && fit.right <= fit.width, `label from ${fit.left.toFixed(0)} to ${fit.right.toFixed(0)} in ${fit.width}`);
  // The line is drawn under the bars and their values, which have a white
  // edge: it never runs through a number (19,67 · 20,33 near 21,55).
  const under = await label.evaluate((text) => {
    const svg = text.ownerSVGElement;
    const line = svg.querySelector('line');
    const values = [...svg.querySelectorAll('text.chart-value')].filter((v) => v !== text);
    return values.every((v) => line.compareDocumentPosition(v) & Node.DOCUMENT_POSITION_FOLLOWING)
      && getComputedStyle(values[0]).stroke !== 'none';
  });
  assert.ok(under, 'the values are drawn over the line, with an edge');
  await context.close();
});

test('what index.html asks for ahead is there, and is fetched once', async () => {
  const context = await browser.newContext();
  const fresh = await context.newPage();
  const asked = [];
  fresh.on('request', (r) => asked.push(r.url()));
  await fresh.goto(url);
  await fresh.locator('[data-testid="media-s3"]').waitFor();
  const preloaded = await fresh.evaluate(() => [...document.querySelectorAll('link[rel=preload], link[rel=modulepreload]')].map((l) => l.href));
  assert.equal(preloaded.length, 3, 'the loader, the wasm and the title\'s font');
  const statuses = await fresh.evaluate((urls) => urls.map((u) => performance.getEntriesByName(u)[0]?.responseStatus), preloaded);
  assert.deepEqual(statuses, preloaded.map(() => 200), `found: ${preloaded.join(', ')}`);
  for (const u of preloaded) assert.equal(asked.filter((r) => r === u).length, 1, `${u} is asked for once, its preload used`);
  await context.close();
});

test('no network request leaves localhost and nothing is logged as an error', async () => {
  const outside = requests.filter((r) => !r.startsWith(url) && !r.startsWith('blob:') && !r.startsWith('data:'));
  assert.deepEqual(outside, []);
  assert.deepEqual(consoleErrors, []);
});
