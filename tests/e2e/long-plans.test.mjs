// A long plan (1,000 objectives, as a città metropolitana has): it opens,
// tables far down the page are drawn when the user gets near them, an edit
// there moves every number it should, and a finding about a unit not yet
// drawn takes the user to its field.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch } from './harness.mjs';
import { generate } from '../../bench/generate.mjs';
import * as model from '../../bench/model.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
let server, url, browser, page;
let plan, file;
const errors = [];

before(async () => {
  [file] = generate([1000]);
  plan = JSON.parse(readFileSync(file, 'utf8'));
  ({ server, url } = await serve(join(repo, 'dist')));
  browser = await launch();
  page = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('dialog', (d) => d.accept());
  await page.goto(url);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.locator('#apri-file').setInputFiles(file);
  await page.getByTestId('notice').filter({ hasText: 'Aperto il file' }).waitFor();
});

after(async () => {
  await browser?.close();
  server?.close();
});

const last = () => plan.objectives.at(-1);

test('a long plan opens with every number, drawing only the tables near the screen', async () => {
  const pts = plan.objectives.map((o) => model.points(o, plan.grid.criteria));
  assert.equal(await page.getByTestId('ente-obiettivi').innerText(), '1000');
  assert.equal(await page.getByTestId('ente-media').innerText(), model.formatHundredths(model.stats(pts).average));
  await page.getByText('Il piano ha 1000 obiettivi').waitFor();
  // The first unit's table is on screen; the last one waits, with its count and average.
  assert.equal(await page.locator(`#cella-${plan.objectives[0].id}-0`).count(), 1);
  const unit = last().unit;
  assert.equal(await page.locator(`#cella-${last().id}-0`).count(), 0);
  const placeholder = page.getByTestId(`tabella-da-disegnare-${unit}`);
  const own = pts.filter((_, i) => plan.objectives[i].unit === unit);
  assert.match(await placeholder.innerText(), new RegExp(`Mostra gli obiettivi \\(${own.length}, media ${model.formatHundredths(model.stats(own).average)}\\)`));
  // The summary has every unit, drawn or not.
  assert.deepEqual(
    await page.getByTestId(`riepilogo-${unit}`).locator('td').allInnerTexts(),
    model.summaryCells(model.stats(own)),
  );
});

test('scrolling to the last unit draws its table, and an edit there moves its numbers', async () => {
  const o = last();
  await page.locator(`#unita-${o.unit}`).scrollIntoViewIfNeeded();
  const cell = page.locator(`#cella-${o.id}-0`);
  await cell.waitFor();
  const idx = model.index(plan);
  const crit = plan.grid.criteria[0];
  const value = o.scores[crit.id] < crit.max ? o.scores[crit.id] + 1 : o.scores[crit.id] - 1;
  o.scores[crit.id] = value;
  await cell.fill(String(value));
  for (const check of model.expectedAfter(plan, idx, o.id)) {
    const el = check.testid ? page.getByTestId(check.testid) : page.locator(check.selector);
    if (check.text !== undefined) assert.equal((await el.innerText()).trim(), check.text, check.testid);
    if (check.cells !== undefined) assert.deepEqual((await el.locator(':scope > td').allInnerTexts()).map((t) => t.trim()), check.cells, check.testid ?? check.selector);
  }
});

test('a finding about a unit not drawn yet leads to its field', async () => {
  await page.evaluate(() => window.scrollTo(0, 0));
  const o = plan.objectives[Math.floor(plan.objectives.length * 0.6)];
  assert.equal(await page.locator(`#cella-${o.id}-1`).count(), 0, 'not drawn yet');
  // A copy of the plan where that objective misses a score: a finding names it.
  const copy = JSON.parse(JSON.stringify(plan));
  delete copy.objectives.find((x) => x.id === o.id).scores[plan.grid.criteria[1].id];
  const { writeFileSync } = await import('node:fs');
  const path = file.replace(/\.json$/, '-lacuna.json');
  writeFileSync(path, JSON.stringify(copy));
  await page.locator('#apri-file').setInputFiles(path);
  await page.getByTestId('notice').filter({ hasText: 'lacuna' }).waitFor();
  const link = page.getByTestId('rilievi').getByRole('link').filter({ hasText: `(${o.id})` }).first();
  await link.click();
  await page.waitForFunction((id) => document.activeElement?.id === id, `cella-${o.id}-1`, { timeout: 5000 });
  assert.deepEqual(errors, []);
});

test('a long list of findings shows the first hundred and the rest on request', async () => {
  const group = page.getByTestId('rilievi').locator('.finding-group').filter({ has: page.getByRole('heading', { name: /^Avvisi/ }) });
  const total = Number((await group.getByRole('heading').innerText()).match(/\((\d+)\)/)[1]);
  assert.ok(total > 100, `${total} warnings`);
  assert.equal(await group.locator('li').count(), 100);
  await group.getByRole('button', { name: `Mostra tutti: altri ${total - 100}` }).click();
  assert.equal(await group.locator('li').count(), total);
  // Focus goes to the first finding the button revealed, not to the page.
  await page.waitForFunction(() => document.activeElement?.closest('li') === document.querySelector('#rilievi-avvisi li:nth-child(101)'));
  assert.equal(await group.getByRole('button').count(), 0);
});

test('a table not drawn yet is reached by keyboard: its button draws it and focuses the first title', async () => {
  await page.evaluate(() => window.scrollTo(0, 0));
  const unit = plan.objectives[Math.floor(plan.objectives.length * 0.9)].unit;
  const show = page.getByTestId(`tabella-da-disegnare-${unit}`).getByRole('button');
  await show.focus();
  await page.keyboard.press('Enter');
  const first = plan.objectives.find((o) => o.unit === unit);
  await page.waitForFunction((id) => document.activeElement?.id === id, `titolo-${first.id}`, { timeout: 5000 });
});

test('printing a long plan draws every table first', async () => {
  await page.evaluate(() => window.scrollTo(0, 0));
  assert.ok(await page.locator('.table-placeholder').count() > 0, 'some tables wait');
  await page.evaluate(() => {
    window.__printed = null;
    window.print = () => { window.__printed = { waiting: document.querySelectorAll('.table-placeholder').length, cells: document.querySelectorAll('input.score').length }; };
  });
  await page.getByRole('button', { name: 'Stampa' }).click();
  await page.waitForFunction(() => window.__printed !== null, null, { timeout: 60_000 });
  const printed = await page.evaluate(() => window.__printed);
  assert.equal(printed.waiting, 0);
  assert.equal(printed.cells, plan.objectives.length * plan.grid.criteria.length);
});
