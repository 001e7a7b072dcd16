// Guards issue 16's parts of the reader page in a real Chromium, on the seed article (seed-article.txt):
// a Ralat at the top with its date in WIB, a "Baca Juga" the editor placed inside the body (as a
// warta://article/<documentId> link) between the paragraphs it was typed between, and the ad slots of the
// site settings at their places, each an empty labelled "Advertisement" box, never two at one place (the
// slot after paragraph 2 gives way to the editor's Baca Juga and follows paragraph 3).
// Screenshot in test-artifacts/editorial-page.png. Then the Redaksi settings page of the ad slots: a bad
// ad-unit id shows the Indonesian error and saves nothing, a good one saves and the reader page shows it.
import fs from 'fs';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { startStrapi, type TestApp } from '../helpers/strapi';

const ARTIFACTS = path.join(__dirname, '..', '..', 'test-artifacts');
const TITLE = 'Update Perang Rusia Ukraina: AS, Korsel dan Jepang Kecam Pasokan Amunisi Korea Utara ke Rusia';
const LINKED = 'Gedung Putih: Korea Utara Kirim Lebih dari 1.000 Kontainer Amunisi ke Rusia';
const RALAT = 'Sebelumnya tertulis pasokan 2.000 kontainer; yang benar lebih dari 1.000 kontainer.';
const ARTICLE = 'api::article.article';
const ADMIN = { email: 'iklan@warta.example', password: 'RahasiaRedaksi2024!' };

let app: TestApp;
let browser: Browser;
let page: Page;
let slug: string;
const consoleErrors: string[] = [];

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  app = await startStrapi({}, { listen: true });
  app.strapi.config.set('plugin::newsroom.siteUrl', app.baseUrl);
  const { seedDemoContent } = require(path.join(__dirname, '..', '..', 'dist', 'src', 'seed'));
  await seedDemoContent(app.strapi);
  await app.strapi.plugin('newsroom').service('related-news').idle();
  const docs = app.strapi.documents(ARTICLE as any) as any;
  const [article] = await docs.findMany({ locale: 'id', status: 'published', filters: { title: TITLE } });
  const [linked] = await docs.findMany({ locale: 'id', status: 'published', filters: { title: LINKED } });
  slug = article.slug;
  // The editor types a Baca Juga between the second and the third paragraph, and adds a Ralat.
  const body = [...article.body];
  body.splice(2, 0, {
    type: 'paragraph',
    children: [
      { type: 'text', text: 'Baca Juga: ' },
      { type: 'link', url: `warta://article/${linked.documentId}`, children: [{ type: 'text', text: 'tautan' }] },
    ],
  });
  await docs.update({
    documentId: article.documentId,
    locale: 'id',
    status: 'published',
    data: { body, notices: [{ kind: 'ralat', text: RALAT, madeAt: '2023-10-27T11:05:00.000Z' }] },
  });
  await app.strapi
    .plugin('newsroom')
    .service('ad-slots')
    .updateSettings({
      id: {
        slots: [
          { slot: 'top', adUnit: '/1234567/warta/top' },
          { slot: 'after-paragraph-2', adUnit: '/1234567/warta/p2' },
          { slot: 'after-paragraph-5', adUnit: '/1234567/warta/p5' },
          { slot: 'before-related', adUnit: '/1234567/warta/related' },
          { slot: 'sidebar', adUnit: '/1234567/warta/side' },
        ],
      },
    });
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 1000 } })).newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

test('the seed article shows the Ralat, the Baca Juga in the body and the ad slots at their places', async () => {
  const response = await page.goto(`${app.baseUrl}/read/id/${slug}`);
  expect(response?.status()).toBe(200);
  const ralat = page.locator('.notices .notice-ralat');
  await ralat.waitFor({ state: 'visible', timeout: 10_000 });
  expect(((await ralat.textContent()) ?? '').trim()).toBe(
    `Ralat: ${RALAT} (diperbarui Jumat, 27 Oktober 2023 | 18:05 WIB)`
  );

  // What follows each paragraph of the body, as a reader's browser lays it out.
  const layout = await page.$$eval('#isi > *', (nodes) =>
    nodes.map((node) =>
      node.classList.contains('ad-slot')
        ? `ad:${node.getAttribute('data-slot')}`
        : node.classList.contains('baca-juga')
          ? `baca-juga:${node.querySelector('a')?.textContent}`
          : node.tagName.toLowerCase()
    )
  );
  expect(layout.slice(0, 9)).toEqual([
    'ad:top',
    'p',
    'p',
    `baca-juga:${LINKED}`,
    'p',
    'ad:after-paragraph-2',
    'p',
    'p',
    'ad:after-paragraph-5',
  ]);
  // The editor's Baca Juga keeps its place after paragraph 2; the ad slot asked for there moves to the next
  // free paragraph (3): one insert per place.
  const slots = page.locator('.ad-slot');
  expect(await slots.count()).toBe(5);
  for (const slot of await slots.all()) {
    expect(((await slot.textContent()) ?? '').trim()).toBe('Advertisement');
    expect(await slot.getAttribute('data-ad-unit')).toMatch(/^\/1234567\/warta\//);
    expect((await slot.boundingBox())?.height).toBeGreaterThanOrEqual(90);
  }
  const bacaJuga = page.locator('#isi .baca-juga a');
  expect(await bacaJuga.getAttribute('href')).toMatch(new RegExp(`^${app.baseUrl}/read/id/`));
  const order = await page.$$eval('main *', (nodes) =>
    nodes
      .map((node) =>
        node.matches('.related') ? 'related' : node.matches('[data-slot="before-related"]') ? 'ad' : null
      )
      .filter(Boolean)
  );
  expect(order.slice(0, 2)).toEqual(['ad', 'related']);
  await page.screenshot({ path: path.join(ARTIFACTS, 'editorial-page.png'), fullPage: true });
  expect(consoleErrors).toEqual([]);
});

test('the ad slots settings page refuses a bad ad unit and saves a good one, which the page then shows', async () => {
  const superAdmin = await app.strapi.db.query('admin::role').findOne({ where: { code: 'strapi-super-admin' } });
  await app.strapi
    .service('admin::user')
    .create({ ...ADMIN, firstname: 'Redaksi', lastname: 'Iklan', isActive: true, roles: [superAdmin.id] });
  await page.goto(`${app.baseUrl}/admin/auth/login`);
  await page.waitForSelector('input[name="email"]', { timeout: 60_000 });
  await page.fill('input[name="email"]', ADMIN.email);
  await page.fill('input[name="password"]', ADMIN.password);
  await page.click('button[type="submit"]');
  await page.waitForURL(/\/admin(\/)?$/, { timeout: 60_000 });
  await page.goto(`${app.baseUrl}/admin/settings/newsroom/ad-slots`);
  const adUnit = page.locator('input[name="id.slots.1.adUnit"]');
  await adUnit.waitFor({ timeout: 60_000 });
  expect(await adUnit.inputValue()).toBe('/1234567/warta/p2');
  await adUnit.fill('<script>');
  await page.getByRole('button', { name: 'Simpan', exact: true }).click();
  await page
    .getByText(/ID unit iklan di "id.slots.1" harus/)
    .first()
    .waitFor({ timeout: 30_000 });
  const stored = await app.strapi.plugin('newsroom').service('ad-slots').getSettings();
  expect(stored.id.slots[1].adUnit).toBe('/1234567/warta/p2');
  await adUnit.fill('/7654321/warta/p2-baru');
  await page.getByRole('button', { name: 'Simpan', exact: true }).click();
  await page.getByText('Pengaturan iklan tersimpan').first().waitFor({ timeout: 30_000 });
  await page.screenshot({ path: path.join(ARTIFACTS, 'ad-slots-settings.png'), fullPage: true });
  const reader = await app.request().get(`/read/id/${slug}`);
  expect(reader.text).toContain('data-ad-unit="/7654321/warta/p2-baru"');
});
