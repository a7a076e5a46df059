// Layout on paper and on a phone: the printed annex fits an A4 page, results
// columns too, with the plan's title once and no control's leftovers; on a
// 390 px screen only the tables and charts scroll sideways, their boxes are
// reachable by keyboard and named, and the charts' labels stay readable.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openApp, scanAxe } from './harness.mjs';

let app, page;

before(async () => {
  app = await openApp({ acceptDialogs: true });
  ({ page } = app);
});

after(async () => {
  await app?.close();
});

const TITLE = 'Comune di Como — piano degli obiettivi 2024';
// A4 is 210 mm wide; the stylesheet's @page leaves 12 mm each side:
// 186 mm, 703 CSS pixels, is the width the annex is laid out in.
const A4_CONTENT = Math.floor((186 / 25.4) * 96);
const PHONE = { width: 390, height: 844 };

// Scrolls to the bottom and back, so that every part of the page is drawn
// (a long plan draws its parts as they come near the screen).
async function drawEverything() {
  let last = -1;
  for (let i = 0; i < 60; i++) {
    const height = await page.evaluate(() => { window.scrollTo(0, document.documentElement.scrollHeight); return document.documentElement.scrollHeight; });
    await page.waitForTimeout(80);
    if (height === last) break;
    last = height;
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}

// The scroll boxes that can scroll sideways, with what makes them reachable.
const scrollBoxes = (selector) => page.evaluate((selector) => [...document.querySelectorAll(selector)]
  .filter((box) => box.scrollWidth > box.clientWidth + 1)
  .map((box) => ({
    where: box.closest('section')?.className ?? '',
    tabindex: box.getAttribute('tabindex'),
    role: box.getAttribute('role'),
    label: box.getAttribute('aria-label') ?? '',
    caption: box.querySelector('caption')?.textContent ?? box.querySelector('svg > title')?.textContent ?? '',
    controls: box.querySelectorAll('button, input, select, textarea, a[href], [tabindex]').length,
  })).map((b) => ({ ...b, reachable: b.tabindex === '0' || b.controls > 0 })), selector);

test('printed on A4 with results, every column of the annex is on the page', async () => {
  await page.getByLabel('Raggiungimento e risultati').check();
  await page.locator('#riga-o1 input[aria-label^="Raggiungimento"]').fill('80');
  await page.keyboard.press('Tab');
  await page.getByTestId('ponderato-o1').filter({ hasText: '23,22' }).waitFor();
  await page.setViewportSize({ width: A4_CONTENT, height: 1000 });
  await page.emulateMedia({ media: 'print' });
  try {
    const layout = await page.evaluate(() => {
      const cells = [...document.querySelectorAll('main th, main td')].filter((c) => c.getClientRects().length);
      const out = cells.map((c) => ({ right: c.getBoundingClientRect().right, text: c.innerText.trim().slice(0, 40) }))
        .filter((c) => c.right > document.documentElement.clientWidth + 0.5);
      return { scrollWidth: document.documentElement.scrollWidth, out: out.slice(0, 5), cells: cells.length };
    });
    assert.ok(layout.cells > 100, `cells laid out: ${layout.cells}`);
    assert.deepEqual(layout.out, [], 'cells beyond the printed width');
    assert.ok(layout.scrollWidth <= A4_CONTENT, `printed width ${layout.scrollWidth} > ${A4_CONTENT}`);
    // The results columns print, in full.
    const weighted = page.getByRole('columnheader', { name: 'Punteggio ponderato' }).first();
    assert.ok(await weighted.isVisible());
    const box = await weighted.boundingBox();
    assert.ok(box.x + box.width <= A4_CONTENT, `«Punteggio ponderato» ends at ${box.x + box.width}`);
    // No control's leftovers: the achievement's «%» choice does not print.
    assert.equal(await page.locator('#riga-o1 .achievement select').isVisible(), false);
    assert.equal((await page.locator('#riga-o2 .achievement-cell').innerText()).trim(), '');
    assert.doesNotMatch(await page.locator('#riga-o1 .achievement-cell').innerText(), /^%/);
    // The plan's title, once.
    const titles = await page.evaluate((title) => [...document.querySelectorAll('main *')]
      .filter((e) => e.children.length === 0 && e.textContent.trim() === title && e.getClientRects().length).length, TITLE);
    assert.equal(titles, 1);
    assert.equal(await page.getByRole('heading', { level: 1, name: TITLE }).isVisible(), true);
    // A unit's average row keeps to its last objective across a page break.
    assert.deepEqual(await page.evaluate(() => {
      const style = (selector) => getComputedStyle(document.querySelector(selector));
      return [style('.objectives > tbody > tr:last-child').breakAfter, style('.objectives > tfoot > tr').breakBefore];
    }), ['avoid', 'avoid']);
    // Every unit's points by criterion: the one chosen on screen, then the
    // others, once printing has asked for everything to be drawn.
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    const stacked = page.locator('svg[data-testid^="grafico-pila"]');
    await page.waitForFunction(() => document.querySelectorAll('svg[data-testid^="grafico-pila"]').length > 1);
    const units = await page.locator('#grafico-unita option').count();
    assert.equal(await stacked.count(), units, 'one chart per unit with objectives');
    const visible = await stacked.evaluateAll((svgs) => svgs.filter((s) => s.getClientRects().length).length);
    assert.equal(visible, units, 'all of them print');
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    assert.ok(pdf.length > 10_000);
    await page.emulateMedia({ media: 'screen' });
    const onScreen = await stacked.evaluateAll((svgs) => svgs.filter((s) => s.getClientRects().length).length);
    assert.equal(onScreen, 1, 'on screen, the one chosen');
  } finally {
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1400, height: 1000 });
  }
});

test('on a phone only the tables and charts scroll sideways, never the page', async () => {
  await page.setViewportSize(PHONE);
  await page.getByRole('heading', { name: 'Sensibilità della graduatoria' }).click();
  await drawEverything();
  // With the results columns (left on by the test above) and without.
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), PHONE.width);
  await page.getByLabel('Raggiungimento e risultati').uncheck();
  await drawEverything();
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), PHONE.width);
  // The tables do scroll: they did not just get squeezed.
  assert.ok((await scrollBoxes('.table-scroll')).length > 5);
  // Their captions wrap within the screen, the summary's included.
  const cut = await page.evaluate(() => [...document.querySelectorAll('.table-scroll caption')]
    .filter((c) => c.getBoundingClientRect().width > 0 && c.getBoundingClientRect().right > window.innerWidth)
    .map((c) => c.textContent.slice(0, 40)));
  assert.deepEqual(cut, []);
});

test('on a phone the sensitivity table and the charts scroll from the keyboard, and are named', async () => {
  const boxes = await scrollBoxes('.sensitivity .table-scroll, .charts .chart-scroll');
  assert.deepEqual(boxes.map((b) => b.where), ['sensitivity', 'charts', 'charts']);
  for (const b of boxes) {
    assert.equal(b.tabindex, '0', `${b.where}: tabindex`);
    assert.equal(b.role, 'region', `${b.where}: role`);
    assert.ok(b.label.length > 0 && b.label === b.caption, `${b.where}: named «${b.label}» after «${b.caption}»`);
  }
  // Every box that scrolls has something to tab to, or takes focus itself.
  const unreachable = (await scrollBoxes('.table-scroll, .chart-scroll')).filter((b) => !b.reachable);
  assert.deepEqual(unreachable, []);
  // Reached with Tab after the sliders' reset, scrolled with the arrow keys.
  const sensitivity = page.getByRole('region', { name: /^Posizione di ogni obiettivo nella sua unità/ });
  await page.getByRole('button', { name: 'Ripristina la griglia adottata' }).focus();
  await page.keyboard.press('Tab');
  assert.equal(await sensitivity.evaluate((e) => e === document.activeElement), true);
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.activeElement.scrollLeft > 0);
  await scanAxe(page, 'phone, sensitivity open');
});

test('on a phone the charts keep labels of at least 10 px', async () => {
  // The charts on screen (those only printed are not).
  const sizes = await page.evaluate(() => [...document.querySelectorAll('svg.chart')].filter((svg) => svg.getClientRects().length).map((svg) => {
    const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
    const fonts = [...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
    return { id: svg.dataset.testid, smallest: Math.min(...fonts), texts: fonts.length };
  }));
  assert.equal(sizes.length, 2);
  for (const s of sizes) {
    assert.ok(s.texts > 3, `${s.id}: texts`);
    assert.ok(s.smallest >= 10, `${s.id}: text drawn at ${s.smallest.toFixed(1)} px`);
  }
  await page.locator('[data-testid="grafico-medie"]').scrollIntoViewIfNeeded();
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), PHONE.width);
});

test('on a phone a unit without objectives: its table\'s box takes focus, and is named', async () => {
  await page.getByRole('button', { name: 'Nuovo piano' }).click();
  await page.getByLabel('Punteggi per criterio (Comune di Como, PEG 2024)').check();
  await page.getByRole('button', { name: 'Crea il piano' }).click();
  const box = page.locator('.table-scroll:has(table.objectives)').first();
  await box.waitFor();
  const [b] = await scrollBoxes('.table-scroll:has(table.objectives)');
  assert.ok(b, 'the empty table scrolls sideways at 390 px');
  assert.equal(b.controls, 0);
  assert.equal(b.tabindex, '0');
  assert.equal(b.role, 'region');
  assert.equal(b.label, b.caption);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), PHONE.width);
  await scanAxe(page, 'phone, new plan');
  // With an objective, its fields are what the keyboard reaches.
  await page.getByRole('button', { name: /^Aggiungi obiettivo (al |all'|alla |allo )/ }).first().click();
  assert.equal(await box.getAttribute('tabindex'), null);
  await page.setViewportSize({ width: 1400, height: 1000 });
});

// The example plan again, in place of the new one the tests above made.
async function openExample() {
  await page.getByRole('button', { name: 'Esempio: Comune di Como, PEG 2024' }).click();
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
}

test('on a phone an objective\'s review panel fits the screen, and its verdicts show what is chosen', async () => {
  await openExample();
  await page.setViewportSize(PHONE);
  try {
    await page.getByRole('button', { name: 'Verifica', exact: true }).click();
    await page.locator('#nome-verificatore').fill('Maria Rossi');
    await page.locator('#riga-o3 .review-panel > summary').click();
    await page.locator('#verdetto-o3-0').selectOption('confirmed');
    await page.locator('#verdetto-o3-1').selectOption('contested');
    await page.locator('#rivisto-o3-1').fill('99');
    await page.locator('#rivisto-o3-1').press('Tab');
    await page.locator('#rivisto-o3-1-errore').waitFor();
    await page.locator('#riga-o3 .review-panel').scrollIntoViewIfNeeded();
    const layout = await page.evaluate(() => {
      document.querySelectorAll('.table-scroll').forEach((box) => { box.scrollLeft = 0; });
      const panel = document.querySelector('#riga-o3 .review-panel');
      const width = document.documentElement.clientWidth;
      // Each select: the room inside its padding against its chosen text, drawn in its font.
      const probe = document.body.appendChild(document.createElement('span'));
      probe.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap';
      const selects = [...panel.querySelectorAll('select')].map((s) => {
        const style = getComputedStyle(s);
        probe.style.font = style.font;
        probe.textContent = s.selectedOptions[0].text;
        return { id: s.id, text: probe.textContent, room: s.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight), needs: probe.getBoundingClientRect().width };
      });
      probe.remove();
      const out = [...panel.querySelectorAll('*')].filter((e) => e.getClientRects().length)
        .map((e) => ({ what: e.id || e.tagName, left: e.getBoundingClientRect().left, right: e.getBoundingClientRect().right }))
        .filter((e) => e.left < -0.5 || e.right > width + 0.5);
      return { selects, out, width, scrollWidth: document.documentElement.scrollWidth };
    });
    assert.equal(layout.width, PHONE.width);
    assert.equal(layout.selects.length, 5);
    for (const s of layout.selects) {
      assert.ok(s.room >= s.needs, `${s.id}: ${s.room.toFixed(0)} px inside its padding for «${s.text}», ${s.needs.toFixed(0)} px wide`);
    }
    assert.deepEqual(layout.out, [], 'parts of the panel beyond the screen');
    assert.equal(layout.scrollWidth, PHONE.width);
    await scanAxe(page, 'phone, review panel open');
  } finally {
    await page.setViewportSize({ width: 1400, height: 1000 });
  }
  // On a wide screen the panel's table stays a table, its columns side by side.
  const wide = await page.evaluate(() => {
    const table = document.querySelector('#riga-o3 .review-table');
    const cells = [...table.querySelectorAll('tbody > tr:first-child > *')].map((c) => c.getBoundingClientRect().top);
    return { display: getComputedStyle(table).display, row: getComputedStyle(table.querySelector('tr')).display, tops: new Set(cells).size };
  });
  assert.deepEqual(wide, { display: 'table', row: 'table-row', tops: 1 });
  await page.locator('#riga-o3 .review-panel > summary').click();
  await page.getByRole('button', { name: 'Proposta', exact: true }).click();
});

test('on a 1024 px screen a settore\'s table fits, in Proposta, with a review panel open and with the results, and the toolbar is one row', async () => {
  await openExample();
  await page.setViewportSize({ width: 1024, height: 800 });
  try {
    const fits = () => page.evaluate(() => {
      const box = document.querySelector('#riga-o2').closest('.table-scroll');
      return box.scrollWidth - box.clientWidth;
    });
    assert.equal(await fits(), 0, 'Proposta: every column, the row\'s buttons too, on the screen');
    await page.getByRole('button', { name: 'Verifica', exact: true }).click();
    await page.locator('#nome-verificatore').fill('Maria Rossi');
    await page.locator('#riga-o2 .review-panel > summary').click();
    assert.equal(await fits(), 0, 'Verifica: the panel open, the weights still on the screen');
    await page.locator('#riga-o2 .review-panel > summary').click();
    await page.getByRole('button', { name: 'Proposta', exact: true }).click();
    // The results' two columns as well: the achievement's kind above its
    // value, the weighted score and the row's buttons still on the screen.
    await page.getByLabel('Raggiungimento e risultati').check();
    assert.equal(await fits(), 0, 'with the results columns, every column on the screen');
    await page.getByLabel('Raggiungimento e risultati').uncheck();
    // The toolbar keeps to one row: undo and redo as icons, named still.
    const tops = await page.locator('.toolbar').evaluate((bar) => [...bar.querySelectorAll('.btn')].map((c) => c.getBoundingClientRect().top));
    assert.ok(Math.max(...tops) - Math.min(...tops) < 10, `the toolbar is one row: its buttons' tops ${tops.map(Math.round)}`);
    await page.getByRole('button', { name: 'Annulla', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Ripeti', exact: true }).waitFor();
  } finally {
    await page.setViewportSize({ width: 1400, height: 1000 });
  }
});

test('an organisational objective\'s title keeps a width to be read, on a tablet and on a phone', async () => {
  await openExample();
  try {
    for (const viewport of [{ width: 800, height: 1100 }, PHONE]) {
      await page.setViewportSize(viewport);
      const width = await page.locator('#obiettivo-org-po1').evaluate((e) => e.getBoundingClientRect().width);
      assert.ok(width >= 170, `${viewport.width} px screen: the title is ${Math.round(width)} px wide`);
    }
  } finally {
    await page.setViewportSize({ width: 1400, height: 1000 });
  }
});

test('«Nuovo piano» scrolls to its panel with the heading in sight, below the sticky band', async () => {
  for (const viewport of [{ width: 1400, height: 1000 }, { width: 1000, height: 800 }, PHONE]) {
    await page.setViewportSize(viewport);
    await page.evaluate(() => window.scrollTo(0, 600));
    await page.getByRole('button', { name: 'Nuovo piano' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'metodo-como-2024');
    const at = await page.evaluate(() => {
      const header = document.querySelector('.app-header');
      const sticky = getComputedStyle(header).position === 'sticky';
      return {
        // Under a static header (a phone's), the screen's top is the limit.
        limit: sticky ? header.getBoundingClientRect().bottom : 0,
        panel: document.querySelector('form.new-plan').getBoundingClientRect().top,
        heading: document.querySelector('#nuovo-piano-titolo').getBoundingClientRect().top,
      };
    });
    assert.ok(at.panel >= at.limit - 0.5, `${viewport.width} px: the panel's top at ${at.panel.toFixed(0)}, the band's bottom at ${at.limit.toFixed(0)}`);
    assert.ok(at.heading >= at.limit, `${viewport.width} px: the heading at ${at.heading.toFixed(0)}, the band's bottom at ${at.limit.toFixed(0)}`);
    await page.locator('form.new-plan').getByRole('button', { name: 'Annulla', exact: true }).click();
    await page.locator('form.new-plan').waitFor({ state: 'detached' });
  }
  await page.setViewportSize({ width: 1400, height: 1000 });
});

test('printed, the general secretary\'s objectives are numbered and in the type of the organisational ones', async () => {
  await page.setViewportSize({ width: A4_CONTENT, height: 1000 });
  await page.emulateMedia({ media: 'print' });
  try {
    const printed = await page.evaluate(() => {
      const style = (e) => { const s = getComputedStyle(e); return { size: s.fontSize, lineHeight: s.lineHeight, family: s.fontFamily }; };
      const org = document.querySelector('section[aria-labelledby="org-titolo"]');
      const secretary = document.querySelector('section[aria-labelledby="segretario-titolo"] ol.secretary');
      const items = [...secretary.querySelectorAll(':scope > li')];
      return {
        orgNumbers: [...org.querySelectorAll('tbody td.num')].map((c) => c.innerText.trim()).slice(0, 2),
        org: style(org.querySelector('tbody textarea')),
        secretary: items.map((li) => style(li.querySelector('textarea'))),
        markers: items.map((li) => getComputedStyle(li, '::before').content),
        room: items.map((li) => li.querySelector('textarea').getBoundingClientRect().left - li.getBoundingClientRect().left),
        counted: items.map((li) => getComputedStyle(li).counterIncrement),
      };
    });
    assert.deepEqual(printed.orgNumbers, ['1)', '2)']);
    assert.ok(printed.secretary.length >= 2, `${printed.secretary.length} objectives of the secretary`);
    for (const s of printed.secretary) assert.deepEqual(s, printed.org);
    // Numbered as the organisational ones: «1)», «2)»… beside the text.
    for (const [i, marker] of printed.markers.entries()) {
      assert.match(marker, /^counter\([\w-]+\) "\)"$/, `objective ${i + 1}: marker ${marker}`);
      assert.ok(printed.room[i] >= 10, `objective ${i + 1}: ${printed.room[i]} px before its text`);
      assert.match(printed.counted[i], /^[\w-]+ 1$/);
    }
  } finally {
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1400, height: 1000 });
  }
});

test('a title without spaces breaks within its column: the unit\'s scores stay on the screen', async () => {
  await page.setViewportSize({ width: 1400, height: 1000 });
  const title = page.locator('#titolo-o1');
  const before = await title.inputValue();
  await title.fill('Digitalizzazione'.repeat(20));
  try {
    const { table, screen, score } = await page.evaluate(() => ({
      table: document.querySelector('#titolo-o1').closest('table').getBoundingClientRect().width,
      screen: document.documentElement.clientWidth,
      score: document.querySelector('#cella-o1-0').getBoundingClientRect().right,
    }));
    assert.ok(table <= screen, `the table is ${table} px wide on a ${screen} px screen`);
    assert.ok(score <= screen, `the first score ends at ${score} px`);
  } finally {
    await title.fill(before);
  }
});

test('a notice with a long word breaks it, its button in sight, on a wide screen and on a phone', async () => {
  const fixture = new URL('../fixtures/bad/enorme.json', import.meta.url).pathname;
  for (const viewport of [{ width: 1400, height: 1000 }, PHONE]) {
    await page.setViewportSize(viewport);
    await page.locator('#apri-file').setInputFiles(fixture);
    const notice = page.getByTestId('notice').filter({ hasText: 'enorme.json' });
    await notice.waitFor();
    const { box, button, text } = await page.evaluate(() => {
      const n = document.querySelector('[data-testid="notice"]');
      const r = (e) => e.getBoundingClientRect();
      return { box: r(n).right, button: r(n.querySelector('button')).right, text: n.querySelector('.notice-text').scrollWidth - n.querySelector('.notice-text').clientWidth };
    });
    assert.ok(box <= viewport.width, `${viewport.width} px: the notice ends at ${box} px`);
    assert.ok(button <= viewport.width, `${viewport.width} px: its button ends at ${button} px`);
    assert.equal(text, 0, `${viewport.width} px: the message is not cut`);
    await notice.getByRole('button', { name: 'Chiudi il messaggio' }).click();
  }
  await page.setViewportSize({ width: 1400, height: 1000 });
});

test('a refused year says why below its field and leaves the plan\'s other fields in line', async () => {
  const year = page.locator('#ente-anno');
  await year.fill('');
  await year.pressSequentially('20255');
  await page.locator('#ente-anno-errore').waitFor();
  const tops = await page.evaluate(() => ['#ente-nome', '#ente-anno', '#ente-livelli']
    .map((s) => document.querySelector(s).getBoundingClientRect().top));
  assert.ok(Math.max(...tops) - Math.min(...tops) < 1, `the fields' tops: ${tops.join(', ')}`);
  // The year typed on the way (2025, then 20255) does not count: the year from before it does.
  assert.match(await page.locator('#titolo-piano').innerText(), /2024$/);
  await year.fill('2024');
  await year.press('Tab');
});
