// Where an edit's time goes: records a Chromium trace while making the
// benchmark's edits on a plan, and sums the renderer main thread's self time
// by kind of work (script, which includes the wasm and the DOM calls it makes;
// style; layout; paint and compositing; garbage collection) from the start
// of each step to the frame after its numbers are on screen. Not part of
// `make bench`; a tool for whoever optimises.
//
//   node bench/profile.mjs [--n 1000] [--edits 5] [--baseline] [--open | --start] [--cpu [--cpu-match pesatura]] [--dist dist]
//
// --open traces opening the plan instead of editing it; --start traces the
// start-up, from the wasm instantiated to the Como example's first screen. The trace is written
// to bench/out/trace-<what>-<n>.json (open it in Chromium's DevTools,
// Performance panel). --cpu also samples the JavaScript and wasm functions
// (V8's CPU profiler) over the whole traced span and prints the functions
// with the most self and total time; build with `data-wasm-opt="0"
// data-keep-debug` for the wasm functions' names.
import { readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from '../tests/e2e/harness.mjs';
import { serve } from './serve.mjs';
import { generate, OUT } from './generate.mjs';
import * as model from './model.mjs';
import { INIT, installChecker, armOpen, editProbe, nextEdit, openChecks } from './probes.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : fallback;
};
const N = Number(opt('n', 1000));
const EDITS = Number(opt('edits', 5));
const BASELINE = argv.includes('--baseline');
const OPEN = argv.includes('--open');
const START = argv.includes('--start');
const CPU = argv.includes('--cpu');
const CPU_MATCH = opt('cpu-match', null); // only functions whose name contains this
const DIST = resolve(here, '..', opt('dist', 'dist'));
const what = `${BASELINE ? 'baseline' : 'pesatura'}-${START ? 'start' : OPEN ? 'open' : 'edit'}`;
const tracePath = join(OUT, `trace-${what}-${N}.json`);

const GROUPS = [
  ['garbage collection', /GC|Scavenge|Sweep|Finaliz|ThreadState|cppgc|Oilpan/],
  ['style', /UpdateLayoutTree|RecalculateStyle|recalcStyle|updateStyle|rebuildLayoutTree|StyleInvalidator|StyleRecalc|processStyleSheet/],
  ['layout', /^(Layout|LocalFrameView::performLayout|Document::UpdateStyleAndLayout|LayoutBlock|LayoutNG|UpdateLayout|InlineNode::)/],
  ['paint & composite', /Paint|Layerize|Composit|Commit|Raster|CullRect|UpdateLifecycle|LayerTree|HitTest|IntersectionObserver/],
  ['script (JS + wasm + DOM calls)', /FunctionCall|v8|V8|RunMicrotasks|EventDispatch|TimerFire|FireAnimationFrame|AsyncTask|EvaluateScript|CompileScript|ParseHTML/],
  ['task (unattributed)', /RunTask|mojo|Scheduler|LongTask/],
];
const group = (name) => GROUPS.find(([, re]) => re.test(name))?.[0] ?? 'other';

/// Self time of every complete event on one thread, between two timestamps.
function selfTimes(events, from, to) {
  const xs = events
    .filter((e) => e.ph === 'X' && e.ts >= from && e.ts <= to && typeof e.dur === 'number')
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const byName = new Map();
  const stack = [];
  for (const e of xs) {
    while (stack.length && stack.at(-1).end <= e.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) parent.self -= Math.min(e.dur, parent.end - e.ts);
    const node = { name: e.name, end: e.ts + e.dur, self: e.dur };
    stack.push(node);
    node.done = () => byName.set(node.name, (byName.get(node.name) ?? 0) + node.self);
    e.node = node;
  }
  for (const e of xs) e.node.done();
  return byName;
}

let cdp = null;
async function startCpu(page) {
  if (!CPU) return;
  cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
}
async function stopCpu() {
  if (!cdp) return null;
  const { profile } = await cdp.send('Profiler.stop');
  return profile;
}

/// Self and total sampled time by function name (a recursive function's
/// total counts each sample once), over the measured steps only (`windows`,
/// in the trace's clock, which the profile's sample times share).
function printCpu(profile, count, windows) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const us = new Map();
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i];
    if (windows.length && !windows.some(([a, b]) => at >= a && at <= b)) return;
    us.set(id, (us.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
  });
  const label = (n) => `${n.callFrame.functionName || '(anonymous)'}${n.callFrame.url.endsWith('.wasm') || n.callFrame.url.startsWith('wasm') ? ' [wasm]' : ''}`;
  const self = new Map();
  const total = new Map();
  for (const [id, t] of us) {
    const n = nodes.get(id);
    self.set(label(n), (self.get(label(n)) ?? 0) + t);
    const seen = new Set();
    for (let k = id; k !== undefined; k = parent.get(k)) {
      const name = label(nodes.get(k));
      if (seen.has(name)) continue;
      seen.add(name);
      total.set(name, (total.get(name) ?? 0) + t);
    }
  }
  const show = (title, m) => {
    console.log(title);
    for (const [name, t] of [...m].filter(([name]) => !CPU_MATCH || name.includes(CPU_MATCH)).sort((a, b) => b[1] - a[1]).slice(0, 30)) {
      console.log(`  ${(t / 1000 / count).toFixed(1).padStart(8)} ms  ${name.slice(0, 110)}`);
    }
  };
  show('functions by self time (V8 CPU profile):', self);
  show('functions by total time:', total);
}

async function main() {
  generate([N]);
  const { server, url } = await serve(DIST);
  const browser = await launch();
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    page.on('dialog', (d) => d.accept());
    const plan = JSON.parse(readFileSync(join(OUT, `plan-${N}.json`), 'utf8'));
    const categories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'blink.user_timing',
      'blink_gc', 'cppgc', 'disabled-by-default-cppgc', 'disabled-by-default-v8.gc', 'blink', 'toplevel'];
    const results = [];
    if (START) {
      await page.addInitScript(() => { window.__benchTrace = true; });
      await page.addInitScript(INIT);
      await browser.startTracing(page, { path: tracePath, categories });
      await startCpu(page);
      await page.goto(url);
      await page.waitForFunction(() => window.__bench?.firstPlan, null, { timeout: 120_000 });
      results.push(await page.evaluate(() => ({ layout: window.__bench.firstPlan - window.__bench.wasmReady, frame: NaN })));
    } else {
      if (BASELINE) {
        await page.goto(`${url}bench/baseline/?plan=/bench/out/plan-${N}.json`);
        await page.waitForSelector('body[data-ready="true"]', { timeout: 120_000 });
      } else {
        await page.addInitScript(INIT);
        await page.goto(url);
        await page.waitForFunction(() => window.__bench?.firstPlan, null, { timeout: 120_000 });
      }
      await page.evaluate(installChecker);
      if (!BASELINE && !OPEN) {
        await page.evaluate(armOpen, { checks: openChecks(plan, `plan-${N}.json`), timeoutMs: 600_000 });
        await page.locator('#apri-file').setInputFiles(join(OUT, `plan-${N}.json`));
        const opened = await page.evaluate(() => window.__benchOpen);
        if (opened.error) throw new Error(`could not open the plan: ${opened.error}`);
      }
      await browser.startTracing(page, { path: tracePath, categories });
      await startCpu(page);
      await page.evaluate(() => { window.__benchTrace = true; });
      if (OPEN) {
        await page.evaluate(armOpen, { checks: openChecks(plan, `plan-${N}.json`), timeoutMs: 600_000 });
        await page.locator('#apri-file').setInputFiles(join(OUT, `plan-${N}.json`));
        results.push(await page.evaluate(() => window.__benchOpen));
      } else {
        const idx = model.index(plan);
        for (let k = 0; k < EDITS; k += 1) {
          const { cellId, unitId, value, checks } = nextEdit(plan, idx, k, EDITS);
          results.push(await page.evaluate(editProbe, { cellId, unitId, value, checks, timeoutMs: 60_000 }));
        }
      }
    }
    const cpuProfile = await stopCpu();
    await browser.stopTracing();

    const { traceEvents } = JSON.parse(readFileSync(tracePath, 'utf8'));
    // Only the measured steps: from each edit's (or the open's) start mark to its end mark.
    const marks = traceEvents.filter((e) => e.cat?.includes('blink.user_timing') && /^bench-step-(start|end)$/.test(e.name)).sort((a, b) => a.ts - b.ts);
    if (!marks.length) throw new Error('no bench-step marks in the trace');
    const { pid, tid } = marks[0];
    const main = traceEvents.filter((e) => e.pid === pid && e.tid === tid);
    const byName = new Map();
    for (let i = 0; i + 1 < marks.length; i += 1) {
      if (marks[i].name !== 'bench-step-start' || marks[i + 1].name !== 'bench-step-end') continue;
      for (const [name, us] of selfTimes(main, marks[i].ts, marks[i + 1].ts)) byName.set(name, (byName.get(name) ?? 0) + us);
    }
    const byGroup = new Map();
    for (const [name, us] of byName) byGroup.set(group(name), (byGroup.get(group(name)) ?? 0) + us);
    const total = [...byGroup.values()].reduce((a, b) => a + b, 0);
    const count = OPEN || START ? 1 : EDITS;

    console.log(START ? "Pesatura, start-up: from the wasm instantiated to the Como example's first screen" : `${BASELINE ? 'Baseline' : 'Pesatura'}, ${OPEN ? 'opening' : `${EDITS} edits at`} ${N} objectives`);
    console.log('measured in the page (ms):', results.map((r) => (r.error ? r.error : `${r.layout.toFixed(1)}${Number.isNaN(r.frame) ? '' : ` (frame ${r.frame.toFixed(1)})`}`)).join(', '));
    console.log(`renderer main thread, self time per ${START ? 'start-up' : OPEN ? 'open' : 'edit'} (mean over ${count}):`);
    for (const [g, us] of [...byGroup].sort((a, b) => b[1] - a[1])) {
      console.log(`  ${g.padEnd(32)} ${(us / 1000 / count).toFixed(1).padStart(9)} ms  ${((100 * us) / total).toFixed(0).padStart(3)} %`);
    }
    console.log('top events by self time:');
    for (const [name, us] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 12)) {
      console.log(`  ${name.padEnd(40)} ${(us / 1000 / count).toFixed(1).padStart(9)} ms  (${group(name)})`);
    }
    if (cpuProfile) {
      const windows = [];
      for (let i = 0; i + 1 < marks.length; i += 1) {
        if (marks[i].name === 'bench-step-start' && marks[i + 1].name === 'bench-step-end') windows.push([marks[i].ts, marks[i + 1].ts]);
      }
      printCpu(cpuProfile, count, windows);
    }
    console.log(`trace: ${tracePath}`);
    await context.close();
  } finally {
    await browser.close();
    server.close();
  }
}

await main();
