// The code the benchmark runs inside the page (passed to page.evaluate or
// added as an init script), and the edits it makes. Shared by run.mjs and
// profile.mjs.
import * as model from './model.mjs';

// Runs before any of the page's scripts: notes when the wasm module is
// instantiated, when Trunk says the app started, when the Como example's
// first screen is in the DOM and laid out (the plan's title and the ente's
// numbers: objectives, evaluated, average — what a 1400×1000 screen shows
// above the grid), and when its whole page is (Settore 3's average, in its
// table two screens down).
export const INIT = `(() => {
  const b = window.__bench = {};
  for (const name of ['instantiateStreaming', 'instantiate']) {
    const original = WebAssembly[name];
    if (typeof original !== 'function') continue;
    WebAssembly[name] = async function (...args) {
      b.wasmCall ??= performance.now();
      const result = await original.apply(this, args);
      if (b.wasmReady === undefined && window.__benchTrace) performance.mark('bench-step-start');
      b.wasmReady ??= performance.now();
      return result;
    };
  }
  addEventListener('TrunkApplicationStarted', (e) => { b.started = performance.now(); b.wasm = e.detail?.wasm; });
  const filled = (testid) => document.querySelector('[data-testid="' + testid + '"]')?.textContent.trim();
  const seen = () => {
    if (b.firstPlan === undefined && filled('ente-media') && filled('ente-obiettivi') && document.getElementById('titolo-piano')) {
      document.documentElement.offsetHeight;
      b.firstPlan = performance.now();
      b.firstPlanElements = document.getElementsByTagName('*').length;
      if (window.__benchTrace) performance.mark('bench-step-end');
    }
    if (b.firstPlan !== undefined && filled('media-s3')) {
      document.documentElement.offsetHeight;
      b.wholePage = performance.now();
      return true;
    }
    return false;
  };
  const mo = new MutationObserver(() => { if (seen()) mo.disconnect(); });
  mo.observe(document, { childList: true, subtree: true, characterData: true });
})();`;

// Shared by the open and edit probes, inside the page: whether the checks hold.
export function installChecker() {
  if (window.__benchCheck) return;
  const cache = new Map();
  const find = (c) => {
    const key = c.testid ?? c.selector;
    let el = cache.get(key);
    if (!el || !el.isConnected) {
      el = document.querySelector(c.testid ? `[data-testid="${c.testid}"]` : c.selector);
      if (el) cache.set(key, el); else cache.delete(key);
    }
    return el;
  };
  const holds = (c) => {
    const el = find(c);
    if (!el) return false;
    if (c.text !== undefined) return el.textContent.trim() === c.text;
    if (c.contains !== undefined) return el.textContent.includes(c.contains);
    const tds = el.querySelectorAll(':scope > td');
    if (tds.length < c.cells.length) return false;
    return c.cells.every((t, i) => tds[i].textContent.trim() === t);
  };
  // Resolves with performance.now() once every check holds, or rejects after timeoutMs.
  const until = (checks, timeoutMs) => new Promise((resolve, reject) => {
    let pending = checks;
    const ready = () => (pending = pending.filter((c) => !holds(c))).length === 0;
    if (ready()) return resolve(performance.now());
    const mo = new MutationObserver(() => {
      if (!ready()) return;
      mo.disconnect(); clearTimeout(timer);
      resolve(performance.now());
    });
    mo.observe(document.documentElement, { subtree: true, childList: true, characterData: true });
    const timer = setTimeout(() => {
      mo.disconnect();
      reject(new Error(`timeout after ${timeoutMs} ms waiting for ${pending.map((c) => c.testid ?? c.selector).join(', ')}`));
    }, timeoutMs);
  });
  const failing = (checks) => checks.filter((c) => !holds(c)).map((c) => {
    const el = find(c);
    return { check: c, found: el ? (c.cells ? [...el.querySelectorAll(':scope > td')].map((td) => td.textContent.trim()) : el.textContent.trim()) : null };
  });
  const nextFrame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  // An uncaught error (a wasm panic surfaces as "RuntimeError: unreachable")
  // ends the wait at once instead of running into the time limit.
  const crashes = [];
  let onCrash = null;
  const crashed = (e) => {
    const text = String(e.error ?? e.reason ?? e.message ?? e);
    crashes.push({ at: performance.now(), text });
    onCrash?.(crashes.at(-1));
  };
  window.addEventListener('error', crashed);
  window.addEventListener('unhandledrejection', crashed);
  const untilOrCrash = (checks, timeoutMs) => new Promise((resolve, reject) => {
    if (crashes.length) return reject(Object.assign(new Error(`page crashed earlier: ${crashes[0].text}`), { crash: crashes[0] }));
    onCrash = (c) => reject(Object.assign(new Error(`page crashed: ${c.text}`), { crash: c }));
    until(checks, timeoutMs).then(resolve, reject).finally(() => { onCrash = null; });
  });
  // A long plan draws units, tables and summary rows only near the screen.
  // A check whose element is not on the page when the step starts (or marked
  // `lazy`: the summary row checked after opening) shows a number that is not
  // on screen: the step's clock does not wait for it;
  // after the clock stops, it is brought to the screen (its chunk's, its
  // table's or its summary rows' placeholder scrolled into view, as a user
  // scrolls) and must show its number.
  const split = (checks) => {
    const timed = [];
    const deferred = [];
    for (const c of checks) ((find(c) && !c.lazy) || c.eager ? timed : deferred).push(c);
    return { timed, deferred };
  };
  const placeholderOf = (c) => {
    const q = (s) => document.querySelector(s);
    if (c.testid?.startsWith('riepilogo-')) return q(`[data-riepilogo~="${c.testid}"]`);
    if (!c.unit) return null;
    return q(`[data-sezioni~="unita-${c.unit}"]`)
      ?? q(`[data-testid="tabella-da-disegnare-${c.unit}"]`)
      ?? document.getElementById(`unita-${c.unit}`);
  };
  const bringAndCheck = async (deferred, timeoutMs) => {
    for (const c of deferred) {
      const until0 = performance.now() + timeoutMs;
      // The part may itself come a frame later (the page draws its top first).
      while (!find(c)) {
        const p = placeholderOf(c);
        p?.scrollIntoView();
        await nextFrame();
        if (performance.now() > until0) return { error: p ? `${c.testid ?? c.selector} not drawn after scrolling to it` : `no element and no placeholder for ${c.testid ?? c.selector}` };
      }
      try {
        await until([c], timeoutMs);
      } catch (e) {
        return { error: 'wrong numbers once drawn', wrong: failing([c]) };
      }
    }
    return null;
  };
  window.__benchCheck = { find, holds, until: untilOrCrash, failing, nextFrame, split, bringAndCheck };
}

// Arms the open probe: the clock starts at the file input's first input/change event.
export function armOpen({ checks, timeoutMs }) {
  const { until, failing, nextFrame, split, bringAndCheck } = window.__benchCheck;
  const { timed, deferred } = split(checks);
  const input = document.getElementById('apri-file');
  let t0 = null;
  const start = (e) => {
    if (e.target !== input || t0 !== null) return;
    if (window.__benchTrace) performance.mark('bench-step-start');
    t0 = performance.now();
  };
  window.addEventListener('input', start, true);
  window.addEventListener('change', start, true);
  window.__benchOpen = (async () => {
    try {
      const tDom = await until(timed, timeoutMs);
      document.documentElement.offsetHeight;
      const tLayout = performance.now();
      await nextFrame();
      const tFrame = performance.now();
      if (window.__benchTrace) performance.mark('bench-step-end');
      const wrong = failing(timed);
      if (wrong.length) return { error: 'wrong numbers after opening', wrong };
      const late = await bringAndCheck(deferred, timeoutMs);
      if (late) return late;
      window.scrollTo(0, 0);
      return { dom: tDom - t0, layout: tLayout - t0, frame: tFrame - t0, deferred: deferred.length };
    } catch (e) {
      return e.crash ? { crashed: true, error: String(e), after_ms: e.crash.at - t0 } : { timeout: true, error: String(e) };
    }
  })();
}

// One edit: type `value` into #cellId, wait for every check, time it.
export async function editProbe({ cellId, unitId, value, checks, timeoutMs }) {
  const { until, failing, nextFrame, split, bringAndCheck } = window.__benchCheck;
  // Long plans draw units and their tables when they come near the screen:
  // bring the unit into view first, as a user would, outside the timed edit.
  if (!document.getElementById(cellId) && unitId) {
    const late = await bringAndCheck([{ selector: `#${CSS.escape(cellId)}`, contains: '', unit: unitId }], timeoutMs);
    if (late) return { error: `no #${cellId} after scrolling to its unit: ${late.error}` };
    document.getElementById(cellId)?.scrollIntoView({ block: 'center' });
    await nextFrame();
  }
  const input = document.getElementById(cellId);
  if (!input) return { error: `no #${cellId}` };
  await nextFrame(); // start from a quiet page
  const { timed, deferred } = split(checks);
  if (window.__benchTrace) performance.mark('bench-step-start');
  const t0 = performance.now();
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: value }));
  try {
    const tDom = await until(timed, timeoutMs);
    document.documentElement.offsetHeight; // style and layout, synchronously
    const tLayout = performance.now();
    await nextFrame();
    const tFrame = performance.now();
    if (window.__benchTrace) performance.mark('bench-step-end');
    const wrong = failing(timed);
    if (wrong.length) return { error: 'wrong numbers after the edit', wrong };
    const late = await bringAndCheck(deferred, timeoutMs);
    if (late) return late;
    return { dom: tDom - t0, layout: tLayout - t0, frame: tFrame - t0, deferred: deferred.length };
  } catch (e) {
    return e.crash ? { crashed: true, error: String(e), after_ms: e.crash.at - t0 } : { timeout: true, error: String(e) };
  }
}

/// The k-th of `total` edits: objectives spread over the whole plan, the
/// criteria in turn, one point up (down at the top of the range). Applies it
/// to `plan` and returns the cell, the value to type and the checks that say
/// every affected number is on screen.
export function nextEdit(plan, idx, k, total) {
  const o = plan.objectives[Math.floor(((k + 0.5) / total) * plan.objectives.length)];
  const criteria = plan.grid.criteria;
  const c = k % criteria.length;
  const crit = criteria[c];
  const current = o.scores[crit.id];
  const value = current < crit.max ? current + 1 : current - 1;
  o.scores[crit.id] = value;
  return { objective: o.id, unitId: o.unit, cellId: `cella-${o.id}-${c}`, value: String(value), checks: model.expectedAfter(plan, idx, o.id) };
}

/// The summary row of the unit of the plan's last objective.
function lastUnitRow(plan, pts) {
  const unit = plan.objectives.at(-1).unit;
  const own = pts.filter((_, i) => plan.objectives[i].unit === unit);
  return { testid: `riepilogo-${unit}`, cells: model.summaryCells(model.stats(own)), lazy: true };
}

/// The checks that say the plan of `n` objectives is open and computed.
export function openChecks(plan, name) {
  const pts = plan.objectives.map((o) => model.points(o, plan.grid.criteria));
  return [
    { testid: 'notice', contains: `Aperto il file «${name}»`, eager: true },
    { testid: 'ente-obiettivi', text: String(plan.objectives.length), eager: true },
    { testid: 'ente-media', text: model.formatHundredths(model.stats(pts).average), eager: true },
    // The last unit's row of the summary (its table may be drawn only near the screen).
    lastUnitRow(plan, pts),
  ];
}
