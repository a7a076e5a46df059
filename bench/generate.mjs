// Writes deterministic benchmark plans in Pesatura's file format
// (schema_version 4, the version Pesatura writes today, docs/formato-file.md)
// to bench/out/plan-<N>.json.
//
// A Como-like plan grown to N objectives: the Comune di Como's 2024 grid
// (four range criteria, 0–10, 0–15, 0–5, 0–10), areas of five settori, two to
// four objectives per settore (three on average), every objective titled and
// fully scored. The same N always gives the same file, byte for byte.
//
//   node bench/generate.mjs              # 100, 1000 and 10000
//   node bench/generate.mjs 100000       # any sizes
import { mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const OUT = join(here, 'out');
export const SIZES = [100, 1000, 10000];
const SETTORI_PER_AREA = 5;

/// mulberry32: a small seeded generator, so that plans are reproducible.
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const como = JSON.parse(readFileSync(join(here, '..', 'examples', 'como-peg-2024.json'), 'utf8'));

const AREE = ['Amministrativa', 'Servizi al cittadino', 'Tecnica', 'Economico-finanziaria', 'Territorio e ambiente', 'Sicurezza'];
const MATERIE = ['Affari generali', 'Risorse umane', 'Tributi', 'Patrimonio', 'Servizi sociali', 'Servizi educativi',
  'Cultura e turismo', 'Lavori pubblici', 'Mobilità', 'Ambiente', 'Urbanistica', 'Edilizia privata', 'SUAP',
  'Polizia locale', 'Protezione civile', 'Sistemi informativi', 'Ragioneria', 'Contratti e appalti', 'Demografici', 'Sport'];
const AZIONI = ['Digitalizzazione', 'Riduzione dei tempi', 'Riorganizzazione', 'Monitoraggio', 'Aggiornamento',
  'Semplificazione', 'Potenziamento', 'Revisione', 'Attuazione', 'Rendicontazione'];
const OGGETTI = ['dei procedimenti', 'del regolamento', 'dei servizi online', 'degli archivi', 'delle entrate',
  'dei controlli', 'del piano triennale', 'della banca dati', 'degli sportelli', 'dei progetti PNRR'];

/// The plan with `n` objectives, as the object the file holds.
export function plan(n) {
  const rnd = random(n);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const criteria = como.grid.criteria;
  const units = [];
  const objectives = [];
  let settore = 0;
  while (objectives.length < n) {
    if (settore % SETTORI_PER_AREA === 0) {
      const a = settore / SETTORI_PER_AREA + 1;
      units.push({ id: `a${a}`, name: `Area ${pick(AREE)} ${a}`, level: 0, parent: null });
    }
    settore += 1;
    const area = `a${Math.ceil(settore / SETTORI_PER_AREA)}`;
    const unit = `s${settore}`;
    units.push({ id: unit, name: `SETTORE ${settore}: ${pick(MATERIE).toUpperCase()} - ${pick(MATERIE).toUpperCase()}`, level: 1, parent: area });
    const count = Math.min(2 + Math.floor(rnd() * 3), n - objectives.length);
    for (let k = 0; k < count; k += 1) {
      const id = `o${objectives.length + 1}`;
      const scores = {};
      // Mostly in the upper half of each range, as real plans are.
      for (const c of criteria) scores[c.id] = c.min + Math.round((c.max - c.min) * (0.3 + 0.7 * rnd()));
      objectives.push({ id, unit, title: `${pick(AZIONI)} ${pick(OGGETTI)} (${id})`, scores });
    }
  }
  return {
    // The current version, as a file saved today: opening it takes no migration.
    // Nothing else differs from version 2, which these plans were first written in.
    schema_version: 4,
    generator: 'Pesatura bench/generate.mjs',
    ente: { name: `Ente di prova con ${n} obiettivi`, year: 2024, levels: ['Area', 'Settore'] },
    grid: { ...como.grid, name: `Griglia del Comune di Como, PEG 2024 (prova, ${n} obiettivi)` },
    units,
    objectives,
  };
}

export function path(n) {
  return join(OUT, `plan-${n}.json`);
}

/// Writes the plans of the given sizes and returns their paths.
export function generate(sizes = SIZES) {
  mkdirSync(OUT, { recursive: true });
  return sizes.map((n) => {
    const file = path(n);
    writeFileSync(file, `${JSON.stringify(plan(n), null, 2)}\n`);
    return file;
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = process.argv.slice(2).map(Number);
  for (const file of generate(sizes.length ? sizes : SIZES)) console.log(file);
}
