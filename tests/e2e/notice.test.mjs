// The notice over the foot of the screen: a note (a file opened) goes by
// itself after ten seconds, not while the pointer is on it; an error stays
// until it is closed; and neither, coming or going, moves the page. The
// page's clock is Playwright's, so that ten seconds pass at once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, serve } from './harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
const out = join(here, 'out');
mkdirSync(out, { recursive: true });

let server, browser, page;

before(async () => {
  let url;
  ({ server, url } = await serve(fileURLToPath(new URL('../../dist', import.meta.url))));
  browser = await launch();
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  page = await context.newPage();
  page.on('dialog', (d) => d.accept().catch(() => {}));
  await page.clock.install();
  await page.goto(url);
  await page.getByRole('heading', { level: 1 }).waitFor();
});

after(async () => {
  await browser?.close();
  server?.close();
});

const notice = () => page.getByTestId('notice');
// Where the plan's title and Settore 3's average are in the viewport.
const places = () => page.evaluate(() => ['#titolo-piano', '[data-testid="media-s3"]']
  .map((s) => document.querySelector(s).getBoundingClientRect().top));

test('a note goes by itself after ten seconds, not while it is read, and moves nothing', async () => {
  await page.locator('#apri-file').setInputFiles(join(repo, 'examples', 'como-peg-2024.json'));
  await notice().filter({ hasText: 'Aperto il file' }).waitFor();
  await page.locator('[data-testid="media-s3"]').scrollIntoViewIfNeeded();
  const before = await places();
  const box = await notice().boundingBox();
  assert.ok(box.y + box.height <= 1000 && box.y > 500, `the notice is at the screen's foot (top ${box.y})`);
  await page.screenshot({ path: join(out, 'notice-note.png') });

  // The page's clock also runs in real time: on a loaded machine a second
  // or more may pass between two steps, hence checks well inside the ten
  // seconds.
  await page.clock.runFor(6_000);
  assert.equal(await notice().count(), 1, 'still there after six seconds');
  // Read with the pointer on it, it stays; the ten seconds start again as the pointer leaves.
  await notice().hover();
  await page.clock.runFor(30_000);
  assert.equal(await notice().count(), 1, 'it stays while the pointer is on it');
  await page.mouse.move(10, 500);
  await page.clock.runFor(6_000);
  assert.equal(await notice().count(), 1, 'six seconds after the pointer left');
  await page.clock.runFor(4_500);
  await notice().waitFor({ state: 'detached' });
  assert.deepEqual(await places(), before, 'going, the notice moved nothing');
});

test('an error stays until it is closed', async () => {
  const truncated = join(out, 'notice-troncato.json');
  writeFileSync(truncated, readFileSync(join(repo, 'examples', 'como-peg-2024.json'), 'utf8').slice(0, 500));
  await page.locator('#apri-file').setInputFiles(truncated);
  await notice().filter({ hasText: 'finisce prima del previsto' }).waitFor();
  await page.clock.runFor(120_000);
  assert.equal(await notice().count(), 1, 'the error is still there after two minutes');
  await notice().getByRole('button', { name: 'Chiudi il messaggio' }).click();
  await notice().waitFor({ state: 'detached' });
});

test('a note that follows one closed with the pointer on it still goes', async () => {
  await page.locator('#apri-file').setInputFiles(join(repo, 'examples', 'como-peg-2024.json'));
  await notice().filter({ hasText: 'Aperto il file' }).waitFor();
  // Closed by its button: the pointer was on it when it went, and it never
  // saw the pointer leave.
  await notice().getByRole('button', { name: 'Chiudi il messaggio' }).click();
  await notice().waitFor({ state: 'detached' });
  await page.mouse.move(10, 500);
  await page.locator('#apri-file').setInputFiles(join(repo, 'examples', 'como-peg-2024.json'));
  await notice().filter({ hasText: 'Aperto il file' }).waitFor();
  await page.clock.runFor(10_500);
  await notice().waitFor({ state: 'detached' });
});
