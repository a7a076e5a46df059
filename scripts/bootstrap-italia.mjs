// Vendors Bootstrap Italia's look from the npm package into vendor/ (not
// committed), for Trunk to build from; Trunk runs it before every build
// (Trunk.toml, pre_build hook), so it always matches the sources. Offline,
// and it writes a file only when its content changes.
//
//   vendor/bootstrap-italia.css        the compiled CSS, made fit for the app:
//     - only the rules whose classes the app uses (the class names are read
//       from src/ and index.html, as PurgeCSS does): the full file is 600 KB;
//     - no data: URLs, which the CSP `default-src 'self'` blocks: each inline
//       SVG becomes a file of its own in bootstrap-italia/img/;
//     - focus rings on :focus-visible, which is what the package's JavaScript
//       (not shipped) emulates with data-focus-mouse;
//     - @font-face rules for Titillium Web, which the package's JavaScript
//       injects, with URLs relative to the page so dist/ works from any path;
//   vendor/bootstrap-italia/           copied as is into dist/:
//     fonts/  the Titillium Web woff2 files of the weights used, and OFL.txt
//     img/    the SVG images taken out of the CSS
//     LICENSE Bootstrap Italia's BSD-3-Clause licence
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = join(root, 'node_modules', 'bootstrap-italia');
const out = join(root, 'vendor');
const assets = join(out, 'bootstrap-italia'); // dist/bootstrap-italia/
const ASSET_URL = 'bootstrap-italia'; // as the CSS, at dist/'s root, reaches it

// Titillium Web: the weights the app's CSS and Bootstrap Italia's rules use.
const FONTS = [
  [400, 'normal', 'regular'],
  [600, 'normal', '600'],
  [700, 'normal', '700'],
];
const fontFile = (name) => `titillium-web-v10-latin-ext_latin-${name}.woff2`;

// Classes that no source names literally but that the app's markup gets.
const SAFELIST = [];
// The app's own classes that Bootstrap Italia also defines, for something
// else: its rules for them are left out (the app's toolbar is not its
// 96-pixel toolbar, a finding's badge is not its white-on-colour badge, an
// outlined delete button is not its filled one).
const RESERVED = new Set(['toolbar', 'badge', 'btn-danger']);

if (!existsSync(join(pkg, 'package.json'))) {
  console.error('bootstrap-italia is missing from node_modules: run scripts/setup.sh (npm ci) first.');
  process.exit(1);
}
const version = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')).version;

let written = 0;
function put(path, content) {
  mkdirSync(dirname(path), { recursive: true });
  const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content);
  if (existsSync(path) && readFileSync(path).equals(bytes)) return;
  writeFileSync(path, bytes);
  written++;
}

// ---- The class names the app uses: every word of its sources. ----
function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    // The texts (src/text/) are words, not class names.
    e.isDirectory() ? (e.name === 'text' && dir === join(root, 'src') ? [] : sources(join(dir, e.name))) : e.name.endsWith('.rs') ? [join(dir, e.name)] : []);
}
const used = new Set(SAFELIST);
for (const file of [...sources(join(root, 'src')), join(root, 'index.html')]) {
  for (const word of readFileSync(file, 'utf8').match(/[A-Za-z0-9_-]+/g) ?? []) used.add(word);
}

// ---- A small parser for the minified CSS: rules, and at-rules with blocks. ----
function block(s, from) {
  // s[from] is just past a '{': the index just past its matching '}'.
  let depth = 1, quote = null, i = from;
  for (; i < s.length && depth; i++) {
    const c = s[i];
    if (quote) { if (c === '\\') i++; else if (c === quote) quote = null; }
    else if (c === '"' || c === "'") quote = c;
    else if (c === '{') depth++;
    else if (c === '}') depth--;
  }
  return i;
}
function parse(s) {
  const nodes = [];
  let i = 0;
  while (i < s.length) {
    if (/\s/.test(s[i])) { i++; continue; }
    if (s.startsWith('/*', i)) { i = s.indexOf('*/', i + 2) + 2; continue; }
    let j = i, quote = null;
    for (; j < s.length; j++) {
      const c = s[j];
      if (quote) { if (c === '\\') j++; else if (c === quote) quote = null; }
      else if (c === '"' || c === "'") quote = c;
      else if (c === '{' || c === ';') break;
    }
    const prelude = s.slice(i, j).trim();
    if (s[j] !== '{') { nodes.push({ kind: 'statement', text: prelude }); i = j + 1; continue; }
    const end = block(s, j + 1);
    const body = s.slice(j + 1, end - 1);
    if (/^@(media|supports|container|layer)\b/.test(prelude)) nodes.push({ kind: 'group', prelude, children: parse(body) });
    else if (prelude.startsWith('@')) nodes.push({ kind: 'at', prelude, body });
    else nodes.push({ kind: 'rule', selectors: split(prelude), body });
    i = end;
  }
  return nodes;
}
// Splits at the commas outside brackets and parentheses.
function split(list) {
  const parts = [];
  let depth = 0, start = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) { parts.push(list.slice(start, i).trim()); start = i + 1; }
  }
  parts.push(list.slice(start).trim());
  return parts;
}

// A selector is kept when the app uses every class it requires; classes
// inside :not(), :is(), :has()… do not count (they only narrow or widen it).
function keeps(selector) {
  if (selector.includes('[data-focus-mouse=true]')) return false; // set by the package's JS only
  // :has() makes the browser check its subject again at every change of the
  // page; the app uses none of the states those rules look for.
  if (selector.includes(':has(')) return false;
  let flat = selector, previous;
  do { previous = flat; flat = flat.replace(/\([^()]*\)/g, ''); } while (flat !== previous);
  flat = flat.replace(/\[[^\]]*\]/g, '');
  return (flat.match(/\.-?[_a-zA-Z][\w-]*/g) ?? []).every((c) => used.has(c.slice(1)) && !RESERVED.has(c.slice(1)));
}

function purge(nodes) {
  const kept = [];
  for (const node of nodes) {
    if (node.kind === 'rule') {
      const selectors = node.selectors.filter(keeps);
      if (selectors.length) kept.push({ ...node, selectors });
    } else if (node.kind === 'group') {
      const children = purge(node.children);
      if (children.length) kept.push({ ...node, children });
    } else if (node.kind === 'at' && node.prelude.startsWith('@font-face')) {
      // the package's only one is Video.js's icon font, a data: URL
    } else {
      kept.push(node);
    }
  }
  return kept;
}

function print(nodes) {
  return nodes.map((n) => {
    if (n.kind === 'rule') return `${n.selectors.join(',')}{${n.body}}`;
    if (n.kind === 'group') return `${n.prelude}{${print(n.children)}}`;
    if (n.kind === 'at') return `${n.prelude}{${n.body}}`;
    return `${n.text};`;
  }).join('');
}

// Drops the @keyframes that no kept rule animates with.
function dropUnusedKeyframes(nodes, text) {
  return nodes.flatMap((n) => {
    if (n.kind === 'group') {
      const children = dropUnusedKeyframes(n.children, text);
      return children.length ? [{ ...n, children }] : [];
    }
    if (n.kind === 'at' && n.prelude.startsWith('@keyframes')) {
      const name = n.prelude.split(/\s+/)[1];
      const pattern = new RegExp(`animation(-name)?:[^;}]*\\b${name.replace(/[-]/g, '\\-')}\\b`);
      return pattern.test(text) ? [n] : [];
    }
    return [n];
  });
}

// ---- The CSS ----
let css = readFileSync(join(pkg, 'dist', 'css', 'bootstrap-italia.min.css'), 'utf8').replace(/^\uFEFF/, '');
css = css.replace(/^\/\*![\s\S]*?\*\//, '');
// The package's JS marks focus that comes from the mouse; the browser does it.
css = css.split(':focus:not([data-focus-mouse=true])').join(':focus-visible');

let tree = purge(parse(css));
tree = dropUnusedKeyframes(tree, print(tree));
css = print(tree);

// Each data: image becomes a file, reached by a relative URL.
const images = new Map();
css = css.replace(/url\(\s*(?:"(data:[^"]*)"|'(data:[^']*)'|(data:[^"')\s]*))\s*\)/g, (_, dq, sq, bare) => {
  const uri = dq ?? sq ?? bare;
  const comma = uri.indexOf(',');
  const meta = uri.slice(5, comma);
  const data = uri.slice(comma + 1);
  if (!meta.startsWith('image/svg+xml')) throw new Error(`unexpected data: URL in Bootstrap Italia's CSS: ${uri.slice(0, 60)}`);
  const svg = meta.includes(';base64')
    ? Buffer.from(data, 'base64')
    : Buffer.from(data.trim().replace(/%([0-9a-fA-F]{2})/g, (_m, hex) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
  const name = `${createHash('sha256').update(svg).digest('hex').slice(0, 10)}.svg`;
  images.set(name, svg);
  return `url(${ASSET_URL}/img/${name})`;
});
if (/data:/.test(css)) throw new Error(`a data: URL is left in Bootstrap Italia's CSS: ${css.match(/.{0,60}data:.{0,40}/)[0]}`);
const remote = css.match(/url\(\s*["']?(https?:)?\/\/[^)]*\)|@import[^;]*;/);
if (remote) throw new Error(`Bootstrap Italia's CSS would reach another origin: ${remote[0].slice(0, 80)}`);

const fontFaces = FONTS.map(([weight, style, name]) =>
  `@font-face{font-family:"Titillium Web";font-style:${style};font-weight:${weight};font-display:swap;` +
  `src:url(${ASSET_URL}/fonts/${fontFile(name)}) format("woff2")}`).join('\n');

put(join(out, 'bootstrap-italia.css'),
  `/*! Bootstrap Italia ${version} (https://italia.github.io/bootstrap-italia/), BSD-3-Clause: see ${ASSET_URL}/LICENSE.\n` +
  ` * Titillium Web, SIL Open Font License 1.1: see ${ASSET_URL}/fonts/OFL.txt.\n` +
  ` * Only the rules this app uses, without data: URLs; generated by scripts/bootstrap-italia.mjs. */\n` +
  `${fontFaces}\n${css}\n`);

// ---- Fonts, images, licences ----
const fonts = join(pkg, 'dist', 'fonts', 'Titillium_Web');
const wanted = new Set(['OFL.txt', ...FONTS.map(([, , name]) => fontFile(name))]);
for (const name of wanted) put(join(assets, 'fonts', name), readFileSync(join(fonts, name)));
for (const [name, svg] of images) put(join(assets, 'img', name), svg);
put(join(assets, 'LICENSE'), readFileSync(join(pkg, 'LICENSE')));
// What an earlier run left and this one did not write.
for (const [dir, keep] of [[join(assets, 'fonts'), wanted], [join(assets, 'img'), new Set(images.keys())]]) {
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(dir)) if (!keep.has(name)) rmSync(join(dir, name));
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`[bootstrap-italia ${version}] ${relative(root, join(out, 'bootstrap-italia.css'))}: ${kb(Buffer.byteLength(css))}` +
  ` of rules, ${images.size} images, ${FONTS.length} fonts${written ? `; ${written} files updated` : '; up to date'}`);
