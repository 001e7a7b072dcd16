// Guards the public feeds: Google News sitemap, sitemap index and per-locale sitemaps (articles,
// categories, tags, authors), RSS per locale and per category. Every sitemap is validated against the
// published sitemaps.org and Google News XSDs, also on an empty database; RSS against RSS 2.0's required
// elements. Published content only, the right locale only (sentinels), escaping, lastmod from the last
// update, cache headers and conditional GETs.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { useStrapi } from './helpers/strapi';
import { createNewsFixture, paragraph, SENTINELS } from './helpers/fixtures';
import { sitemapSchemaErrors } from './helpers/xsd';
import { ARTICLE_UID as ARTICLE } from '../src/constants';

const SITE = 'https://warta.example';

const story: Record<string, any> = {};

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['url', 'item', 'sitemap', 'xhtml:link', 'dc:creator', 'category'].includes(name),
});
const docs = (uid: string) => app.strapi.documents(uid as any) as any;

const EMPTY_DATABASE_PATHS = [
  '/sitemap.xml',
  '/sitemap-news.xml',
  '/sitemap-news/id.xml',
  '/sitemap-news/en.xml',
  ...['id', 'en'].flatMap((locale) =>
    ['articles', 'categories', 'tags', 'authors'].map((kind) => `/sitemaps/${locale}/${kind}-1.xml`)
  ),
  '/rss/id.xml',
  '/rss/en.xml',
];
/** The feeds as the first request after a fresh install sees them, before any content exists. */
const emptyDatabase: Record<string, { status: number; text: string }> = {};

const getText = (path: string) =>
  app
    .request()
    .get(path)
    .buffer(true)
    .parse((response, callback) => {
      let data = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (data += chunk));
      response.on('end', () => callback(null, data));
    });

/** RSS 2.0's required elements (https://www.rssboard.org/rss-specification), and the atom:link rel=self feed readers want. */
function expectRss2(doc: any, text: string) {
  expect(doc.rss['@version']).toBe('2.0');
  const channel = doc.rss.channel;
  for (const required of ['title', 'link', 'description']) expect(String(channel[required] ?? '').trim()).not.toBe('');
  expect(channel.link).toMatch(/^https?:\/\//);
  expect(text).toContain('xmlns:atom="http://www.w3.org/2005/Atom"');
  expect(channel['atom:link']).toMatchObject({
    '@rel': 'self',
    '@type': 'application/rss+xml',
    '@href': expect.stringMatching(/^https?:\/\/.+\.xml$/),
  });
  for (const item of channel.item ?? []) expect(String(item.title ?? item.description ?? '').trim()).not.toBe('');
}

/** GETs an XML feed, checks it is valid XML (a sitemap: valid against its XSD) with a cache policy, and parses it. */
async function xml(path: string, { englishFeed = /\/(en)[./]|sitemap-news\.xml|sitemap\.xml/.test(path) } = {}) {
  const res = await getText(path);
  expect(res.status).toBe(200);
  expect(XMLValidator.validate(res.body)).toBe(true);
  if (!path.startsWith('/rss/')) expect(await sitemapSchemaErrors(res.body)).toEqual([]);
  expect(res.headers['cache-control']).toMatch(/^public, max-age=\d+, stale-while-revalidate=\d+$/);
  // The English-only story is published in English: it belongs in English feeds, never in Indonesian ones.
  for (const [name, sentinel] of Object.entries(SENTINELS))
    if (!(englishFeed && name === 'enOnly')) expect(res.body).not.toContain(sentinel);
  return { res, text: res.body as string, doc: parser.parse(res.body) };
}

const { app, fixture } = useStrapi({
  env: { WARTA_SITE_URL: SITE, WARTA_PUBLICATION_NAME: 'Warta & Kawan' },
  fixture: async (strapi) => {
    for (const path of EMPTY_DATABASE_PATHS) {
      const res = await getText(path);
      emptyDatabase[path] = { status: res.status, text: res.body };
    }
    return createNewsFixture(strapi);
  },
});

beforeAll(async () => {
  const hourAgo = new Date(Date.now() - 3600 * 1000).toISOString();
  story.fresh = await docs(ARTICLE).create({
    locale: 'id',
    status: 'published',
    data: {
      title: 'Banjir <Jakarta> & "Bekasi" Surut',
      lead: 'Air surut di Jakarta & Bekasi <pagi ini>.',
      body: [paragraph('Banjir surut.')],
      category: fixture.internasional.documentId,
      tags: [fixture.korut.documentId],
      authors: [fixture.salsabila.documentId],
      cover: fixture.cover.documentId,
      datePublished: hourAgo,
    },
  });
  await docs(ARTICLE).update({
    documentId: story.fresh.documentId,
    locale: 'en',
    status: 'published',
    data: {
      title: 'Jakarta Floods Recede',
      category: fixture.internasional.documentId,
      datePublished: hourAgo,
      body: [paragraph('Floods recede.')],
    },
  });
  // A fresh draft: never in any feed.
  await docs(ARTICLE).create({
    locale: 'id',
    data: { title: `Draf baru ${SENTINELS.draft}`, category: fixture.news.documentId, datePublished: hourAgo },
  });
  // Three days old: out of the news sitemap, still in the normal sitemap and RSS.
  story.old = await docs(ARTICLE).create({
    locale: 'id',
    status: 'published',
    data: {
      title: 'Berita Tiga Hari Lalu',
      category: fixture.news.documentId,
      datePublished: new Date(Date.now() - 72 * 3600 * 1000).toISOString(),
    },
  });
  await app.strapi.plugin('newsroom').service('related-news').idle();
});

describe('the schemas themselves', () => {
  // The validator must be able to fail: the empty <urlset/> Warta used to serve, and a news entry without its title.
  test.each([
    [
      'an empty urlset',
      '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>',
      'Missing child element(s). Expected is one of ( ##other{http://www.sitemaps.org/schemas/sitemap/0.9}*, {http://www.sitemaps.org/schemas/sitemap/0.9}url )',
    ],
    [
      'a news entry without news:title',
      '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>https://warta.example/read/id/a</loc><news:news><news:publication><news:name>W</news:name><news:language>id</news:language></news:publication><news:publication_date>2023-10-27T17:33:00+07:00</news:publication_date></news:news></url></urlset>',
      'Expected is ( {http://www.google.com/schemas/sitemap-news/0.9}title )',
    ],
    [
      'a url without loc',
      '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><lastmod>2023-10-27</lastmod></url></urlset>',
      'This element is not expected. Expected is ( {http://www.sitemaps.org/schemas/sitemap/0.9}loc )',
    ],
    [
      'an hreflang link without href',
      '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml"><url><loc>https://warta.example/read/id/a</loc><xhtml:link rel="alternate" hreflang="en"/></url></urlset>',
      "The attribute 'href' is required but missing",
    ],
    [
      'an empty sitemap index',
      '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></sitemapindex>',
      'Missing child element(s)',
    ],
  ])('reject %s', async (_name, document, message) => {
    const errors = await sitemapSchemaErrors(document);
    expect(errors.join('\n')).toContain(message);
  });
});

describe('on an empty database', () => {
  test.each(EMPTY_DATABASE_PATHS.filter((path) => !path.startsWith('/rss/')))('%s is a valid sitemap', async (path) => {
    const { status, text } = emptyDatabase[path];
    expect(status).toBe(200);
    expect(await sitemapSchemaErrors(text)).toEqual([]);
  });

  test('the news sitemaps and empty sitemap pages list the front pages, the index only the news sitemaps', () => {
    const locs = (path: string) =>
      [].concat(parser.parse(emptyDatabase[path].text).urlset.url).map((url: any) => url.loc);
    expect(locs('/sitemap-news.xml')).toEqual([`${SITE}/read/id`, `${SITE}/read/en`]);
    expect(locs('/sitemap-news/en.xml')).toEqual([`${SITE}/read/en`]);
    expect(locs('/sitemaps/id/articles-1.xml')).toEqual([`${SITE}/read/id`]);
    expect(emptyDatabase['/sitemap-news.xml'].text).not.toContain('<news:news>');
    const index = parser.parse(emptyDatabase['/sitemap.xml'].text).sitemapindex.sitemap.map((entry: any) => entry.loc);
    expect(index).toEqual([`${SITE}/sitemap-news/id.xml`, `${SITE}/sitemap-news/en.xml`]);
  });

  test.each(['/rss/id.xml', '/rss/en.xml'])('%s is RSS 2.0 with no items', (path) => {
    const { status, text } = emptyDatabase[path];
    expect(status).toBe(200);
    expect(XMLValidator.validate(text)).toBe(true);
    const doc = parser.parse(text);
    expectRss2(doc, text);
    expect(doc.rss.channel.item).toBeUndefined();
  });
});

describe('Google News sitemap', () => {
  describe('GET /sitemap-news.xml', () => {
    test('lists the last 48 hours of every locale with publication name, language and zoned date', async () => {
      const { doc, text } = await xml('/sitemap-news.xml');
      const urls = doc.urlset.url;
      const enOnly = await docs(ARTICLE).findOne({
        documentId: fixture.enOnly.documentId,
        locale: 'en',
        status: 'published',
      });
      // The fixture's 2023 article and the three-day-old one are out; the drafts never in.
      expect(urls.map((url: any) => url.loc).sort()).toEqual(
        [
          `${SITE}/read/en/jakarta-floods-recede`,
          `${SITE}/read/id/${story.fresh.slug}`,
          `${SITE}/read/id/${fixture.edited.slug}`,
          `${SITE}/read/en/${enOnly.slug}`,
        ].sort()
      );
      const id = urls.find((url: any) => url.loc === `${SITE}/read/id/${story.fresh.slug}`);
      expect(id['news:news']['news:publication']).toEqual({ 'news:name': 'Warta & Kawan', 'news:language': 'id' });
      expect(id['news:news']['news:title']).toBe('Banjir <Jakarta> & "Bekasi" Surut');
      expect(id['news:news']['news:publication_date']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$/);
      expect(id.lastmod).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(
        urls.find((url: any) => url.loc.includes('/read/en/jakarta'))['news:news']['news:publication']['news:language']
      ).toBe('en');
      expect(text).toContain('Banjir &lt;Jakarta&gt; &amp; &quot;Bekasi&quot; Surut');
      expect(text).toContain('<news:name>Warta &amp; Kawan</news:name>');
    });

    test('has a per-locale version, and an unknown locale is a 404', async () => {
      const { doc } = await xml('/sitemap-news/en.xml');
      const locs = doc.urlset.url.map((url: any) => url.loc);
      expect(locs).toContain(`${SITE}/read/en/jakarta-floods-recede`);
      expect(locs).toHaveLength(2);
      expect(locs.every((loc: string) => loc.startsWith(`${SITE}/read/en/`))).toBe(true);
      const bad = await app.request().get('/sitemap-news/fr.xml');
      expect(bad.status).toBe(404);
      expect(bad.body.error.message).toBe('Bahasa "fr" tidak dikenal. (Unknown locale.)');
    });
  });
});

describe('sitemaps', () => {
  test('GET /sitemap.xml indexes each locale article, category, tag, author and news sitemap', async () => {
    const { doc } = await xml('/sitemap.xml');
    const locs = doc.sitemapindex.sitemap.map((entry: any) => entry.loc);
    for (const locale of ['id', 'en']) {
      for (const kind of ['articles', 'categories', 'tags', 'authors'])
        expect(locs).toContain(`${SITE}/sitemaps/${locale}/${kind}-1.xml`);
      expect(locs).toContain(`${SITE}/sitemap-news/${locale}.xml`);
    }
    const articles = doc.sitemapindex.sitemap.find((entry: any) => entry.loc === `${SITE}/sitemaps/id/articles-1.xml`);
    expect(articles.lastmod).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  test('the article sitemap lists published articles of its locale with hreflang alternates and lastmod', async () => {
    const { doc } = await xml('/sitemaps/id/articles-1.xml');
    const urls = doc.urlset.url;
    const locs = urls.map((url: any) => url.loc);
    expect(locs).toContain(`${SITE}/read/id/${fixture.published.slug}`);
    expect(locs).toContain(`${SITE}/read/id/${story.old.slug}`);
    expect(locs).toContain(`${SITE}/read/id/${fixture.edited.slug}`);
    expect(locs).toHaveLength(4);
    const translated = urls.find((url: any) => url.loc === `${SITE}/read/id/${fixture.published.slug}`);
    expect(translated['xhtml:link'].map((link: any) => link['@hreflang'])).toEqual(['id', 'en']);
    const published = await docs(ARTICLE).findOne({
      documentId: fixture.published.documentId,
      locale: 'id',
      status: 'published',
    });
    expect(translated.lastmod).toBe(new Date(published.updatedAt).toISOString());
    const en = (await xml('/sitemaps/en/articles-1.xml')).doc.urlset.url.map((url: any) => url.loc);
    expect(en).toHaveLength(3);
    expect(en.every((loc: string) => loc.startsWith(`${SITE}/read/en/`))).toBe(true);
  });

  test('category and tag sitemaps point at the reader list pages', async () => {
    const categories = (await xml('/sitemaps/id/categories-1.xml')).doc.urlset.url.map((url: any) => url.loc);
    expect(categories.sort()).toEqual([`${SITE}/read/id/kategori/internasional`, `${SITE}/read/id/kategori/news`]);
    const tags = (await xml('/sitemaps/en/tags-1.xml')).doc.urlset.url;
    expect(tags.map((url: any) => url.loc)).toEqual([`${SITE}/read/en/tag/north-korea`]);
    expect(tags[0]['xhtml:link'].map((link: any) => link['@href'])).toEqual([
      `${SITE}/read/en/tag/north-korea`,
      `${SITE}/read/id/tag/korea-utara`,
    ]);
  });

  test('the author sitemap points at the author pages, with the other locale as alternate', async () => {
    const urls = (await xml('/sitemaps/id/authors-1.xml')).doc.urlset.url;
    expect(urls.map((url: any) => url.loc).sort()).toEqual([
      `${SITE}/read/id/penulis/salsabila-fitirah-puteri`,
      `${SITE}/read/id/penulis/susi-susanti`,
    ]);
    const salsabila = urls.find((url: any) => url.loc.endsWith('/salsabila-fitirah-puteri'));
    expect(salsabila['xhtml:link'].map((link: any) => link['@href'])).toEqual([
      `${SITE}/read/id/penulis/salsabila-fitirah-puteri`,
      `${SITE}/read/en/penulis/salsabila-fitirah-puteri`,
    ]);
    expect(salsabila.lastmod).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  test('pages split the URLs without loss or overlap, each with its own translations', async () => {
    const feeds = app.strapi.plugin('newsroom').service('feeds');
    const all = await feeds.sitemapPage('articles', 'id', 1, ['id', 'en']);
    expect(await feeds.sitemapSummary('articles', 'id', 3)).toMatchObject({ pages: Math.ceil(all.length / 3) });
    const pages = [];
    for (let page = 1; ; page += 1) {
      const urls = await feeds.sitemapPage('articles', 'id', page, ['id', 'en'], 3);
      if (!urls) break;
      expect(urls.length).toBeLessThanOrEqual(3);
      pages.push(...urls);
    }
    expect(pages).toEqual(all);
  });

  test('a bad sitemap name, an empty page or an unknown locale is a 404', async () => {
    expect((await app.request().get('/sitemaps/id/articles-2.xml')).status).toBe(404);
    expect((await app.request().get('/sitemaps/id/people-1.xml')).status).toBe(404);
    expect((await app.request().get('/sitemaps/fr/articles-1.xml')).status).toBe(404);
  });
});

describe('RSS', () => {
  test('GET /rss/id.xml is RSS 2.0 of the latest published Indonesian articles', async () => {
    const { doc, res, text } = await xml('/rss/id.xml');
    expect(res.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    expectRss2(doc, text);
    const channel = doc.rss.channel;
    expect(doc.rss['@version']).toBe('2.0');
    expect(channel.title).toBe('Warta & Kawan');
    expect(channel.language).toBe('id-ID');
    expect(channel['atom:link']['@href']).toBe(`${SITE}/rss/id.xml`);
    // Newest first: the edited article was published just now, the flood story an hour ago.
    const titles = channel.item.map((item: any) => item.title);
    expect(titles).toEqual([
      'Harga Beras Stabil Menjelang Akhir Tahun',
      'Banjir <Jakarta> & "Bekasi" Surut',
      'Berita Tiga Hari Lalu',
      'AS, Korsel dan Jepang Kecam Pasokan Amunisi Korea Utara ke Rusia',
    ]);
    const fresh = channel.item[1];
    expect(fresh.link).toBe(`${SITE}/read/id/${story.fresh.slug}`);
    expect(fresh.guid['#text']).toBe(fresh.link);
    expect(new Date(fresh.pubDate).getTime()).toBe(
      Math.floor(new Date(story.fresh.datePublished).getTime() / 1000) * 1000
    );
    expect(fresh['dc:creator']).toEqual(['Salsabila Fitirah Puteri']);
    expect(fresh.category).toEqual(['Internasional']);
    expect(fresh['media:content']['@url']).toMatch(/^https:\/\/warta\.example\/uploads\//);
    expect(fresh.description).toBe('Air surut di Jakarta & Bekasi <pagi ini>.');
    expect(new Date(channel.lastBuildDate).getTime()).toBeGreaterThan(0);
  });

  test('GET /rss/:locale/:category.xml includes the subcategories and stays in its locale', async () => {
    const newsFeed = await xml('/rss/id/news.xml');
    expectRss2(newsFeed.doc, newsFeed.text);
    const news = newsFeed.doc.rss.channel;
    expect(news.title).toBe('Warta & Kawan - News');
    expect(news.link).toBe(`${SITE}/read/id/kategori/news`);
    expect(news.item.map((item: any) => item.link)).toContain(`${SITE}/read/id/${fixture.published.slug}`);
    const international = (await xml('/rss/en/international.xml')).doc.rss.channel;
    expect(international.item.every((item: any) => item.link.startsWith(`${SITE}/read/en/`))).toBe(true);
    expect(international.item).toHaveLength(3);
  });

  test('an unknown locale or category is a 404 with a clear message', async () => {
    const locale = await app.request().get('/rss/fr.xml');
    expect(locale.status).toBe(404);
    expect(locale.body.error.message).toBe('Bahasa "fr" tidak dikenal. (Unknown locale.)');
    const category = await app.request().get('/rss/id/olahraga.xml');
    expect(category.status).toBe(404);
    expect(category.body.error.message).toContain('(Unknown category.)');
    expect((await app.request().get('/rss/id/internasional.json')).status).toBe(404);
  });

  test('a client with a fresh copy gets 304', async () => {
    const first = await app.request().get('/rss/id.xml');
    expect(first.headers.etag).toBeTruthy();
    expect(first.headers['last-modified']).toBeTruthy();
    const again = await app.request().get('/rss/id.xml').set('If-None-Match', first.headers.etag);
    expect(again.status).toBe(304);
  });

  test('unpublishing removes an article from every feed at once', async () => {
    await docs(ARTICLE).unpublish({ documentId: story.old.documentId, locale: 'id' });
    await app.strapi.plugin('newsroom').service('related-news').idle();
    for (const path of ['/rss/id.xml', '/rss/id/news.xml', '/sitemaps/id/articles-1.xml']) {
      expect((await xml(path)).text).not.toContain(story.old.slug);
    }
  });
});
