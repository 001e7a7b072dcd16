// Guards scheduling as an editor does it, in a real Chromium: on an article in WITA the editor approves it
// (Setujui, so the publish meets the workflow's rule at its time), types
// "Terbitkan pada" as a WITA date and time (the browser's zone plays no part), sees the time printed in
// full with its zone, saves, finds "Terjadwal HH:MM WITA" in the article list (and only it under
// "Terjadwal saja"), sees it on the admin home's "Terbit 24 jam ke depan", and the article is public
// once its time has come. Screenshots in test-artifacts/.
import fs from 'fs';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { eventually, startStrapi, type TestApp } from '../helpers/strapi';

const ARTIFACTS = path.join(__dirname, '..', '..', 'test-artifacts');
const EDITOR = { email: 'editor.jadwal@warta.example', password: 'RahasiaRedaksi2024!' };
const TITLE = 'Festival Pesona Makassar Dibuka Malam Ini';
const ARTICLE_LIST =
  '/admin/content-manager/collection-types/api::article.article?page=1&pageSize=10&plugins[i18n][locale]=id';
/** WITA is UTC+8 all year. */
const WITA_MS = 8 * 3_600_000;

let app: TestApp;
let browser: Browser;
let page: Page;
let documentId: string;
let other: string;

const witaWallTime = (instant: Date) => {
  const local = new Date(instant.getTime() + WITA_MS).toISOString();
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
};

async function shot(name: string) {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
}

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  app = await startStrapi({ WARTA_JOBS_POLL_SECONDS: '1' }, { listen: true });
  const category = await app.strapi
    .documents('api::category.category')
    .create({ locale: 'id', data: { name: 'Daerah', slug: 'daerah' } } as never);
  const create = async (title: string) =>
    (
      await app.strapi.documents('api::article.article').create({
        locale: 'id',
        data: { title, lead: `${title}.`, timezone: 'WITA', category: category.documentId },
      } as never)
    ).documentId as string;
  documentId = await create(TITLE);
  other = await create('Harga Ikan di Pelelangan Paotere Turun');
  const editorRole = await app.strapi.db.query('admin::role').findOne({ where: { code: 'strapi-editor' } });
  await app.strapi.service('admin::user').create({
    ...EDITOR,
    firstname: 'Editor',
    lastname: 'Jadwal',
    isActive: true,
    roles: [editorRole.id],
  });
  browser = await launchChromium();
  // A browser in Jakarta: the article is in WITA, an hour ahead; the inputs must read WITA anyway.
  const context = await browser.newContext({ viewport: { width: 1440, height: 1100 }, timezoneId: 'Asia/Jakarta' });
  page = await context.newPage();
  await page.goto(`${app.baseUrl}/admin/auth/login`);
  await page.waitForSelector('input[name="email"]', { timeout: 60_000 });
  await page.fill('input[name="email"]', EDITOR.email);
  await page.fill('input[name="password"]', EDITOR.password);
  await page.click('button[type="submit"]');
  await page.waitForURL(/\/admin(\/)?$/, { timeout: 60_000 });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('scheduling an article in WITA', () => {
  // The next whole minute at least 75 s away: time for the steps below before the scheduler fires.
  const publishAt = new Date(Math.ceil((Date.now() + 75_000) / 60_000) * 60_000);
  const wall = witaWallTime(publishAt);

  test('the editor types the time in WITA, sees it in full with its zone, and saves', async () => {
    await page.goto(
      `${app.baseUrl}/admin/content-manager/collection-types/api::article.article/${documentId}?plugins[i18n][locale]=id`
    );
    await page
      .locator('input[name="publishAt.date"]')
      .waitFor({ timeout: 60_000 })
      .catch(async (error) => {
        await shot('failed-schedule-edit-view');
        throw error;
      });
    expect(await page.innerText('main')).toContain('Terbitkan pada');
    // A redaktur's scheduled publish meets the approval rule at its time: approve first, as the desk does.
    await page.getByTestId('workflow-approve-ready').click({ timeout: 60_000 });
    await page.getByTestId('workflow-stage').filter({ hasText: 'Siap Terbit' }).waitFor({ timeout: 30_000 });
    await page.fill('input[name="publishAt.date"]', wall.date);
    await page.fill('input[name="publishAt.time"]', wall.time);
    await expect(page.getByTestId('publishAt-zoned').innerText()).resolves.toMatch(
      new RegExp(`^\\w+, \\d{1,2} \\w+ \\d{4} ${wall.time} WITA$`)
    );
    await page.getByRole('button', { name: 'Simpan', exact: true }).click();
    await page
      .getByText(/tersimpan/i)
      .first()
      .waitFor({ timeout: 30_000 });
    await shot('schedule-edit-view-wita');
    const [draft] = await app.strapi.plugin('newsroom').service('schedule').drafts(documentId, 'id');
    expect(draft.schedule.publishAt.toISOString()).toBe(publishAt.toISOString());
  });

  test('the list says "Terjadwal" with the WITA time, and "Terjadwal saja" lists only it', async () => {
    await page.goto(`${app.baseUrl}${ARTICLE_LIST}`);
    const badge = page.getByTestId('newsroom-schedule-badge');
    await badge
      .first()
      .waitFor({ timeout: 60_000 })
      .catch(async (error) => {
        await shot('failed-schedule-list');
        throw error;
      });
    // The day is named when the time falls on another day in WITA than now (a run near midnight WITA).
    const texts = await badge.allInnerTexts();
    expect(texts).toHaveLength(1);
    if (witaWallTime(new Date()).date === wall.date) expect(texts[0]).toBe(`Terjadwal ${wall.time} WITA`);
    else expect(texts[0]).toMatch(new RegExp(`^Terjadwal ${Number(wall.date.slice(8))} \\w+ ${wall.time} WITA$`));
    await page.getByRole('button', { name: 'Terjadwal saja' }).click();
    await page.getByRole('button', { name: 'Semua artikel' }).waitFor({ timeout: 30_000 });
    await page.waitForFunction((title) => !document.body.innerText.includes(title), 'Harga Ikan di Pelelangan');
    const main = await page.innerText('main');
    expect(main).toContain(TITLE);
    expect(main).not.toContain('Harga Ikan di Pelelangan');
    await shot('schedule-list-filtered');
    expect(other).toBeTruthy();
  });

  test('the admin home lists it under "Terbit 24 jam ke depan"', async () => {
    await page.goto(`${app.baseUrl}/admin`);
    const widget = page.getByTestId('newsroom-upcoming');
    await widget.waitFor({ timeout: 60_000 }).catch(async (error) => {
      await shot('failed-schedule-home');
      throw error;
    });
    const text = await widget.innerText();
    expect(text).toContain(TITLE);
    expect(text).toContain(`${wall.time} WITA`);
    // Widget titles are upper-cased by CSS.
    expect(await page.innerText('main')).toMatch(/Terbit 24 jam ke depan/i);
    await shot('schedule-home-widget');
  });

  test('the article is public once its time has come, dated at that time', async () => {
    expect((await fetch(`${app.baseUrl}/api/articles/${documentId}?locale=id`)).status).toBe(404);
    await eventually(
      async () => (await fetch(`${app.baseUrl}/api/articles/${documentId}?locale=id`)).status === 200,
      Math.max(0, publishAt.getTime() - Date.now()) + 30_000
    );
    const body = await (await fetch(`${app.baseUrl}/api/articles/${documentId}?locale=id`)).json();
    expect(body.data.datePublished).toBe(publishAt.toISOString());
    expect(Date.now() - publishAt.getTime()).toBeLessThan(30_000);
  }, 240_000);
});
