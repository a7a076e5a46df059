// The bad-input catalogue through the interface: each file goes through the
// real file inputs (Apri file…, Importa obiettivi da CSV…). A refused file
// shows what is wrong and where, and the plan on screen stays as it was; a
// file with out-of-range scores opens with its findings; user text is always
// shown as text, never as markup.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync, unlinkSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApp } from './harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
const dir = join(repo, 'tests', 'fixtures', 'bad');
const cases = JSON.parse(readFileSync(join(dir, 'catalogo.json'), 'utf8'));
mkdirSync(join(repo, 'tests', 'e2e', 'out'), { recursive: true });
let app, url, browser, page, pageErrors;

before(async () => {
  app = await openApp({ acceptDialogs: true });
  ({ url, browser, page, errors: pageErrors } = app);
  await page.locator('[data-testid="media-s1"]').waitFor();
  await page.getByRole('heading', { name: 'Fogli di calcolo: importa ed esporta' }).click();
});

after(async () => {
  await app?.close();
});

const notice = () => page.getByTestId('notice');
const como = async () => {
  await page.getByRole('button', { name: 'Esempio: Comune di Como, PEG 2024' }).click();
  await notice().filter({ hasText: "Aperto l'esempio" }).waitFor();
};

for (const c of cases) {
  test(`${c.case} (${c.file})`, async () => {
    const path = join(dir, c.file);
    if (c.loader === 'json') {
      await page.locator('#apri-file').setInputFiles(path);
      if (c.outcome === 'refused') {
        const text = await notice().filter({ hasText: `«${c.file}»: Il file non è un piano di Pesatura valido` }).innerText();
        assert.ok(text.includes(c.message), `${c.file}: «${c.message}» not in «${text}»`);
        assert.match(text, /non è stato modificato/);
        assert.equal(await page.locator('[data-testid="media-s1"]').innerText(), '20,67', 'the plan on screen stays');
      } else {
        await notice().filter({ hasText: 'Aperto il file' }).waitFor();
        if (c.outcome === 'flagged') {
          await page.getByTestId('rilievi').getByText(c.message).first().waitFor();
        } else {
          const expected = JSON.parse(readFileSync(path, 'utf8')).objectives[0].title;
          assert.equal(await page.locator('#titolo-o1').inputValue(), expected, 'the title is there, whole');
          assert.equal(await page.locator('main script, main b').count(), 0, 'no user text became markup');
        }
        await como();
      }
    } else {
      await page.locator('#importa-csv').setInputFiles(path);
      if (c.outcome === 'refused') {
        const text = await notice().filter({ hasText: `«${c.file}»: Il file non si può importare` }).innerText();
        assert.ok(text.includes(c.message), `${c.file}: «${c.message}» not in «${text}»`);
        assert.equal(await page.locator('[data-testid="media-s1"]').innerText(), '20,67');
      } else {
        const panel = page.getByTestId('importa');
        await panel.waitFor();
        if (c.outcome === 'rows') {
          assert.match(await page.getByTestId('importa-scartate').innerText(), new RegExp(`Riga 2 .*${c.message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
        } else {
          await panel.getByRole('cell', { name: c.message, exact: true }).waitFor();
        }
        await panel.getByRole('button', { name: "Annulla l'importazione" }).click();
        assert.equal(await panel.count(), 0);
        assert.equal(await page.locator('[data-testid="ente-obiettivi"]').innerText(), '53', 'nothing imported');
      }
    }
  });
}

test('a 51 MB file is refused without freezing the page', async () => {
  const big = join(repo, 'tests', 'e2e', 'out', 'gigante.json');
  writeFileSync(big, Buffer.alloc(51 * 1024 * 1024, 0x20));
  await page.locator('#apri-file').setInputFiles(big);
  const text = await notice().filter({ hasText: '«gigante.json»' }).innerText();
  assert.match(text, /51 MB, oltre il limite di 50 MB/);
  unlinkSync(big);
  assert.equal(await page.locator('[data-testid="media-s1"]').innerText(), '20,67');
});

test('no page error along the way', async () => {
  assert.deepEqual(pageErrors, []);
});
