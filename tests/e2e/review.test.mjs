// End to end, as the Nucleo di valutazione uses Pesatura: open a dirigente's
// file, switch to Verifica, contest a score with a comment and a revised
// value, see the validated numbers beside the proposed ones, save, reopen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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
});

after(async () => {
  await app?.close();
});

const cell = (testid) => page.locator(`[data-testid="${testid}"]`);

test('the Nucleo contests a score and the validated numbers follow', async () => {
  await page.locator('#apri-file').setInputFiles(join(repo, 'examples', 'como-peg-2024.json'));
  await page.getByTestId('notice').filter({ hasText: 'Aperto il file' }).waitFor();
  await page.getByRole('button', { name: 'Verifica', exact: true }).click();
  assert.equal(await cell('da-verificare').innerText(), 'Da verificare: 53 obiettivi');
  await page.getByLabel('Nome di chi verifica').fill('Maria Rossi');
  // The proposal is verified as the dirigente made it: titles read only,
  // no rows or units added, moved or deleted.
  assert.notEqual(await page.locator('#titolo-o1').getAttribute('readonly'), null);
  const units = page.locator('#elenco-unita');
  assert.ok(await units.locator('#titolo-o1').count(), 'the units are drawn');
  for (const name of [/^Elimina l'/, /^Sposta su l'/, /^Aggiungi obiettivo (al |all'|alla |allo )/, /^Elimina settore/i]) {
    assert.equal(await units.getByRole('button', { name }).count(), 0, `no «${name}» in Verifica`);
  }
  assert.equal(await page.locator('#nuova-unita-nome').count(), 0, 'no unit added in Verifica');

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
  // The objective's own verdict is still to decide: the badge says which score contests it.
  assert.equal(await page.locator('#verdetto-o3').inputValue(), 'pending');
  assert.equal(await cell('stato-perche-o3').innerText(), 'per Complessità');
  assert.equal(await cell('stato-unita-s1').innerText(), 'CONTESTATO');
  // The area's overall average too: (62 − 3 + 68) / 6 validated, 130 / 6 proposed.
  assert.match(await cell('media-complessiva-a1').innerText(), /^Media complessiva 21,17 su 6 obiettivi valutati .* \(proposta 21,67\)$/);

  // Objective 1 confirmed as a whole.
  await page.locator('#riga-o1 .review-panel > summary').click();
  await page.locator('#verdetto-o1').selectOption('confirmed');
  assert.equal(await cell('stato-o1').innerText(), 'CONFERMATO');
  assert.equal(await cell('stato-perche-o1').count(), 0, 'its own verdict says it');
  assert.equal(await cell('da-verificare').innerText(), 'Da verificare: 51 obiettivi');
  // The log of decisions, newest first, each once however it was typed.
  await page.getByText('Registro delle decisioni (3)').click();
  const log = cell('registro').locator('tbody tr');
  await log.first().waitFor();
  assert.equal(await log.count(), 3);
  const cells = async (i) => (await log.nth(i).locator('td').allInnerTexts()).slice(1);
  assert.deepEqual(await cells(0), ['Maria Rossi', "BANCA DATI UNICA TRACCIABILITA' CONTRATTI", '', 'obiettivo: confermato']);
  assert.deepEqual((await cells(1)).slice(2), ['Complessità', 'commento: «Complessità sovrastimata rispetto alla scheda.»']);
  assert.deepEqual((await cells(2)).slice(2), ['Complessità', '«Complessità» rivisto da 6 a 3']);
  assert.match(await log.nth(0).locator('td').first().innerText(), /^\d\d\/\d\d\/\d{4} \d\d:\d\d$/);
  // The ente's average, validated, with the proposed one beside it, as the units'.
  assert.equal(await cell('ente-media').innerText(), '21,49'); // (1142 − 3) / 53
  assert.equal(await cell('ente-media-proposta').innerText(), 'proposta 21,55');
  // A note under the headline number, not a second headline.
  const [proposedSize, validatedSize] = await Promise.all(['ente-media-proposta', 'ente-media']
    .map((id) => cell(id).evaluate((e) => parseFloat(getComputedStyle(e).fontSize))));
  assert.ok(proposedSize < validatedSize / 2, `proposta ${proposedSize} px, media ${validatedSize} px`);
  // The summary by unit: validated averages, and beside them the proposed ones.
  assert.match(await cell('riepilogo-validato').innerText(), /^Numeri validati/);
  const summary = cell('riepilogo-s1').locator('td');
  assert.deepEqual((await summary.allInnerTexts()).slice(2, 4), ['19,67', '20,67']);
  const enteRow = page.locator('.summary tfoot tr').last().locator('td');
  assert.deepEqual((await enteRow.allInnerTexts()).slice(2, 4), ['21,49', '21,55']);
  await page.screenshot({ path: join(out, 'review.png') });

  // Back in Proposta the dirigente's numbers are on screen.
  await page.getByRole('button', { name: 'Proposta', exact: true }).click();
  assert.equal(await cell('punti-o3').innerText(), '26');
  assert.equal(await cell('media-s1').innerText(), '20,67');
  assert.equal(await cell('riepilogo-validato').count(), 0, 'in Proposta the summary has one average');
  assert.equal(await page.locator('.summary thead th').count(), 6);
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

test('in Verifica nothing of the proposal can be changed, and the reviewer\'s name stays after a reload', async () => {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const p = await context.newPage();
  await p.goto(url);
  await p.locator('[data-testid="media-s3"]').waitFor();
  await p.getByRole('button', { name: 'Verifica', exact: true }).click();
  // Until a name is typed, the field says why it is needed, and an
  // objective's decisions wait for it: they cannot be taken unsigned.
  const missing = p.locator('#nome-verificatore-manca');
  assert.match(await missing.innerText(), /nome di chi verifica/);
  await p.locator('#riga-o2 .review-panel > summary').click();
  const waiting = p.locator('#senza-nome-o2');
  assert.match(await waiting.innerText(), /scriverlo prima di decidere/);
  assert.ok(await p.locator('#verdetto-o2-0').isDisabled(), 'no verdict without a name');
  assert.ok(await p.locator('#rivisto-o2-0').isDisabled(), 'no revised score without a name');
  // Its button takes the focus to the name, which is typed there.
  await waiting.getByRole('button', { name: 'Scrivi il nome' }).click();
  assert.equal(await p.evaluate(() => document.activeElement?.id), 'nome-verificatore');
  await p.keyboard.type('Luca Bianchi');
  assert.equal(await missing.count(), 0);
  assert.equal(await waiting.count(), 0);
  assert.ok(await p.locator('#verdetto-o2-0').isEnabled(), 'with the name, the decisions can be taken');
  // The ente, the grid, imports, and the other objectives are read only.
  for (const id of ['#ente-nome', '#ente-anno', '#ente-livelli', '#titolo-o2']) {
    assert.notEqual(await p.locator(id).getAttribute('readonly'), null, `${id} is read only`);
    // Out of the Tab order: the keyboard goes from decision to decision.
    assert.equal(await p.locator(id).getAttribute('tabindex'), '-1', `${id} is not a tab stop`);
  }
  assert.equal(await p.locator('details.grid-edit').count(), 0, 'no grid editor');
  await p.locator('.spreadsheets > details > summary').click();
  assert.equal(await p.locator('#importa-csv').count(), 0, 'no import');
  assert.equal(await p.locator('#importa-como').count(), 0, 'no import of the Como table');
  assert.equal(await p.locator('#incolla-celle').count(), 0, 'no pasted cells');
  assert.ok(await p.getByRole('button', { name: /CSV/ }).count() > 0, 'the exports stay');
  const org = p.locator('section.other-objectives').first();
  assert.notEqual(await org.locator('textarea').first().getAttribute('readonly'), null, 'organisational titles read only');
  assert.equal(await p.locator('section.other-objectives').getByRole('button', { name: /Aggiungi|Elimina/ }).count(), 0);
  // With the results shown, the reported achievement is read only too.
  await p.locator('#mostra-risultati').check();
  const achievement = p.locator('input[id^="raggiungimento-o"]').first();
  await achievement.waitFor({ state: 'attached' });
  assert.notEqual(await achievement.getAttribute('readonly'), null, 'the percentage is read only');
  assert.ok(await p.locator('select[id^="raggiungimento-o"]').first().isDisabled(), 'its kind is fixed');
  // Back in Proposta, all of it can be changed again.
  await p.getByRole('button', { name: 'Proposta', exact: true }).click();
  assert.equal(await p.locator('#ente-nome').getAttribute('readonly'), null);
  assert.equal(await p.locator('details.grid-edit').count(), 1);
  // The name is remembered in this browser: after a reload, decisions are not anonymous.
  await p.waitForFunction(() => localStorage.getItem('pesatura.reviewer') === 'Luca Bianchi');
  await p.reload();
  await p.locator('[data-testid="media-s3"]').waitFor();
  await p.getByRole('button', { name: 'Verifica', exact: true }).click();
  assert.equal(await p.getByLabel('Nome di chi verifica').inputValue(), 'Luca Bianchi');
  // A comment and a revised score count as they are typed: the tab closed
  // before leaving the field keeps them.
  await p.locator('#riga-o2 .review-panel > summary').click();
  await p.locator('#commento-o2').pressSequentially('Target da rivedere');
  await p.locator('#rivisto-o2-0').pressSequentially('2');
  assert.equal(await p.locator('[data-testid="punti-o2"]').innerText(), '16\nproposto 18');
  await p.getByText('Modifiche non salvate').waitFor();
  await p.waitForFunction(() => localStorage.getItem('pesatura.autosave.plan')?.includes('Target da rivedere'));
  await p.reload();
  await p.locator('[data-testid="media-s3"]').waitFor();
  await p.getByRole('button', { name: 'Verifica', exact: true }).click();
  assert.equal(await p.locator('#commento-o2').inputValue(), 'Target da rivedere');
  assert.equal(await p.locator('[data-testid="punti-o2"]').innerText(), '16\nproposto 18');
  await context.close();
});

test('comparing with a modified copy lists the changes', async () => {
  const copy = JSON.parse(readFileSync(join(repo, 'examples', 'como-peg-2024.json'), 'utf8'));
  copy.objectives.find((o) => o.id === 'o4').scores.rilevanza = 9; // Settore 2, first objective: 6 → 9
  copy.objectives = copy.objectives.filter((o) => o.id !== 'o50');
  copy.objectives.find((o) => o.id === 'o5').title = 'Realizzazione del fabbisogno assunzionale secondo il piano triennale dei fabbisogni di personale 2024-2026, con le procedure concorsuali e le mobilità previste';
  const path = join(out, 'copia-modificata.json');
  writeFileSync(path, JSON.stringify(copy, null, 2));
  // The plan on screen (the reopened review) is compared with the copy.
  await page.locator('#confronta-file').setInputFiles(path);
  const section = page.getByTestId('confronto');
  await section.waitFor();
  const score = section.getByRole('row', { name: /Punteggio .*attivazione progressione.*Rilevanza strategica/ });
  assert.deepEqual(await score.locator('td').allInnerTexts(), [
    'Punteggio', "SETTORE 2: ORGANIZZAZIONE E RISORSE UMANE › attivazione progressione in deroga tra aree, come da disposizioni contenute nel CCNL sul sistema di classificazione professionale del personale del comparto Funzioni Locali. (c.d. progressioni verticali) › Rilevanza strategica",
    '9', '6', '-3',
  ]);
  // Relative weights with their %: Settore 2's first objective, 22 of 71 (30,98 % by largest
  // remainder: the other two take the two hundredths left) → 19 of 68.
  const weight = section.getByRole('row', { name: /Peso relativo .*attivazione progressione/ });
  assert.deepEqual((await weight.locator('td').allInnerTexts()).slice(2), ['30,98 %', '27,94 %', '-3,04 %']);
  await section.getByRole('row', { name: /Aggiunto .*Recupero crediti e immobili/ }).waitFor();
  // The review on screen is compared too: the copy has none, the plan on
  // screen has Settore 1's objective 3 contested, its complessità revised to 3.
  const revised = section.getByRole('row', { name: /Valore rivisto .*Monitoraggio del costante.*Complessità/ });
  assert.deepEqual((await revised.locator('td').allInnerTexts()).slice(2), ['—', '3', '']);
  const verdict = section.getByRole('row', { name: /Esito della verifica .*Monitoraggio del costante.*Complessità/ });
  assert.deepEqual((await verdict.locator('td').allInnerTexts()).slice(2), ['da verificare', 'contestato', '']);
  const note = section.getByRole('row', { name: /Nota della verifica .*Monitoraggio del costante.*Complessità/ });
  assert.deepEqual((await note.locator('td').allInnerTexts()).slice(2), ['—', 'Complessità sovrastimata rispetto alla scheda.', '']);
  // Settore 2: (22 + 28 + 21) / 3 = 23,67 in the copy, 22,67 on screen.
  const s2 = section.getByRole('row', { name: /SETTORE 2: ORGANIZZAZIONE/ }).last();
  assert.deepEqual(await s2.locator('td').allInnerTexts(), ['23,67', '22,67', '-1,00']);
  // A long title changed: its texts wrap in their columns, and the table
  // keeps to its box, the differences on the screen.
  await section.getByRole('row', { name: /Titolo cambiato .*SETTORE 2/ }).waitFor();
  const fit = await section.locator('table').first().evaluate((table) => {
    const box = table.closest('.table-scroll') ?? table.parentElement;
    const columns = [...table.querySelectorAll('thead th')].map((th) => Math.round(th.getBoundingClientRect().width));
    return { overflow: box.scrollWidth - box.clientWidth, where: columns[1], before: columns[2], after: columns[3] };
  });
  assert.equal(fit.overflow, 0, 'the table fits its box');
  assert.ok(fit.where >= 200, `«Dove» keeps room to read: ${fit.where} px`);
  assert.ok(fit.before <= 460 && fit.after <= 460, `Prima ${fit.before} px, Dopo ${fit.after} px`);
  await page.screenshot({ path: join(out, 'compare.png') });
  // The same ente and year: no word about another plan.
  assert.equal(await cell('confronto-altro-ente').count(), 0);
  // Another ente's plan is compared, but the comparison says whose it is.
  copy.ente.name = 'Comune di Prova';
  copy.ente.year = 2026;
  const other = join(out, 'altro-ente.json');
  writeFileSync(other, JSON.stringify(copy, null, 2));
  await page.locator('#confronta-file').setInputFiles(other);
  await cell('confronto-altro-ente').waitFor();
  assert.match(await cell('confronto-altro-ente').innerText(), /^Attenzione: l'altro file è il piano di «Comune di Prova» per il 2026, non di questo ente e anno\./);
  await section.getByRole('button', { name: 'Chiudi il confronto' }).click();
  assert.equal(await section.count(), 0);
});

test('the printed annex is an A4 PDF without buttons', async () => {
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByRole('button', { name: 'Salva', exact: true }).isVisible(), false);
  assert.equal(await page.getByText('Esiti della verifica del Nucleo di valutazione').isVisible(), true);
  assert.equal(await page.getByText('Il Nucleo di valutazione ______').isVisible(), true);
  // How far the review went, and who took its decisions: a review left
  // half-way does not print as a finished one.
  assert.equal(await cell('stampa-avanzamento').innerText(), 'Obiettivi verificati: 2 su 53; da verificare: 51.');
  assert.match(await cell('stampa-verificatori').innerText(),
    /^Decisioni registrate da Maria Rossi; l'ultima il \d\d\/\d\d\/\d{4} \d\d:\d\d\.$/);
  // An objective common to several units says which, on paper too.
  assert.equal(await cell('comune-a-o51').isVisible(), true);
  assert.match(await cell('comune-a-o51').innerText(), /^Comune a: /);
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  writeFileSync(join(out, 'allegato.pdf'), pdf);
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  assert.ok(pages >= 3, `pages: ${pages}`);
});

test('nothing is logged as an error', async () => {
  assert.deepEqual(consoleErrors, []);
});
