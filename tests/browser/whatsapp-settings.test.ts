// Guards the WhatsApp follow settings page in a real Chromium: an editor with the settings permission
// sets the site channel, an invalid link shows the error next to the field and saves nothing, a valid
// one saves, and the public REST article shows the block at once.
import fs from 'fs';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { startStrapi, type TestApp } from '../helpers/strapi';

const ARTIFACTS = path.join(__dirname, '..', '..', 'test-artifacts');
const ADMIN = { email: 'pemred@warta.example', password: 'RahasiaRedaksi2024!' };
const VALID_URL = 'https://whatsapp.com/channel/0029VaFh4bQ9Bb5ypnHA5G1v';

let app: TestApp;
let browser: Browser;
let page: Page;
let articleDocumentId: string;

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  app = await startStrapi({}, { listen: true });
  const { seedDemoContent } = require(path.join(__dirname, '..', '..', 'dist', 'src', 'seed'));
  await seedDemoContent(app.strapi);
  // The demo content brings a demo channel; this is the operator who sets up a channel on an install without one.
  await app.strapi.store({ type: 'plugin', name: 'newsroom' }).delete({ key: 'whatsapp-follow' });
  const [article] = await app.strapi
    .documents('api::article.article')
    .findMany({ locale: 'id', status: 'published', limit: 1 } as any);
  articleDocumentId = article.documentId;
  const superAdmin = await app.strapi.db.query('admin::role').findOne({ where: { code: 'strapi-super-admin' } });
  await app.strapi
    .service('admin::user')
    .create({ ...ADMIN, firstname: 'Pemimpin', lastname: 'Redaksi', isActive: true, roles: [superAdmin.id] });
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1440, height: 1100 } })).newPage();
  await page.goto(`${app.baseUrl}/admin/auth/login`);
  await page.waitForSelector('input[name="email"]', { timeout: 60_000 });
  await page.fill('input[name="email"]', ADMIN.email);
  await page.fill('input[name="password"]', ADMIN.password);
  await page.click('button[type="submit"]');
  await page.waitForURL(/\/admin(\/)?$/, { timeout: 60_000 });
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const channelUrlInput = () => page.locator('input[name="id.channelUrl"]');

describe('WhatsApp follow settings page', () => {
  test('opens in Indonesian with the default wording', async () => {
    await page.goto(`${app.baseUrl}/admin/settings/newsroom/whatsapp-follow`);
    await channelUrlInput()
      .waitFor({ timeout: 60_000 })
      .catch(async (error) => {
        await page.screenshot({ path: path.join(ARTIFACTS, 'failed-whatsapp-settings.png') });
        throw error;
      });
    const main = await page.innerText('main');
    expect(main).toContain('Ikuti Saluran WhatsApp');
    expect(main).toContain('Tautan saluran');
    expect(await page.locator('input[name="id.headline"]').inputValue()).toBe(
      'Ikuti Saluran WhatsApp {channelName} untuk update berita terbaru setiap hari'
    );
  });

  test('an invalid link shows what a valid one looks like, and nothing is saved', async () => {
    await page.getByRole('checkbox').first().check({ force: true });
    await channelUrlInput().fill('http://whatsapp.com/channel/0029VaFh4bQ9Bb5ypnHA5G1v?next=https://evil.example');
    await page.locator('input[name="id.channelName"]').fill('Warta');
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await page
      .getByText(/harus berbentuk https:\/\/whatsapp\.com\/channel\/<kode>/)
      .first()
      .waitFor({ timeout: 30_000 });
    await page.screenshot({ path: path.join(ARTIFACTS, 'whatsapp-settings-error.png') });
    const settings = await app.strapi.plugin('newsroom').service('whatsapp-follow').getSettings();
    expect(settings.id.enabled).toBe(false);
    expect(settings.id.channelUrl).toBeNull();
  });

  test('a valid link saves, and the public article carries the block', async () => {
    await channelUrlInput().fill(VALID_URL);
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await page.getByText('Pengaturan WhatsApp tersimpan').first().waitFor({ timeout: 30_000 });
    await page.screenshot({ path: path.join(ARTIFACTS, 'whatsapp-settings-saved.png') });
    const res = await fetch(`${app.baseUrl}/api/articles/${articleDocumentId}?locale=id`);
    const body = await res.json();
    expect(body.data.whatsappFollow).toMatchObject({
      url: VALID_URL,
      channelName: 'Warta',
      headline: 'Ikuti Saluran WhatsApp Warta untuk update berita terbaru setiap hari',
      buttonLabel: 'Ikuti',
    });
  });
});
