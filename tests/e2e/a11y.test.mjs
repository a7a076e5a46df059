// Accessibility: an automated axe-core scan (WCAG 2.1 A and AA rules) of
// every screen reports no violation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, scanAxe } from './harness.mjs';

let app, url, browser, page;

before(async () => {
  app = await openApp({ acceptDialogs: true });
  ({ url, browser, page } = app);
});

after(async () => {
  await app?.close();
});

const scan = (name) => scanAxe(page, name);

test('the Como plan as it opens', async () => scan('start'));

test('every panel open: grid editing, spreadsheets, results, sensitivity', async () => {
  await page.getByText('Modifica la griglia').click();
  await page.getByRole('heading', { name: 'Fogli di calcolo: importa ed esporta' }).click();
  await page.getByLabel('Raggiungimento e risultati').check();
  await page.getByRole('heading', { name: 'Sensibilità della graduatoria' }).click();
  await page.locator('#riga-o1 details.description > summary').click();
  await page.locator('#riga-o1 details.shared-units > summary').click();
  await scan('panels');
});

test('Verifica with a review panel open and a refused entry', async () => {
  await page.getByRole('button', { name: 'Verifica', exact: true }).click();
  await page.locator('#riga-o2 .review-panel > summary').click();
  await scan('verifica, no reviewer\'s name yet');
  await page.locator('#nome-verificatore').fill('Maria Rossi');
  await page.locator('#rivisto-o2-0').fill('99');
  await page.locator('#rivisto-o2-0').press('Tab');
  await page.locator('#rivisto-o2-0-errore').waitFor();
  await scan('verifica');
  await page.getByRole('button', { name: 'Proposta', exact: true }).click();
});

test('the new plan panel and a plan on levels', async () => {
  await page.getByRole('button', { name: 'Nuovo piano' }).click();
  await scan('new plan');
  await page.getByLabel('Livelli Bassa/Media/Alta × fattore di tipologia').check();
  await page.getByRole('button', { name: 'Crea il piano' }).click();
  await page.getByRole('button', { name: /^Aggiungi obiettivo al Settore 1$/ }).click();
  await page.locator('#cella-o1-0').selectOption({ label: 'Alta (3)' });
  await scan('levels');
});

test('the keyboard alone moves between score cells and adds objectives', async () => {
  const focused = () => page.evaluate(() => document.activeElement?.id);
  // On the levels plan: → from the first level list to the second; Enter adds an objective.
  await page.locator('#cella-o1-0').focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await focused(), 'cella-o1-1');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'titolo-o2');
  // On the Como plan: ↓ and ↑ keep the criterion, ← → at the text's edge change it.
  await page.getByRole('button', { name: 'Esempio: Comune di Como, PEG 2024' }).click();
  await page.locator('#cella-o1-2').focus();
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(), 'cella-o2-2');
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowRight');
  assert.equal(await focused(), 'cella-o2-3');
  await page.keyboard.press('ArrowUp');
  assert.equal(await focused(), 'cella-o1-3');
  // Enter, as in a spreadsheet, goes to the same criterion in the row below.
  await page.keyboard.press('Enter');
  assert.equal(await focused(), 'cella-o2-3');
  // In a title, Enter writes no line break: a title is one line.
  const title = await page.locator('#titolo-o2').inputValue();
  await page.locator('#titolo-o2').focus();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(' 2024');
  assert.equal(await page.locator('#titolo-o2').inputValue(), `${title} 2024`);
  await page.getByRole('button', { name: 'Annulla', exact: true }).click();
  // Escape gives a score's field back what it held before the entry: a
  // refused value and its message go, a valid one stops counting.
  const field = page.locator('#cella-o2-1');
  const before = await field.inputValue();
  const points = await page.getByTestId('punti-o2').innerText();
  await field.focus();
  await field.fill('99');
  await page.locator('#cella-o2-1-errore').waitFor();
  await page.keyboard.press('Escape');
  assert.equal(await field.inputValue(), before);
  assert.equal(await page.locator('#cella-o2-1-errore').count(), 0);
  await field.fill('1');
  assert.notEqual(await page.getByTestId('punti-o2').innerText(), points);
  await page.keyboard.press('Escape');
  assert.equal(await field.inputValue(), before);
  assert.equal(await page.getByTestId('punti-o2').innerText(), points);
});

test('deleting a row or a unit keeps the keyboard where it was, not at the page top', async () => {
  const focused = () => page.evaluate(() => document.activeElement?.id);
  await page.getByRole('button', { name: 'Esempio: Comune di Como, PEG 2024' }).click();
  await page.locator('#titolo-o1').waitFor();
  // Settore 1's first objective: the focus goes to the row that takes its place.
  await page.locator('#titolo-o1').focus();
  await page.locator('#unita-s1').getByRole('button', { name: /^Elimina l'obiettivo 1/ }).click();
  await page.waitForFunction(() => !document.getElementById('titolo-o1'));
  await page.waitForFunction(() => document.activeElement?.id === 'titolo-o2');
  // Its last: the row before it.
  await page.locator('#unita-s1').getByRole('button', { name: /^Elimina l'obiettivo/ }).last().click();
  await page.waitForFunction(() => !document.getElementById('titolo-o3'));
  await page.waitForFunction(() => document.activeElement?.id === 'titolo-o2');
  // A whole settore: the first control of the unit after it.
  await page.locator('#unita-s1 summary').filter({ hasText: 'Modifica settore' }).click();
  // Open, its fields are under the unit's heading, not above it.
  const [heading, name] = await Promise.all([page.locator('#unita-s1 .unit-head h2, #unita-s1 .unit-head h3').first().boundingBox(),
    page.locator('#nome-unita-s1').boundingBox()]);
  assert.ok(name.y > heading.y + heading.height, `the name field at ${name.y}, the heading's foot at ${heading.y + heading.height}`);
  // Each unit's delete button says which unit it deletes.
  const names = await page.locator('details.unit-edit button.btn-danger').evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label')));
  assert.ok(names.length > 1);
  assert.equal(new Set(names).size, names.length, `distinct names: ${names.join(' | ')}`);
  assert.equal(await page.locator('#unita-s1 details.unit-edit button.btn-danger').getAttribute('aria-label'), 'Elimina SETTORE 1: AFFARI GENERALI - CENTRALE AFFIDAMENTI E CONTRATTI');
  await page.locator('#unita-s1').getByRole('button', { name: 'Elimina settore' }).click();
  await page.waitForFunction(() => !document.getElementById('unita-s1'));
  await page.waitForFunction(() => document.activeElement?.closest('section.unit')?.id === 'unita-s2');
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'SUMMARY', 'its «Modifica settore»');
});

test('sharing an objective, or no longer, says where it went and the keyboard follows it', async () => {
  const focused = () => page.evaluate(() => document.activeElement?.id);
  await page.getByRole('button', { name: 'Esempio: Comune di Como, PEG 2024' }).click();
  await page.locator('#condivisione-o1').waitFor();
  assert.equal(await page.locator('#unita-s1 #condivisione-o1').count(), 1, 'in Settore 1 first');
  await page.locator('#condivisione-o1').focus();
  await page.keyboard.press('Enter');
  const settore2 = page.locator('#riga-o1 .shared-units label').filter({ hasText: 'SETTORE 2' }).locator('input');
  await settore2.focus();
  await page.keyboard.press('Space');
  await page.getByTestId('notice').filter({ hasText: "L'obiettivo è ora comune a più unità" }).waitFor();
  assert.equal(await page.locator('#obiettivi-comuni #condivisione-o1').count(), 1, 'now in the shared table');
  await page.waitForFunction(() => document.activeElement?.id === 'condivisione-o1');
  assert.equal(await page.getByTestId('annuncio').innerText(), "L'obiettivo è ora comune a più unità: è nella tabella «Obiettivi comuni a più unità».");
  // Back to Settore 1 alone, from its new place.
  await page.keyboard.press('Enter');
  await page.locator('#riga-o1 .shared-units label').filter({ hasText: 'SETTORE 2' }).locator('input').press('Space');
  await page.getByTestId('notice').filter({ hasText: "L'obiettivo è ora soltanto di «SETTORE 1" }).waitFor();
  assert.equal(await page.locator('#unita-s1 #condivisione-o1').count(), 1, 'back in Settore 1');
  await page.waitForFunction(() => document.activeElement?.id === 'condivisione-o1');
  assert.equal(await focused(), 'condivisione-o1');
});

test('moving a row or a criterion keeps the focus on its button', async () => {
  const focused = () => page.evaluate(() => document.activeElement?.id);
  await page.getByRole('button', { name: 'Esempio: Comune di Como, PEG 2024' }).click();
  await page.locator('#sposta-giu-o1').click();
  await page.waitForFunction(() => document.querySelector('#unita-s1 textarea.title')?.id === 'titolo-o2');
  assert.equal(await focused(), 'sposta-giu-o1');
  await page.keyboard.press('Enter'); // o1 now last: its «down» is disabled, the focus on its «up»
  await page.waitForFunction(() => document.activeElement?.id === 'sposta-su-o1');
  // Opened afresh, whatever an earlier test left.
  if ((await page.locator('details.grid-edit').getAttribute('open')) !== null) await page.getByText('Modifica la griglia').click();
  await page.getByText('Modifica la griglia').click();
  await page.locator('#griglia-giu-complessita').click();
  await page.waitForFunction(() => document.activeElement?.id === 'griglia-giu-complessita');
});

test('Nuovo piano: Escape gives the focus back to its button; a plan created, to its title', async () => {
  const focused = () => page.evaluate(() => document.activeElement?.id);
  await page.locator('#nuovo-piano').click();
  await page.locator('#metodo-como-2024').focus();
  // The focused choice is below the sticky band, not under it.
  const band = await page.locator('.app-header').boundingBox();
  const choice = await page.locator('#metodo-como-2024').boundingBox();
  assert.ok(choice.y >= band.y + band.height, `choice at ${choice.y}, band to ${band.y + band.height}`);
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('form.new-plan'));
  assert.equal(await focused(), 'nuovo-piano');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Crea il piano' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'titolo-piano');
});

test('what is added at the end of a list takes the focus in its first field', async () => {
  await page.getByRole('button', { name: 'Aggiungi obiettivo organizzativo' }).click();
  await page.waitForFunction(() => document.activeElement?.id?.startsWith('obiettivo-org-'));
  await page.getByRole('button', { name: 'Aggiungi indicatore' }).last().click();
  await page.waitForFunction(() => document.activeElement?.classList.contains('indicator-name'));
  await page.getByRole('button', { name: 'Aggiungi obiettivo del Segretario generale' }).click();
  await page.waitForFunction(() => document.activeElement?.closest('ol.secretary') !== null);
  if ((await page.locator('details.grid-edit').getAttribute('open')) === null) await page.getByText('Modifica la griglia').click();
  const before = await page.locator('fieldset.criterion-editor').count();
  await page.getByRole('button', { name: 'Aggiungi criterio' }).click();
  await page.waitForFunction((n) => document.activeElement?.id === `griglia-nome-${n}`, before);
});
