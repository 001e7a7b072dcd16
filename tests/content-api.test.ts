// Guards the public content contract frontends code against: the five content types over REST and
// GraphQL in id and en with their relations, and that the Public role reads published content only.
import { useStrapi } from './helpers/strapi';
import { createNewsFixture } from './helpers/fixtures';
import { ARTICLE_UID } from '../src/constants';

const FULL_POPULATE =
  'populate[authors]=true&populate[editor]=true&populate[category][populate][parent]=true&populate[tags]=true&populate[cover][populate][image]=true';

const { app, fixture } = useStrapi({ fixture: createNewsFixture });

beforeAll(async () => {});

const graphql = (query: string, variables: Record<string, unknown> = {}) =>
  app.request().post('/graphql').send({ query, variables });

describe('REST articles', () => {
  test('lists published Indonesian articles newest first when no locale or sort is given', async () => {
    const res = await app.request().get('/api/articles');
    expect(res.status).toBe(200);
    expect(res.body.meta.pagination).toMatchObject({ page: 1, pageSize: 25, total: 2 });
    const titles = res.body.data.map((article: any) => article.title);
    // The rice story was published just now; the ammunition story carries its 2023 datePublished.
    expect(titles).toEqual([
      'Harga Beras Stabil Menjelang Akhir Tahun',
      'AS, Korsel dan Jepang Kecam Pasokan Amunisi Korea Utara ke Rusia',
    ]);
    expect(res.body.data.every((article: any) => article.locale === 'id')).toBe(true);
  });

  test('finds an article by slug in id with authors, editor, category, tags and cover populated', async () => {
    const res = await app
      .request()
      .get(
        `/api/articles?locale=id&filters[slug][$eq]=as-korsel-dan-jepang-kecam-pasokan-amunisi-korea-utara-ke-rusia&${FULL_POPULATE}`
      );
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(1);
    const article = res.body.data[0];
    expect(article).toMatchObject({
      documentId: fixture.published.documentId,
      locale: 'id',
      title: 'AS, Korsel dan Jepang Kecam Pasokan Amunisi Korea Utara ke Rusia',
      dateline: 'MOSKOW',
      timezone: 'WIB',
      datePublished: '2023-10-27T10:33:00.000Z',
    });
    expect(article.body[0].children[0].text).toContain('MOSKOW - Korea Selatan');
    expect(article.authors).toEqual([
      expect.objectContaining({ name: 'Salsabila Fitirah Puteri', role: 'Jurnalis', locale: 'id' }),
    ]);
    expect(article.editor).toMatchObject({ name: 'Susi Susanti', role: 'Editor' });
    expect(article.category).toMatchObject({
      name: 'Internasional',
      slug: 'internasional',
      parent: { name: 'News', slug: 'news' },
    });
    expect(article.tags).toEqual([expect.objectContaining({ name: 'Korea Utara', slug: 'korea-utara' })]);
    expect(article.cover).toMatchObject({
      caption: 'Korea Selatan, AS, dan Jepang mengecam Korea Utara',
      credit: 'Reuters',
      creditLabel: 'Foto',
      creditLine: '(Foto: Reuters)',
    });
    expect(article.cover.image.url).toMatch(/^\/uploads\/.+\.jpg$/);
  });

  test('finds the English translation by its own slug, with English relations', async () => {
    const slug = 'us-south-korea-and-japan-condemn-north-korean-ammunition-supplies-to-russia';
    const res = await app.request().get(`/api/articles?locale=en&filters[slug][$eq]=${slug}&${FULL_POPULATE}`);
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(1);
    const article = res.body.data[0];
    expect(article).toMatchObject({ documentId: fixture.published.documentId, locale: 'en', dateline: 'MOSCOW' });
    expect(article.authors[0]).toMatchObject({ name: 'Salsabila Fitirah Puteri', role: 'Journalist', locale: 'en' });
    expect(article.category).toMatchObject({ name: 'International', parent: { name: 'News' } });
    expect(article.tags[0]).toMatchObject({ name: 'North Korea', slug: 'north-korea' });
    expect(article.cover).toMatchObject({
      caption: 'South Korea, the US and Japan condemn North Korea',
      creditLine: '(Photo: Reuters)',
    });
  });

  test('finds one article by documentId in each locale', async () => {
    const id = await app.request().get(`/api/articles/${fixture.published.documentId}?locale=id`);
    const en = await app.request().get(`/api/articles/${fixture.published.documentId}?locale=en`);
    expect(id.status).toBe(200);
    expect(en.status).toBe(200);
    expect(id.body.data.locale).toBe('id');
    expect(en.body.data.title).toBe('US, South Korea and Japan Condemn North Korean Ammunition Supplies to Russia');
  });

  test('serves the other content types with their localized fields', async () => {
    const categories = await app.request().get('/api/categories?locale=en&populate=parent&sort=name');
    expect(categories.status).toBe(200);
    expect(categories.body.data.map((c: any) => c.name)).toEqual(['International', 'News']);
    const authors = await app.request().get('/api/authors?locale=id&populate=socialLinks&sort=name');
    expect(authors.body.data[0]).toMatchObject({
      name: 'Salsabila Fitirah Puteri',
      socialLinks: [{ platform: 'x', url: 'https://x.com/salsabila' }],
    });
    const captions = await app.request().get('/api/media-captions?locale=id&populate=image');
    expect(captions.body.data[0]).toMatchObject({ credit: 'Reuters', creditLine: '(Foto: Reuters)' });
    const tags = await app.request().get('/api/tags?locale=id');
    expect(tags.body.data.map((t: any) => t.slug)).toEqual(['korea-utara']);
  });

  test('keeps a shared cover, editor, category and tags on every article that uses them', async () => {
    const res = await app.request().get(`/api/articles?locale=id&${FULL_POPULATE}`);
    expect(res.body.data).toHaveLength(2);
    for (const article of res.body.data) {
      expect(article.cover?.credit).toBe('Reuters');
      expect(article.editor?.name).toBe('Susi Susanti');
      expect(article.category?.slug).toBe('internasional');
      expect(article.tags.map((t: any) => t.slug)).toEqual(['korea-utara']);
    }
  });
});

describe('GraphQL articles', () => {
  const QUERY = `query ($locale: I18NLocaleCode, $slug: String) {
    articles(locale: $locale, filters: { slug: { eq: $slug } }) {
      documentId locale title slug lead dateline timezone datePublished
      authors { name role }
      editor { name role }
      category { name slug parent { name } }
      tags { name slug }
      cover { caption credit creditLabel creditLine image { url } }
    }
  }`;

  test('finds an article by slug in id with its relations and credit line', async () => {
    const res = await graphql(QUERY, {
      locale: 'id',
      slug: 'as-korsel-dan-jepang-kecam-pasokan-amunisi-korea-utara-ke-rusia',
    });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.articles).toHaveLength(1);
    expect(res.body.data.articles[0]).toMatchObject({
      documentId: fixture.published.documentId,
      locale: 'id',
      dateline: 'MOSKOW',
      authors: [{ name: 'Salsabila Fitirah Puteri', role: 'Jurnalis' }],
      editor: { name: 'Susi Susanti' },
      category: { slug: 'internasional', parent: { name: 'News' } },
      tags: [{ slug: 'korea-utara' }],
      cover: { credit: 'Reuters', creditLine: '(Foto: Reuters)' },
    });
  });

  test('finds the English translation by slug', async () => {
    const res = await graphql(QUERY, {
      locale: 'en',
      slug: 'us-south-korea-and-japan-condemn-north-korean-ammunition-supplies-to-russia',
    });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.articles[0]).toMatchObject({
      locale: 'en',
      authors: [{ role: 'Journalist' }],
      category: { name: 'International' },
      cover: { creditLine: '(Photo: Reuters)' },
    });
  });

  test('lists Indonesian articles newest first and finds one by documentId', async () => {
    const list = await graphql('{ articles(locale: "id") { title } }');
    expect(list.body.data.articles.map((article: any) => article.title)).toEqual([
      'Harga Beras Stabil Menjelang Akhir Tahun',
      'AS, Korsel dan Jepang Kecam Pasokan Amunisi Korea Utara ke Rusia',
    ]);
    const oldestFirst = await graphql('{ articles(locale: "id", sort: "datePublished:asc") { title } }');
    expect(oldestFirst.body.data.articles[0].title).toBe(
      'AS, Korsel dan Jepang Kecam Pasokan Amunisi Korea Utara ke Rusia'
    );
    const one = await graphql('query ($id: ID!) { article(documentId: $id, locale: "en") { title locale } }', {
      id: fixture.published.documentId,
    });
    expect(one.body.data.article).toEqual({
      title: 'US, South Korea and Japan Condemn North Korean Ammunition Supplies to Russia',
      locale: 'en',
    });
  });
});

describe('locales and admin defaults', () => {
  test('id is the default content locale and en exists', async () => {
    const locales = app.strapi.plugin('i18n').service('locales');
    expect(await locales.getDefaultLocale()).toBe('id');
    expect((await locales.find()).map((locale: any) => locale.code).sort()).toEqual(['en', 'id']);
  });

  test("Strapi's Editor role may create, read, update, delete and publish articles in id and en; Author all but publish", async () => {
    const actionsOf = async (code: string) =>
      app.strapi.db.query('admin::permission').findMany({
        where: { role: { code }, subject: ARTICLE_UID },
      });
    const editor = await actionsOf('strapi-editor');
    expect(editor.map((p: any) => p.action.split('.').pop()).sort()).toEqual([
      'create',
      'delete',
      'publish',
      'read',
      'update',
    ]);
    for (const permission of editor) expect(permission.properties.locales).toEqual(['id', 'en']);
    const author = await actionsOf('strapi-author');
    expect(author.map((p: any) => p.action.split('.').pop()).sort()).toEqual(['create', 'delete', 'read', 'update']);
    for (const permission of author) {
      expect(permission.properties.locales).toEqual(['id', 'en']);
      expect(permission.conditions).toEqual(['admin::is-creator']);
    }
  });

  test('a new admin user gets Bahasa Indonesia as interface language', async () => {
    const user = await app.strapi.service('admin::user').create({
      email: 'redaktur@warta.example',
      firstname: 'Redaktur',
      password: 'RahasiaRedaksi2024!',
      isActive: true,
    });
    expect(user.preferedLanguage).toBe('id');
  });
});
