// Prints the transfer size of a built dist/ folder: wasm, js and css, raw and gzip.
import { readdirSync, readFileSync } from 'node:fs';
import { join, extname } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = process.argv[2] ?? 'dist';
let raw = 0, gz = 0;
for (const name of readdirSync(dir)) {
  if (!['.wasm', '.js', '.css', '.html'].includes(extname(name))) continue;
  const bytes = readFileSync(join(dir, name));
  const zipped = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length; gz += zipped;
  console.log(`${name.padEnd(40)} ${(bytes.length / 1024).toFixed(1).padStart(8)} KB  ${(zipped / 1024).toFixed(1).padStart(7)} KB gzip`);
}
console.log(`${'total'.padEnd(40)} ${(raw / 1024).toFixed(1).padStart(8)} KB  ${(gz / 1024).toFixed(1).padStart(7)} KB gzip`);
