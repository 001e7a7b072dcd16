// Guards Warta's reader page in a real Chromium: the seed article's page shows everything a reader of
// seed-article.txt sees (title, byline, cover with caption and credit, dateline, body, editor sign-off,
// WhatsApp block, tags, Berita Terkait, font-size controls), the font size switches, the `en` alternate
// leads to the English edition, and the JSON-LD carries what Google needs. Screenshots in test-artifacts/.
import fs from 'fs';
import path from 'path';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser';
import { startStrapi, type TestApp } from '../helpers/strapi';

const ARTIFACTS = path.join(__dirname, '..', '..', 'test-artifacts');
const TITLE = 'Update Perang Rusia Ukraina: AS, Korsel dan Jepang Kecam Pasokan Amunisi Korea Utara ke Rusia';
const CHANNEL = 'https://whatsapp.com/channel/0029VaFh4bQ9Bb5ypnHA5G1v';
const ADMIN = { email: 'pratinjau@warta.example', password: 'RahasiaRedaksi2024!' };
const DRAFT_LEAD = 'Suntingan draf yang hanya terlihat di pratinjau.';

let app: TestApp;
let browser: Browser;
let page: Page;
let slug: string;
let documentId: string;
let englishSlug: string;
let previewPath: string;
const consoleErrors: string[] = [];

// jest's expect, not Playwright's: wait for the element, then read it.
async function textOf(locator: Locator): Promise<string> {
  await locator.waitFor({ state: 'visible', timeout: 10_000 });
  return ((await locator.textContent()) ?? '').trim();
}
async function attributeOf(locator: Locator, name: string): Promise<string | null> {
  await locator.first().waitFor({ state: 'attached', timeout: 10_000 });
  return locator.first().getAttribute(name);
}

beforeAll(async () => {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  app = await startStrapi({}, { listen: true });
  // Links on the page must lead back to this test server.
  app.strapi.config.set('plugin::newsroom.siteUrl', app.baseUrl);
  const { seedDemoContent } = require(path.join(__dirname, '..', '..', 'dist', 'src', 'seed'));
  await seedDemoContent(app.strapi);
  await app.strapi
    .plugin('newsroom')
    .service('whatsapp-follow')
    .updateSettings({ id: { enabled: true, channelUrl: CHANNEL, channelName: 'Warta' } });
  await app.strapi.plugin('newsroom').service('related-news').idle();
  const [article] = await app.strapi
    .documents('api::article.article')
    .findMany({ locale: 'id', status: 'published', filters: { title: TITLE } } as any);
  slug = article.slug;
  documentId = article.documentId;
  englishSlug = (
    await app.strapi.documents('api::article.article').findOne({ documentId, locale: 'en', status: 'published' } as any)
  ).slug;
  const previewUrl = new URL(
    await app.strapi
      .plugin('newsroom')
      .service('preview')
      .url('api::article.article', { documentId, locale: 'id', status: 'draft' })
  );
  previewPath = `${previewUrl.pathname}${previewUrl.search}`;
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1280, height: 1000 } })).newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('reader page in Chromium', () => {
  test('the seed article page shows every part of the real page', async () => {
    const response = await page.goto(`${app.baseUrl}/read/id/${slug}`);
    expect(response?.status()).toBe(200);
    expect(await textOf(page.locator('h1'))).toBe(TITLE);
    const visible = [
      page.locator('.byline', { hasText: 'Salsabila Fitirah Puteri, Jurnalis - Jumat, 27 Oktober 2023 | 17:33 WIB' }),
      page.locator('.cover img'),
      page.locator('.cover figcaption', { hasText: 'Korea Selatan (Korsel), AS, dan Jepang mengecam Korea Utara' }),
      page.locator('.cover .credit', { hasText: '(Foto: Reuters)' }),
      page.locator('.dateline', { hasText: 'MOSKOW' }),
      page.locator('.body p', { hasText: 'Pada hari Kamis (26/10/2023), angkatan laut Korea Selatan' }),
      page.locator('.editor', { hasText: 'Editor: Susi Susanti' }),
      page.locator('.whatsapp', { hasText: 'Ikuti Saluran WhatsApp Warta' }),
      page.locator('.tags a', { hasText: 'Korea Utara' }),
      page.getByRole('heading', { name: 'Berita Terkait' }),
      page.locator('.related li a').first(),
      page.getByRole('group', { name: 'Ukuran huruf' }),
      page.locator('.crumbs a', { hasText: 'News' }),
    ];
    for (const locator of visible) {
      await locator.waitFor({ state: 'visible', timeout: 10_000 });
      expect(await locator.isVisible()).toBe(true);
    }
    expect(
      await page.locator('.cover img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)
    ).toBe(true);
    expect(await attributeOf(page.locator('link[rel="canonical"]'), 'href')).toBe(`${app.baseUrl}/read/id/${slug}`);
    expect(await page.locator('link[rel="alternate"][hreflang="en"]').count()).toBe(1);
    expect(await page.locator('meta[property="og:image"]').count()).toBe(1);
    await page.screenshot({ path: path.join(ARTIFACTS, 'reader-article-id.png'), fullPage: true });
  });

  test('the JSON-LD is a NewsArticle with headline, image, a +07:00 datePublished, author and publisher', async () => {
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
    expect(jsonLd['@type']).toBe('NewsArticle');
    expect(jsonLd.headline).toBe(TITLE);
    expect(jsonLd.image[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/uploads\/.+/);
    // Google's three ratios, the seed cover's crops.
    expect(jsonLd.image.map((url: string) => /\/uploads\/crop_(16x9|4x3|1x1)_/.exec(url)?.[1])).toEqual([
      '16x9',
      '4x3',
      '1x1',
    ]);
    expect(jsonLd.datePublished).toBe('2023-10-27T17:33:00+07:00');
    expect(jsonLd.author).toEqual([expect.objectContaining({ '@type': 'Person', name: 'Salsabila Fitirah Puteri' })]);
    expect(jsonLd.publisher).toMatchObject({ '@type': 'NewsMediaOrganization', name: 'Warta' });
  });

  test('the font-size buttons enlarge and shrink the text, and the choice survives a reload', async () => {
    const size = () =>
      page
        .locator('.body p')
        .first()
        .evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
    const normal = await size();
    await page.getByRole('button', { name: 'A (huruf besar)', exact: true }).click();
    const large = await size();
    expect(large).toBeGreaterThan(normal);
    expect(await attributeOf(page.getByRole('button', { name: 'A (huruf besar)', exact: true }), 'aria-pressed')).toBe(
      'true'
    );
    await page.reload();
    expect(await size()).toBe(large);
    await page.getByRole('button', { name: 'A (huruf kecil)', exact: true }).click();
    expect(await size()).toBeLessThan(normal);
    await page.getByRole('button', { name: 'A (huruf sedang)', exact: true }).click();
    expect(await size()).toBe(normal);
  });

  test('each font-size button shows "A" and its accessible name starts with it (WCAG 2.5.3 label in name)', async () => {
    const buttons = page.locator('.font-size button');
    // What is seen: the "A" itself; the size is in a 1x1 px clipped span (innerText would count it).
    const seen = await buttons.evaluateAll((all) =>
      all.map((button) => {
        const hidden = button.querySelector('.visually-hidden')!.getBoundingClientRect();
        return { text: button.firstChild?.textContent, hidden: hidden.width <= 1 && hidden.height <= 1 };
      })
    );
    expect(seen).toEqual([
      { text: 'A', hidden: true },
      { text: 'A', hidden: true },
      { text: 'A', hidden: true },
    ]);
    // Chromium's accessibility tree: the names a screen reader and voice control get.
    expect(await page.locator('.font-size').ariaSnapshot()).toBe(
      [
        '- group "Ukuran huruf":',
        '  - button "A (huruf kecil)"',
        '  - button "A (huruf sedang)" [pressed]',
        '  - button "A (huruf besar)"',
      ].join('\n')
    );
  });

  test('the editor sign-off is visible text a screen reader reads, not an ARIA label', async () => {
    const editor = page.locator('.body .editor');
    expect(await textOf(editor)).toBe('Editor: Susi Susanti');
    expect(await editor.getAttribute('aria-label')).toBeNull();
  });

  test('the en alternate leads to the English edition', async () => {
    await page.locator('header a[data-alternate="en"]').click();
    await page.waitForURL(/\/read\/en\//);
    expect(await attributeOf(page.locator('html'), 'lang')).toBe('en');
    expect(await textOf(page.locator('h1'))).toBe(
      'Russia-Ukraine War Update: US, South Korea and Japan Condemn North Korean Ammunition Supplies to Russia'
    );
    expect(await textOf(page.locator('.cover .credit'))).toBe('(Photo: Reuters)');
    expect(await textOf(page.locator('.byline'))).toContain(
      'Salsabila Fitirah Puteri, Journalist - Friday, 27 October 2023 | 17:33 WIB'
    );
    expect(await textOf(page.getByRole('group', { name: 'Text size' })).then(() => true)).toBe(true);
    expect(await attributeOf(page.locator('link[rel="alternate"][hreflang="id"]'), 'href')).toBe(
      `${app.baseUrl}/read/id/${slug}`
    );
    await page.screenshot({ path: path.join(ARTIFACTS, 'reader-article-en.png'), fullPage: true });
  });

  test('no script or style was blocked and nothing failed in the console', () => {
    expect(consoleErrors).toEqual([]);
  });
});

// axe-core's rules for WCAG 2.0/2.1 A and AA and its best practices, plus label-in-name (WCAG 2.5.3), which
// axe ships as experimental and therefore only runs when asked for by name.
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

async function axeViolations(target: Page, url: string) {
  const response = await target.goto(url);
  expect(response?.status()).toBe(200);
  await target.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  return target.evaluate(async (tags) => {
    const result = await (window as any).axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      rules: { 'label-content-name-mismatch': { enabled: true } },
    });
    return result.violations.map((violation: any) => ({
      rule: violation.id,
      help: violation.help,
      nodes: violation.nodes.map((node: any) => `${node.target.join(' ')}: ${node.failureSummary}`),
    }));
  }, AXE_TAGS);
}

describe('reader pages pass axe-core (WCAG 2.1 A/AA and best practices)', () => {
  let axePage: Page;

  beforeAll(async () => {
    // Playwright injects axe as an inline script, which the page's nonce CSP rightly refuses: this context
    // alone bypasses it (the tests above check the CSP in a normal one).
    axePage = await (await browser.newContext({ viewport: { width: 1280, height: 1000 }, bypassCSP: true })).newPage();
  });
  afterAll(async () => {
    await axePage?.context().close();
  });

  test.each([
    ['the Indonesian article', () => `/read/id/${slug}`],
    ['the English article', () => `/read/en/${englishSlug}`],
    ['the home page', () => '/read/id'],
    ['a category page', () => '/read/id/kategori/news'],
    ['the preview page', () => previewPath],
  ])('%s has no violations', async (_name, path) => {
    expect(await axeViolations(axePage, `${app.baseUrl}${path()}`)).toEqual([]);
  });
});

describe('Preview button in the content manager', () => {
  test('opens the draft in the reader page, while the public page keeps the published version', async () => {
    await app.strapi
      .documents('api::article.article')
      .update({ documentId, locale: 'id', data: { lead: DRAFT_LEAD } } as any);
    const superAdmin = await app.strapi.db.query('admin::role').findOne({ where: { code: 'strapi-super-admin' } });
    await app.strapi
      .service('admin::user')
      .create({ ...ADMIN, firstname: 'Redaktur', lastname: 'Pelaksana', isActive: true, roles: [superAdmin.id] });
    const editor = await (await browser.newContext({ viewport: { width: 1440, height: 1000 } })).newPage();
    await editor.goto(`${app.baseUrl}/admin/auth/login`);
    await editor.waitForSelector('input[name="email"]', { timeout: 60_000 });
    await editor.fill('input[name="email"]', ADMIN.email);
    await editor.fill('input[name="password"]', ADMIN.password);
    await editor.click('button[type="submit"]');
    await editor.waitForURL(/\/admin(\/)?$/, { timeout: 60_000 });
    await editor.goto(
      `${app.baseUrl}/admin/content-manager/collection-types/api::article.article/${documentId}?plugins[i18n][locale]=id`
    );
    const open = editor
      .getByRole('link', { name: 'Buka pratinjau' })
      .or(editor.getByRole('button', { name: 'Buka pratinjau' }));
    await open
      .first()
      .waitFor({ timeout: 60_000 })
      .catch(async (error) => {
        await editor.screenshot({ path: path.join(ARTIFACTS, 'failed-preview-button.png') });
        throw error;
      });
    await open.first().click();
    const frameElement = editor.locator('iframe').first();
    await frameElement.waitFor({ timeout: 60_000 });
    const src = await frameElement.getAttribute('src');
    expect(src).toMatch(/\/read\/preview\?token=/);
    const frame = editor.frameLocator('iframe').first();
    await frame.locator('h1').waitFor({ timeout: 30_000 });
    expect(((await frame.locator('h1').textContent()) ?? '').trim()).toBe(TITLE);
    await frame.locator('.preview[role="status"]').waitFor();
    await editor.screenshot({ path: path.join(ARTIFACTS, 'reader-preview-in-admin.png') });

    // The draft's new lead is in the preview page, not on the public page.
    const preview = await (await fetch(new URL(src!, app.baseUrl!))).text();
    expect(preview).toContain(DRAFT_LEAD);
    const publicPage = await (await fetch(`${app.baseUrl}/read/id/${slug}`)).text();
    expect(publicPage).not.toContain(DRAFT_LEAD);
    // A link with a tampered signature is refused.
    const tampered = new URL(src!, app.baseUrl!);
    const [claims, signature] = tampered.searchParams.get('token')!.split('.');
    tampered.searchParams.set('token', `${claims}.${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`);
    expect((await fetch(tampered)).status).toBe(401);
    await editor.context().close();
  });
});
