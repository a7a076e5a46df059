// A long plan (1,000 objectives, as a città metropolitana has): it opens,
// tables far down the page are drawn when the user gets near them, an edit
// there moves every number it should, and a finding about a unit not yet
// drawn takes the user to its field.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApp } from './harness.mjs';
import { generate } from '../../bench/generate.mjs';
import * as model from '../../bench/model.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
let app, url, browser, page, errors;
let plan, file;

before(async () => {
  [file] = generate([1000]);
  plan = JSON.parse(readFileSync(file, 'utf8'));
  app = await openApp({ acceptDialogs: true });
  ({ url, browser, page, errors } = app);
  await page.locator('#apri-file').setInputFiles(file);
  await page.getByTestId('notice').filter({ hasText: 'Aperto il file' }).waitFor();
});

after(async () => {
  await app?.close();
});

const last = () => plan.objectives.at(-1);

test('a long plan opens with every number, drawing only the tables near the screen', async () => {
  const pts = plan.objectives.map((o) => model.points(o, plan.grid.criteria));
  assert.equal(await page.getByTestId('ente-obiettivi').innerText(), '1000');
  assert.equal(await page.getByTestId('ente-media').innerText(), model.formatHundredths(model.stats(pts).average));
  await page.getByText('Il piano ha 1000 obiettivi').waitFor();
  // The first unit's table is on screen; the last unit waits, in a run of
  // units drawn together, and so does its summary row.
  assert.equal(await page.locator(`#cella-${plan.objectives[0].id}-0`).count(), 1);
  const unit = last().unit;
  assert.equal(await page.locator(`#cella-${last().id}-0`).count(), 0);
  assert.equal(await page.locator(`#unita-${unit}`).count(), 0);
  assert.equal(await page.getByTestId(`riepilogo-${unit}`).count(), 0);
  const chunk = page.locator(`[data-sezioni~="unita-${unit}"]`);
  const inChunk = (await chunk.getAttribute('data-sezioni')).split(' ').length;
  const chunkText = await chunk.innerText();
  assert.match(chunkText, new RegExp(`^Mostra ${inChunk} unità, da .+ a .+`));
  assert.ok(chunkText.endsWith(plan.units.find((u) => u.id === unit).name), chunkText);
  const own = pts.filter((_, i) => plan.objectives[i].unit === unit);
  // Its summary row is drawn, with its numbers, once its rows come near the screen.
  await page.locator(`[data-riepilogo~="riepilogo-${unit}"]`).scrollIntoViewIfNeeded();
  await page.getByTestId(`riepilogo-${unit}`).waitFor();
  // Drawn, the rows take their own height, not the placeholder's.
  assert.equal(await page.getByTestId(`riepilogo-${unit}`).evaluate((tr) => tr.parentElement.style.height), '');
  assert.deepEqual(
    await page.getByTestId(`riepilogo-${unit}`).locator('td').allInnerTexts(),
    model.summaryCells(model.stats(own)),
  );
  // Back at the top, far from the screen, the rows give their place back.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForFunction((id) => !document.querySelector(`[data-testid="${id}"]`), `riepilogo-${unit}`);
});

test('a long chart is shown forty units at a time', async () => {
  const pager = page.getByTestId('grafico-medie-pagina');
  const units = new Set(plan.objectives.map((o) => o.unit)).size;
  assert.equal(await pager.innerText(), `Unità da 1 a 40 di ${units}`);
  assert.equal(await page.getByTestId('grafico-medie').locator('rect').count(), 40);
  await page.locator('section.charts').getByRole('button', { name: 'Successive' }).first().click();
  assert.equal(await pager.innerText(), `Unità da 41 a 80 di ${units}`);
  await page.locator('section.charts').getByRole('button', { name: 'Precedenti' }).first().click();
  assert.equal(await pager.innerText(), `Unità da 1 a 40 di ${units}`);
  // The unit of the stacked chart is picked in two steps: the unit above it, then the unit.
  const area = plan.units.filter((u) => u.parent === null).at(-1);
  const settori = plan.units.filter((u) => u.parent === area.id);
  await page.getByLabel('Unità contenute in').selectOption({ label: area.name });
  const offered = await page.locator('#grafico-unita option').allInnerTexts();
  assert.equal(offered.length, settori.length);
  assert.match(await page.getByTestId('grafico-pila').locator('title').textContent(), new RegExp(settori[0].name.replace(/[()]/g, '.')));
  await page.locator('#grafico-unita').selectOption(settori.at(-1).id);
  assert.match(await page.getByTestId('grafico-pila').locator('title').textContent(), new RegExp(settori.at(-1).name.replace(/[()]/g, '.')));
});

test('scrolling to the last unit draws its table, and an edit there moves its numbers', async () => {
  const o = last();
  // Its chunk of units first, then the unit itself: both are drawn near the screen.
  await page.locator(`[data-sezioni~="unita-${o.unit}"]`).scrollIntoViewIfNeeded();
  await page.locator(`#unita-${o.unit}`).scrollIntoViewIfNeeded();
  const cell = page.locator(`#cella-${o.id}-0`);
  await cell.waitFor();
  // Drawn, the run of units takes its own height, not the placeholder's.
  assert.equal(await page.locator(`#unita-${o.unit}`).evaluate((s) => s.closest('.units-chunk').style.minHeight), '');
  const idx = model.index(plan);
  const crit = plan.grid.criteria[0];
  const value = o.scores[crit.id] < crit.max ? o.scores[crit.id] + 1 : o.scores[crit.id] - 1;
  o.scores[crit.id] = value;
  await cell.fill(String(value));
  for (const check of model.expectedAfter(plan, idx, o.id)) {
    const el = check.testid ? page.getByTestId(check.testid) : page.locator(check.selector);
    await bringNear(check);
    if (check.text !== undefined) assert.equal((await el.innerText()).trim(), check.text, check.testid);
    if (check.cells !== undefined) assert.deepEqual((await el.locator(':scope > td').allInnerTexts()).map((t) => t.trim()), check.cells, check.testid ?? check.selector);
  }
});

/// Scrolls to the placeholder of the part that shows `check` (its summary
/// rows, its run of units, its table) until the part is drawn.
async function bringNear(check) {
  const el = check.testid ? page.getByTestId(check.testid) : page.locator(check.selector);
  for (let tries = 0; tries < 3 && (await el.count()) === 0; tries += 1) {
    const placeholder = check.testid?.startsWith('riepilogo-')
      ? page.locator(`[data-riepilogo~="${check.testid}"]`)
      : page.locator(`[data-sezioni~="unita-${check.unit}"], [data-testid="tabella-da-disegnare-${check.unit}"]`).first();
    if ((await placeholder.count()) > 0) await placeholder.scrollIntoViewIfNeeded();
    await el.first().waitFor({ timeout: 3000 }).catch(() => {});
  }
}

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

test('what is on screen keeps its place while the parts above it are drawn', async () => {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300);
  const drawnBefore = await page.locator('[data-testid^="riepilogo-"]').count();
  // A jump from the top to the findings: the summary's last rows, just
  // above, are drawn as they come near, with heights of their own.
  const moves = await page.getByTestId('rilievi').locator('a').first().evaluate(async (link) => {
    link.scrollIntoView({ block: 'center' });
    const first = link.getBoundingClientRect().top;
    const tops = [];
    const start = performance.now();
    while (performance.now() - start < 1000) {
      await new Promise((ok) => requestAnimationFrame(ok));
      tops.push(link.getBoundingClientRect().top - first);
    }
    return tops;
  });
  assert.ok(moves.every((m) => Math.abs(m) < 1), `the link moved by up to ${Math.max(...moves.map(Math.abs))} px`);
  assert.ok(drawnBefore < (await page.locator('[data-testid^="riepilogo-"]').count()), 'summary rows were drawn above');
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

test('units and tables not drawn yet are reached by keyboard: their buttons draw them and move the focus into them', async () => {
  await page.evaluate(() => window.scrollTo(0, 0));
  const unit = plan.objectives[Math.floor(plan.objectives.length * 0.9)].unit;
  // Its run of units waits as a placeholder with a button, which draws the units.
  const chunk = page.locator(`[data-sezioni~="unita-${unit}"]`);
  const ids = (await chunk.getAttribute('data-sezioni')).split(' ');
  // Reaching its button is enough: the units are drawn, and the focus goes
  // to the first one.
  await chunk.getByRole('button').focus();
  await page.waitForFunction((id) => document.activeElement?.closest('section')?.id === id, ids[0], { timeout: 5000 });
  // The last unit of the run is farther than the screen: its table waits
  // behind a button with its count and average, which draws it and focuses
  // its first title.
  const lastId = ids.at(-1).replace(/^unita-/, '');
  const show = page.getByTestId(`tabella-da-disegnare-${lastId}`);
  const pts = plan.objectives.map((o) => model.points(o, plan.grid.criteria));
  const own = pts.filter((_, i) => plan.objectives[i].unit === lastId);
  assert.match(await show.innerText(), new RegExp(`Mostra gli obiettivi \\(${own.length}, media ${model.formatHundredths(model.stats(own).average)}\\)`));
  await show.getByRole('button').focus();
  const first = plan.objectives.find((o) => o.unit === lastId);
  await page.waitForFunction((id) => document.activeElement?.id === id, `titolo-${first.id}`, { timeout: 5000 });
});

test('a run of units scrolled far away keeps its height from the moment it turns back into its placeholder', async () => {
  // On a slow machine yew hands the page back to the browser between
  // drawing a part and running its effects: the placeholder must not wait
  // for them to be as tall as the units were, or what follows jumps up.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  try {
    await page.evaluate(() => window.scrollTo(0, 0));
    const unit = plan.objectives[Math.floor(plan.objectives.length / 2)].unit;
    await page.locator(`[data-sezioni~="unita-${unit}"]`).scrollIntoViewIfNeeded();
    await page.locator(`#unita-${unit}`).waitFor();
    await page.waitForTimeout(500);
    const seen = await page.evaluate(async (id) => {
      const chunk = document.getElementById(id).closest('.units-chunk');
      const drawn = chunk.getBoundingClientRect().height;
      const found = [];
      // Called when the page's elements change, before the browser shows it.
      const watch = new MutationObserver(() => {
        if (chunk.className === 'units-placeholder' && !found.length) {
          found.push({ drawn, minHeight: chunk.style.minHeight, height: chunk.getBoundingClientRect().height });
        }
      });
      watch.observe(document.body, { subtree: true, childList: true, attributes: true });
      window.scrollTo(0, 0);
      const start = performance.now();
      while (!found.length && performance.now() - start < 5000) await new Promise((ok) => setTimeout(ok, 50));
      watch.disconnect();
      return found[0];
    }, `unita-${unit}`);
    assert.ok(seen, 'the run of units turned back into its placeholder');
    assert.notEqual(seen.minHeight, '', 'the placeholder has its height when it appears');
    assert.ok(Math.abs(seen.height - seen.drawn) < 1, `placeholder ${seen.height} px, units ${seen.drawn} px`);
  } finally {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  }
});

test('a run of units drawn above the screen on a slow machine leaves what is on screen where it is', async () => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  try {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(500);
    // A run of units two thirds down, reached in one jump: it is drawn on
    // screen, and the run above it, within reach, is drawn above the screen.
    const unit = plan.objectives[Math.floor(plan.objectives.length * 0.66)].unit;
    const result = await page.evaluate(async (unit) => {
      const frame = () => new Promise((ok) => requestAnimationFrame(() => ok()));
      const chunk = document.querySelector(`[data-sezioni~="unita-${unit}"]`);
      const above = chunk.previousElementSibling;
      const first = chunk.dataset.sezioni.split(' ')[0];
      chunk.scrollIntoView();
      const start = performance.now();
      while (!document.getElementById(first) && performance.now() - start < 5000) await frame();
      const section = document.getElementById(first);
      if (!section) return { error: 'not drawn' };
      const top = section.getBoundingClientRect().top;
      const moves = [];
      const sampling = performance.now();
      while (performance.now() - sampling < 2000) {
        await frame();
        moves.push(section.isConnected ? Math.round(section.getBoundingClientRect().top - top) : 'gone');
      }
      return { moves, aboveDrawn: above?.className === 'units-chunk' };
    }, unit);
    assert.equal(result.error, undefined);
    assert.ok(result.aboveDrawn, 'the run of units above was drawn');
    assert.ok(result.moves.every((m) => m !== 'gone' && Math.abs(m) <= 1), `moves: ${result.moves.join(' ')}`);
  } finally {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  }
});

test('printing a long plan draws every table first', async () => {
  await page.evaluate(() => window.scrollTo(0, 0));
  assert.ok(await page.locator('.table-placeholder').count() > 0, 'some tables wait');
  await page.evaluate(() => {
    window.__printed = null;
    window.print = () => { window.__printed = { waiting: document.querySelectorAll('.table-placeholder, .units-placeholder, .summary-placeholder').length, cells: document.querySelectorAll('input.score').length }; };
  });
  await page.getByRole('button', { name: 'Stampa' }).click();
  await page.waitForFunction(() => window.__printed !== null, null, { timeout: 60_000 });
  const printed = await page.evaluate(() => window.__printed);
  assert.equal(printed.waiting, 0);
  assert.equal(printed.cells, plan.objectives.length * plan.grid.criteria.length);
});
