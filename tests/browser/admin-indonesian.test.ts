// Guards the editor's daily path in the admin panel, in a real Chromium: a new editor lands in Bahasa
// Indonesia, opens the article list and an article, saves and publishes a change, and the core editor
// buttons show no English. Keeps a screenshot of the edit view in test-artifacts/.
import fs from 'fs';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { startStrapi, type TestApp } from '../helpers/strapi';

const ARTIFACTS = path.join(__dirname, '..', '..', 'test-artifacts');
const EDITOR = { email: 'editor.baru@warta.example', password: 'RahasiaRedaksi2024!' };
const SEED_TITLE = 'Update Perang Rusia Ukraina: AS, Korsel dan Jepang Kecam Pasokan Amunisi Korea Utara ke Rusia';
/** Labels of Strapi's core editing controls as they read in English: none may show to an Indonesian editor. */
const ENGLISH_CORE_LABELS = [
  'Save',
  'Publish',
  'Unpublish',
  'Discard changes',
  'Create new entry',
  'Filters',
  'Search',
  'Content Manager',
  'Media Library',
  'Settings',
  'Back',
  'Drafts',
  'Published',
  'Modified',
];

let app: TestApp;
let browser: Browser;
let page: Page;
const browserErrors: string[] = [];

async function visibleButtonLabels(target: Page): Promise<string[]> {
  return target.$$eval('button, a[role="button"], a', (elements) =>
    elements
      .filter((element) => (element as HTMLElement).offsetParent !== null)
      .map((element) => ((element as HTMLElement).innerText || element.getAttribute('aria-label') || '').trim())
      .filter(Boolean)
  );
}

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  app = await startStrapi({}, { listen: true });
  const { seedDemoContent } = require(path.join(__dirname, '..', '..', 'dist', 'src', 'seed'));
  await seedDemoContent(app.strapi);
  const editorRole = await app.strapi.db.query('admin::role').findOne({ where: { code: 'strapi-editor' } });
  await app.strapi.service('admin::user').create({
    email: EDITOR.email,
    firstname: 'Editor',
    lastname: 'Baru',
    password: EDITOR.password,
    isActive: true,
    roles: [editorRole.id],
  });
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  page = await context.newPage();
  page.on('console', (message) => {
    // react-intl reports every string that falls back to its default; those are counted by i18n:coverage.
    if (message.type() === 'error' && !message.text().includes('MISSING_TRANSLATION'))
      browserErrors.push(message.text());
  });
  page.on('pageerror', (error) => browserErrors.push(String(error)));
  page.on('response', (response) => {
    if (response.status() >= 400) browserErrors.push(`${response.status()} ${response.url()}`);
  });
});

afterAll(async () => {
  if (browserErrors.length) console.log(`browser console errors:\n${browserErrors.join('\n')}`);
  await browser?.close();
  await app?.close();
});

describe('the admin panel for a new editor', () => {
  test('the login page is in Bahasa Indonesia', async () => {
    await page.goto(`${app.baseUrl}/admin/auth/login`);
    await page.waitForSelector('input[name="email"]', { timeout: 60_000 });
    const text = await page.innerText('body');
    expect(text).toContain('Kata sandi');
    expect(text).not.toMatch(/\bPassword\b/);
    expect(await page.locator('button[type="submit"]').innerText()).toBe('Masuk');
  });

  test('logs in and lands on an Indonesian home page', async () => {
    await page.fill('input[name="email"]', EDITOR.email);
    await page.fill('input[name="password"]', EDITOR.password);
    await page.click('button[type="submit"]');
    await page.waitForURL(/\/admin(\/)?$/, { timeout: 60_000 });
    // The admin switches to the editor's saved language right after login.
    await page.waitForFunction(() => document.querySelector('nav')?.textContent?.includes('Beranda'), null, {
      timeout: 60_000,
    });
    const nav = await page.innerText('nav');
    expect(nav).toContain('Pengelola Konten');
    expect(nav).toContain('Pustaka Media');
    expect(nav).not.toContain('Content Manager');
    const language = await page.evaluate(() => window.localStorage.getItem('strapi-admin-language'));
    expect(language).toBe('id');
  });

  test('the article list speaks Indonesian', async () => {
    await page.goto(
      `${app.baseUrl}/admin/content-manager/collection-types/api::article.article?page=1&pageSize=10&sort=datePublished:DESC&plugins[i18n][locale]=id`
    );
    await page.waitForSelector('table', { timeout: 60_000 }).catch(async (error) => {
      await page.screenshot({ path: path.join(ARTIFACTS, 'failed-article-list.png') });
      throw error;
    });
    const text = await page.innerText('main');
    expect(text).toContain('Artikel');
    expect(text).toContain('Buat entri baru');
    // Column headers are upper-cased by CSS.
    expect(text).toMatch(/JUDUL/i);
    expect(text).toContain('Bahasa Indonesia (id)');
    const labels = await visibleButtonLabels(page);
    for (const english of ENGLISH_CORE_LABELS) expect(labels).not.toContain(english);
  });

  test('opens the seed article, saves and publishes a change, in Indonesian throughout', async () => {
    await page.goto(
      `${app.baseUrl}/admin/content-manager/collection-types/api::article.article?page=1&pageSize=10&plugins[i18n][locale]=id&_q=${encodeURIComponent('Update Perang Rusia Ukraina')}`
    );
    await page.getByText(SEED_TITLE).first().click({ timeout: 60_000 });
    await page.waitForSelector('textarea[name="lead"], [name="lead"]', { timeout: 60_000 });
    const main = await page.innerText('main');
    for (const label of [
      'Judul',
      'Ringkasan (lead)',
      'Isi berita',
      'Kategori',
      'Penulis',
      'Zona waktu',
      'Tanggal terbit',
      'Berita Terkait: disematkan',
      'Berita Terkait: dikecualikan',
    ]) {
      expect(main).toContain(label);
    }
    // The document actions render once the document's permissions and relations have loaded.
    await page
      .getByRole('button', { name: 'Simpan', exact: true })
      .waitFor({ timeout: 30_000 })
      .catch(async (error) => {
        await page.screenshot({ path: path.join(ARTIFACTS, 'failed-edit-view.png') });
        throw error;
      });
    const before = await visibleButtonLabels(page);
    expect(before).toContain('Simpan');
    expect(before).toContain('Terbitkan');
    for (const english of ENGLISH_CORE_LABELS) expect(before).not.toContain(english);

    const newLead = 'Tiga negara sekutu mengutuk pasokan amunisi Korea Utara ke Rusia (diperbarui dari peramban).';
    await page.fill('[name="lead"]', newLead);
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await page
      .getByText(/tersimpan/i)
      .first()
      .waitFor({ timeout: 30_000 });
    await page.screenshot({ path: path.join(ARTIFACTS, 'admin-edit-view-id.png'), fullPage: false });

    await page.getByRole('button', { name: 'Terbitkan', exact: true }).click();
    await page
      .getByText(/diterbitkan|terbit/i)
      .first()
      .waitFor({ timeout: 30_000 });

    // The public API shows the published change: the admin really saved and published it.
    let published = '';
    for (let attempt = 0; attempt < 20 && published !== newLead; attempt += 1) {
      const res = await fetch(
        `${app.baseUrl}/api/articles?locale=id&filters[title][$eq]=${encodeURIComponent(SEED_TITLE)}`
      );
      published = (await res.json()).data?.[0]?.lead ?? '';
      if (published !== newLead) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(published).toBe(newLead);
    const after = await visibleButtonLabels(page);
    for (const english of ENGLISH_CORE_LABELS) expect(after).not.toContain(english);
  });
});
