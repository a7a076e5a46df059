// Prints the transfer size of a built dist/ folder, raw and gzip: first what
// the page loads at start (html, css, js, wasm), then, apart, the Excel
// worker (xlsx_worker*), which the page fetches only on the first .xlsx
// export or import.
import { readdirSync, readFileSync } from 'node:fs';
import { join, extname } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = process.argv[2] ?? 'dist';
const kb = (n) => (n / 1024).toFixed(1);
const line = (name, raw, gz) => console.log(`${name.padEnd(40)} ${kb(raw).padStart(8)} KB  ${kb(gz).padStart(7)} KB gzip`);

const groups = { main: [], worker: [] };
for (const name of readdirSync(dir).sort()) {
  if (!['.wasm', '.js', '.css', '.html'].includes(extname(name))) continue;
  const bytes = readFileSync(join(dir, name));
  groups[name.startsWith('xlsx_worker') ? 'worker' : 'main'].push([name, bytes.length, gzipSync(bytes, { level: 9 }).length]);
}
for (const [group, title] of [['main', 'total at start-up'], ['worker', 'Excel worker, on first use']]) {
  const files = groups[group];
  if (!files.length) continue;
  for (const [name, raw, gz] of files) line(name, raw, gz);
  line(title, files.reduce((s, f) => s + f[1], 0), files.reduce((s, f) => s + f[2], 0));
  console.log();
}
