// The numbers of a benchmark plan, computed in plain JavaScript: used by the
// benchmark driver to know what the screen must show after an edit, and by
// the vanilla-JS baseline page to render and update its table.
//
// It covers what the generated plans use — the criteria method, range
// criteria with whole scores, no objective types, simple averages, no shared
// objectives, two levels (areas → settori) — with Pesatura's rules
// (src/model/compute.rs): points are the sum of the scores once every
// criterion is scored; relative weights are the shares of the unit's total in
// hundredths of a percent, by largest remainder (ties to the earlier); every
// mean is rounded once, half-up, to two decimals. Whole scores keep all of it
// in exact integers.

/// Points of an objective: the sum of its scores, or null if one is missing.
export function points(objective, criteria) {
  let sum = 0;
  for (const c of criteria) {
    const s = objective.scores?.[c.id];
    if (s === undefined || s === null) return null;
    sum += s;
  }
  return sum;
}

/// Shares of `parts` (non-negative integers) in hundredths of a percent,
/// summing to exactly 10000; null when the total is zero.
export function relativeWeights(parts) {
  const total = parts.reduce((a, b) => a + b, 0);
  if (total <= 0) return null;
  const floors = parts.map((p) => Math.floor((p * 10000) / total));
  const order = parts.map((p, i) => [(p * 10000) % total, i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  let left = 10000 - floors.reduce((a, b) => a + b, 0);
  for (const [, i] of order) {
    if (left === 0) break;
    floors[i] += 1;
    left -= 1;
  }
  return floors;
}

/// Mean of whole numbers in hundredths, half-up; null when there are none.
export function meanHundredths(total, count) {
  if (count === 0) return null;
  return Math.floor((200 * total + count) / (2 * count));
}

function groupThousands(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/// 2650 → "26,50" (hundredths, Italian style).
export function formatHundredths(h) {
  if (h === null) return '—';
  return `${groupThousands(Math.floor(h / 100))},${String(h % 100).padStart(2, '0')}`;
}

/// A whole number of points: 1234 → "1.234".
export function formatPoints(p) {
  return p === null ? '—' : groupThousands(p);
}

/// A relative weight: 3433 → "34,33 %".
export function formatWeight(h) {
  return h === null ? '—' : `${formatHundredths(h)} %`;
}

/// Count, complete, average (hundredths), min and max of a list of points.
export function stats(list) {
  let complete = 0, total = 0, min = null, max = null;
  for (const p of list) {
    if (p === null) continue;
    complete += 1;
    total += p;
    min = min === null ? p : Math.min(min, p);
    max = max === null ? p : Math.max(max, p);
  }
  return { objectives: list.length, complete, total, average: meanHundredths(total, complete), min, max };
}

/// The roll-up line Pesatura writes under a unit with sub-units.
export function rollupText(s) {
  return s.average === null
    ? `${s.objectives} obiettivi, nessuno ancora valutato del tutto`
    : `Media complessiva ${formatHundredths(s.average)} su ${s.complete} obiettivi valutati (minimo ${formatPoints(s.min)}, massimo ${formatPoints(s.max)})`;
}

/// The summary row's five cells: objectives, complete, average, min, max.
export function summaryCells(s) {
  return [String(s.objectives), String(s.complete), formatHundredths(s.average), formatPoints(s.min), formatPoints(s.max)];
}

/// Indexes a plan: units by id, each unit's objectives (indices), each
/// area's settori, each objective's position.
export function index(plan) {
  const unitById = new Map(plan.units.map((u) => [u.id, u]));
  const members = new Map(plan.units.map((u) => [u.id, []]));
  const objectiveIndex = new Map();
  plan.objectives.forEach((o, i) => {
    members.get(o.unit).push(i);
    objectiveIndex.set(o.id, i);
  });
  const children = new Map(plan.units.map((u) => [u.id, []]));
  for (const u of plan.units) if (u.parent) children.get(u.parent).push(u.id);
  return { unitById, members, children, objectiveIndex };
}

/// Every number the screen shows for one unit of a two-level plan.
export function unitNumbers(plan, idx, pts, unitId) {
  const own = idx.members.get(unitId);
  const kids = idx.children.get(unitId);
  const below = kids.length ? kids.flatMap((k) => idx.members.get(k)) : own;
  const counted = own.filter((i) => pts[i] !== null);
  const weights = relativeWeights(counted.map((i) => pts[i]));
  const weightOf = new Map(counted.map((i, n) => [i, weights ? weights[n] : null]));
  return {
    own: stats(own.map((i) => pts[i])),
    subtree: stats(below.map((i) => pts[i])),
    weights: own.map((i) => [plan.objectives[i].id, weightOf.get(i) ?? null]),
  };
}

/// The checks that say "every number affected by an edit of objective `id`
/// is on screen", as the DOM of Pesatura (and of the baseline) shows them:
/// its points, the relative weights of its unit, the unit's average, the
/// area's roll-up, both summary rows, the ente's average and summary row.
/// A check names the unit whose section shows it (`unit`) or is a summary
/// row: the probe can bring a part a long plan has not drawn yet to the screen.
export function expectedAfter(plan, idx, id) {
  const pts = plan.objectives.map((o) => points(o, plan.grid.criteria));
  const o = plan.objectives[idx.objectiveIndex.get(id)];
  const unit = idx.unitById.get(o.unit);
  const u = unitNumbers(plan, idx, pts, unit.id);
  const checks = [
    { testid: `punti-${id}`, text: formatPoints(pts[idx.objectiveIndex.get(id)]), unit: unit.id },
    ...u.weights.map(([oid, w]) => ({ testid: `peso-${oid}`, text: formatWeight(w), unit: unit.id })),
    { testid: `media-${unit.id}`, text: formatHundredths(u.own.average), unit: unit.id },
    { testid: `riepilogo-${unit.id}`, cells: summaryCells(u.own) },
  ];
  if (unit.parent) {
    const a = unitNumbers(plan, idx, pts, unit.parent);
    checks.push({ testid: `media-complessiva-${unit.parent}`, text: rollupText(a.subtree), unit: unit.parent });
    checks.push({ testid: `riepilogo-${unit.parent}`, cells: summaryCells(a.subtree) });
  }
  const ente = stats(pts);
  checks.push({ testid: 'ente-media', text: formatHundredths(ente.average) });
  checks.push({ selector: 'section.summary tfoot tr:last-child', cells: summaryCells(ente) });
  return checks;
}
