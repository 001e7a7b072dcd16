// Guards the newsroom workflow in a real Chromium, journalist and editor side by side: the journalist
// files an article, the editor finds it under "Perlu Disunting", opens it while the journalist still has it
// open (lock banner, "Ambil alih", the journalist's screen told), approves and publishes; then opens
// Riwayat, compares two revisions and restores the older one as a draft. Screenshots in test-artifacts/.
import fs from 'fs';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { startStrapi, type TestApp } from '../helpers/strapi';
import { ARTICLE_UID, CATEGORY_UID } from '../../src/constants';

const ARTIFACTS = path.join(__dirname, '..', '..', 'test-artifacts');
const PASSWORD = 'RahasiaRedaksi2024!';
const JOURNALIST = { email: 'jurnalis@warta.example', firstname: 'Jurnalis', role: 'strapi-author' };
const EDITOR = { email: 'redaktur@warta.example', firstname: 'Redaktur', role: 'strapi-editor' };
const TITLE = 'Banjir Rob Genangi Pesisir Jakarta Utara';

let app: TestApp;
let browser: Browser;
let journalist: Page;
let editor: Page;
let documentId: string;
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, `workflow-${name}.png`) });

async function login(page: Page, email: string) {
  await page.goto(`${app.baseUrl}/admin/auth/login`);
  await page.waitForSelector('input[name="email"]', { timeout: 60_000 });
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', PASSWORD);
  await page.click('button[type="submit"]');
  await page.waitForURL(/\/admin(\/)?$/, { timeout: 60_000 });
}
const editUrl = () =>
  `${app.baseUrl}/admin/content-manager/collection-types/${ARTICLE_UID}/${documentId}?plugins[i18n][locale]=id`;
const draft = () =>
  app.strapi.db.query(ARTICLE_UID).findOne({ where: { documentId, locale: 'id', publishedAt: null } });

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  app = await startStrapi({}, { listen: true });
  const category = await app.strapi
    .documents(CATEGORY_UID)
    .create({ data: { name: 'Metropolitan' }, locale: 'id', status: 'published' } as never);
  for (const person of [JOURNALIST, EDITOR]) {
    const role = await app.strapi.db.query('admin::role').findOne({ where: { code: person.role } });
    await app.strapi.service('admin::user').create({
      email: person.email,
      firstname: person.firstname,
      lastname: 'Uji',
      password: PASSWORD,
      isActive: true,
      roles: [role.id],
    });
  }
  // The journalist's draft, written through the admin API as the journalist (Authors edit what they created).
  const loginRes = await app.request().post('/admin/login').send({ email: JOURNALIST.email, password: PASSWORD });
  const token = loginRes.body.data.token;
  const cm = `/content-manager/collection-types/${ARTICLE_UID}`;
  const created = await app
    .request()
    .post(`${cm}?locale=id`)
    .set('Authorization', `Bearer ${token}`)
    .send({
      title: TITLE,
      lead: 'Versi pertama: air setinggi 30 cm.',
      category: { connect: [{ documentId: category.documentId }] },
    });
  documentId = created.body.data.documentId;
  await app
    .request()
    .put(`${cm}/${documentId}?locale=id`)
    .set('Authorization', `Bearer ${token}`)
    .send({ lead: 'Versi kedua: air setinggi 50 cm, warga mengungsi.' });

  browser = await launchChromium();
  journalist = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
  editor = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('the newsroom workflow in the admin panel', () => {
  test('the journalist files the article to the editor', async () => {
    await login(journalist, JOURNALIST.email);
    await journalist.goto(editUrl());
    await journalist.getByTestId('workflow-stage').waitFor({ timeout: 60_000 });
    // The badge upper-cases by CSS: its text content is the label.
    expect(await journalist.getByTestId('workflow-stage').textContent()).toBe('Draf');
    await journalist.getByTestId('workflow-file-review').click();
    await journalist.getByText('Perlu Disunting', { exact: true }).first().waitFor({ timeout: 30_000 });
    expect((await draft()).editorialStage).toBe('review');
    await shot(journalist, '1-journalist-filed');
  }, 120_000);

  test('the editor finds it under "Perlu Disunting" and sees the journalist\'s lock', async () => {
    await login(editor, EDITOR.email);
    await editor.goto(`${app.baseUrl}/admin/content-manager/collection-types/${ARTICLE_UID}?plugins[i18n][locale]=id`);
    await editor.getByTestId('queue-review').click({ timeout: 60_000 });
    await editor.getByText(TITLE).first().waitFor({ timeout: 30_000 });
    // The stage column speaks the configured labels, not the stage ids.
    await editor.getByTestId('list-stage').filter({ hasText: 'Perlu Disunting' }).first().waitFor({ timeout: 30_000 });
    expect(await editor.getByTestId('list-stage').allTextContents()).not.toContain('review');
    await shot(editor, '2-editor-queue');
    await editor.goto(editUrl());
    const banner = editor.getByTestId('lock-banner');
    await banner.waitFor({ timeout: 60_000 });
    expect(await banner.innerText()).toMatch(/Sedang disunting oleh Jurnalis Uji sejak \d\d:\d\d WIB/);
    // Read-only while the journalist holds it: the fields and the Save/Publish panel take no input.
    const title = editor.locator('input[name="title"]');
    await editor.waitForFunction(() => document.querySelector('input[name="title"]')?.closest('[inert]'), null, {
      timeout: 30_000,
    });
    await title.click({ force: true });
    await editor.keyboard.type(' DIUBAH');
    expect(await title.inputValue()).toBe(TITLE);
    expect(
      await editor
        .getByRole('button', { name: 'Terbitkan', exact: true })
        .evaluate((el) => Boolean(el.closest('[inert]')))
    ).toBe(true);
    await shot(editor, '3-editor-sees-lock');
  }, 120_000);

  test("the editor takes over and the journalist's screen says so", async () => {
    await editor.getByRole('button', { name: 'Ambil alih' }).click();
    await editor.getByTestId('lock-banner').waitFor({ state: 'detached', timeout: 30_000 });
    await journalist.getByTestId('lock-lost').waitFor({ timeout: 30_000 });
    expect(await journalist.getByTestId('lock-lost').innerText()).toMatch(/Redaktur Uji mengambil alih/);
    // Now the journalist's form is the read-only one, and the editor's takes input again.
    await journalist.waitForFunction(() => document.querySelector('input[name="title"]')?.closest('[inert]'), null, {
      timeout: 30_000,
    });
    expect(await editor.locator('input[name="title"]').evaluate((el) => el.closest('[inert]') === null)).toBe(true);
    await shot(journalist, '4-journalist-taken-over');
  }, 60_000);

  test('the editor approves and publishes', async () => {
    await editor.getByTestId('workflow-approve-ready').click();
    await editor.getByText('Siap Terbit', { exact: true }).first().waitFor({ timeout: 30_000 });
    await editor.getByRole('button', { name: 'Terbitkan', exact: true }).click();
    let live = null;
    for (let attempt = 0; attempt < 40 && !live; attempt += 1) {
      live = await app.strapi.db
        .query(ARTICLE_UID)
        .findOne({ where: { documentId, locale: 'id', publishedAt: { $notNull: true } } });
      if (!live) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(live?.lead).toBe('Versi kedua: air setinggi 50 cm, warga mengungsi.');
    // Live as approved: the badge reads "Terbit".
    await editor
      .getByTestId('workflow-stage')
      .filter({ hasText: /^Terbit$/ })
      .waitFor({ timeout: 30_000 });
    expect(await editor.getByTestId('workflow-stage').textContent()).toBe('Terbit');
    await shot(editor, '5-editor-published');
  }, 60_000);

  test('Riwayat compares two revisions and restores the older one as a draft only', async () => {
    await editor.getByTestId('history-open').click();
    await editor.getByTestId('history-revision').first().waitFor({ timeout: 30_000 });
    const rows = editor.getByTestId('history-revision');
    const count = await rows.count();
    expect(count).toBeGreaterThanOrEqual(3);
    await rows
      .nth(count - 1)
      .getByRole('checkbox')
      .click();
    await rows.nth(0).getByRole('checkbox').click();
    await editor.getByTestId('history-compare').click();
    const diff = editor.getByTestId('history-diff');
    await diff.waitFor({ timeout: 30_000 });
    expect(await diff.textContent()).toMatch(/lead/);
    expect(await diff.locator('del').allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringMatching(/pertama|30/)])
    );
    await shot(editor, '6-riwayat-compare');

    const oldest = await rows.nth(count - 1).innerText();
    const id = /#(\d+)/.exec(oldest)![1];
    await editor.getByTestId(`history-restore-${id}`).click();
    let restored = '';
    for (let attempt = 0; attempt < 40 && !restored.startsWith('Versi pertama'); attempt += 1) {
      restored = (await draft()).lead ?? '';
      if (!restored.startsWith('Versi pertama')) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(restored).toBe('Versi pertama: air setinggi 30 cm.');
    const live = await app.strapi.db
      .query(ARTICLE_UID)
      .findOne({ where: { documentId, locale: 'id', publishedAt: { $notNull: true } } });
    expect(live.lead).toBe('Versi kedua: air setinggi 50 cm, warga mengungsi.');
    await editor.waitForTimeout(1500);
    await editor.getByTestId('history-open').waitFor({ timeout: 30_000 });
    await shot(editor, '7-restored-draft');
  }, 90_000);
});
