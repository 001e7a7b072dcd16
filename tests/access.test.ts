// Guards what the public may and may not do: read published content only (no draft, no unpublished
// edit, no other locale, no private field, whatever the query asks), never write, and that strict
// query parsing and editorial validation answer bad input with a clear 400 and leave nothing behind.
import { createFullAccessToken, createReadOnlyToken, useStrapi } from './helpers/strapi';
import { createNewsFixture, paragraph, SENTINELS } from './helpers/fixtures';
import { ARTICLE_UID, AUTHOR_UID, CATEGORY_UID, TAG_UID } from '../src/constants';

let writerToken: string;

const { app, fixture } = useStrapi({ fixture: createNewsFixture });

beforeAll(async () => {
  writerToken = await createFullAccessToken(app.strapi);
});

const graphql = (query: string, variables: Record<string, unknown> = {}, token?: string) => {
  const req = app.request().post('/graphql');
  if (token) req.set('Authorization', `Bearer ${token}`);
  return req.send({ query, variables });
};

function expectNoSentinel(text: string, sentinels: readonly string[]) {
  for (const sentinel of sentinels) expect(text).not.toContain(sentinel);
}

describe('public reads', () => {
  const INDONESIAN_SENTINELS = [SENTINELS.draft, SENTINELS.draftEdit, SENTINELS.enOnly, SENTINELS.email];

  test.each([
    '/api/articles',
    '/api/articles?locale=id',
    '/api/articles?populate=*',
    '/api/articles?locale=id&populate[authors][populate]=*&populate[editor]=true&populate[cover][populate]=*&populate[category]=true&populate[tags]=true',
    '/api/articles?status=published&locale=id',
    '/api/articles?filters[title][$contains]=SENTINEL',
    '/api/articles?filters[lead][$contains]=SENTINEL&locale=id',
    '/api/articles?pagination[pageSize]=100&locale=id',
    '/api/authors?populate=*',
    '/api/categories?populate=*',
    '/api/media-captions?populate=*',
    '/api/tags',
  ])('%s never returns a draft, an unpublished edit, an en-only article or a private email', async (url) => {
    const res = await app.request().get(url);
    expect(res.status).toBe(200);
    expectNoSentinel(res.text, INDONESIAN_SENTINELS);
  });

  test('the published version is served while an unpublished edit waits', async () => {
    const res = await app.request().get(`/api/articles/${fixture.edited.documentId}?locale=id`);
    expect(res.status).toBe(200);
    expect(res.body.data.lead).toBe('Harga beras di pasar induk stabil.');
  });

  test('a never-published draft is 404 by documentId', async () => {
    const res = await app.request().get(`/api/articles/${fixture.draft.documentId}`);
    expect(res.status).toBe(404);
    expectNoSentinel(res.text, [SENTINELS.draft]);
  });

  test('an English-only article is 404 in id, and only found when en is asked for', async () => {
    const id = await app.request().get(`/api/articles/${fixture.enOnly.documentId}?locale=id`);
    expect(id.status).toBe(404);
    const en = await app.request().get(`/api/articles/${fixture.enOnly.documentId}?locale=en`);
    expect(en.status).toBe(200);
    expect(en.body.data.title).toContain(SENTINELS.enOnly);
  });

  test.each(['draft', 'DRAFT'])('?status=%s is refused for the public, with a message saying why', async (status) => {
    const res = await app.request().get(`/api/articles?status=${status}`);
    expect([400, 403]).toContain(res.status);
    expect(res.body.error.message).toMatch(/draft|status/i);
    expectNoSentinel(res.text, INDONESIAN_SENTINELS);
  });

  test('?status=draft is refused for a read-only token too', async () => {
    const token = await createReadOnlyToken(app.strapi);
    const res = await app.request().get('/api/articles?status=draft').set('Authorization', `Bearer ${token}`);
    expect(res.status).toBe(403);
    expectNoSentinel(res.text, INDONESIAN_SENTINELS);
  });

  test('an editor token may read drafts', async () => {
    const res = await app.request().get('/api/articles?status=draft').set('Authorization', `Bearer ${writerToken}`);
    expect(res.status).toBe(200);
    expect(res.text).toContain(SENTINELS.draft);
  });

  test.each([
    ['filters on the private email', `/api/authors?filters[email][$eq]=${SENTINELS.email}`],
    ['filters on the email through a relation', `/api/articles?filters[authors][email][$startsWith]=sentinel`],
    ['sorts on the private email', '/api/authors?sort=email'],
    ['asks a populated author for its email', '/api/articles?populate[authors][fields][0]=email'],
    ['selects the email field', '/api/authors?fields[0]=name&fields[1]=email'],
  ])('%s: the email neither appears nor can be probed', async (_what, url) => {
    const res = await app.request().get(url);
    expectNoSentinel(res.text, [SENTINELS.email]);
    if (res.status === 200) {
      // A filter on a private field must not narrow the result, or it would be an oracle.
      if (url.includes('filters')) expect(res.body.data.length).not.toBe(0);
    } else {
      expect(res.status).toBe(400);
    }
  });

  test('GraphQL never returns drafts, en-only articles or emails to the public', async () => {
    const queries = [
      '{ articles { title lead body } }',
      '{ articles(locale: "id", pagination: { limit: 100 }) { title lead authors { name role } } }',
      '{ authors { name role bio } }',
      '{ articles_connection { nodes { title lead } } }',
    ];
    for (const query of queries) {
      const res = await graphql(query);
      expect(res.body.errors).toBeUndefined();
      expectNoSentinel(res.text, INDONESIAN_SENTINELS);
    }
  });

  test('GraphQL refuses status: DRAFT for the public', async () => {
    const list = await graphql('{ articles(status: DRAFT) { title lead } }');
    expect(list.body.errors?.[0]?.message).toMatch(/draft/i);
    expectNoSentinel(list.text, INDONESIAN_SENTINELS);
    const one = await graphql('query ($id: ID!) { article(documentId: $id, status: DRAFT) { title } }', {
      id: fixture.draft.documentId,
    });
    expect(one.body.errors?.[0]?.message).toMatch(/draft/i);
    expectNoSentinel(one.text, INDONESIAN_SENTINELS);
    const connection = await graphql('{ articles_connection(status: DRAFT) { nodes { title } } }');
    expect(connection.body.errors?.[0]?.message).toMatch(/draft/i);
    expectNoSentinel(connection.text, INDONESIAN_SENTINELS);
  });

  test('GraphQL has no email field on Author', async () => {
    const res = await graphql('{ authors { name email } }');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toMatch(/email/);
    expectNoSentinel(res.text, [SENTINELS.email]);
  });
});

describe('public writes', () => {
  test.each([
    ['post', '/api/articles'],
    ['put', () => `/api/articles/${fixture.published.documentId}`],
    ['delete', () => `/api/articles/${fixture.published.documentId}`],
    ['post', '/api/authors'],
    ['post', '/api/categories'],
    ['post', '/api/tags'],
    ['post', '/api/media-captions'],
    ['put', () => `/api/tags/${fixture.korut.documentId}`],
    ['delete', () => `/api/authors/${fixture.salsabila.documentId}`],
    ['post', '/api/upload'],
    ['post', '/api/auth/local/register'],
    ['get', '/api/users'],
    ['get', '/api/i18n/locales'],
  ] as const)('%s %s is 403', async (method, url) => {
    const path = typeof url === 'function' ? url() : url;
    const res = await (app.request() as any)[method](path).send({ data: { title: 'Hacked', name: 'Hacked' } });
    expect(res.status).toBe(403);
  });

  test('GraphQL mutations are forbidden to the public', async () => {
    const res = await graphql('mutation { createTag(data: { name: "Hacked" }) { documentId } }');
    expect(res.body.errors[0].message).toMatch(/forbidden/i);
    const tags = await app.strapi.db.query(TAG_UID).count({ where: { name: 'Hacked' } });
    expect(tags).toBe(0);
  });

  test('the published article is untouched after the attempts', async () => {
    const res = await app.request().get(`/api/articles/${fixture.published.documentId}?locale=id`);
    expect(res.body.data.title).toBe('AS, Korsel dan Jepang Kecam Pasokan Amunisi Korea Utara ke Rusia');
  });
});

describe('strict query parameters', () => {
  test.each([
    '/api/articles?where[x]=1',
    '/api/articles?lookup=id',
    '/api/articles?lookup[locale]=en',
    '/api/authors?where[email]=x',
  ])('%s is 400', async (url) => {
    const res = await app.request().get(url);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/invalid|unknown|not allowed/i);
  });

  test('a page size above the maximum is capped, not obeyed', async () => {
    const res = await app.request().get('/api/articles?pagination[pageSize]=5000');
    expect(res.status).toBe(200);
    expect(res.body.meta.pagination.pageSize).toBeLessThanOrEqual(100);
  });

  test('GraphQL rejects a query deeper than the depth limit', async () => {
    const deep =
      '{ categories { parent { parent { parent { parent { parent { parent { parent { parent { name } } } } } } } } } }';
    const res = await graphql(deep);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toMatch(/depth/i);
  });
});

describe('bad input from an authenticated writer', () => {
  const authed = (method: 'post' | 'put', url: string) =>
    (app.request() as any)[method](url).set('Authorization', `Bearer ${writerToken}`);
  const countArticles = () => app.strapi.db.query(ARTICLE_UID).count();

  test('a 201-character title is 400 naming the field and its limit, and nothing is saved', async () => {
    const before = await countArticles();
    const res = await authed('post', '/api/articles').send({
      data: { title: 'a'.repeat(201), category: fixture.internasional.documentId },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/title/);
    expect(res.body.error.message).toMatch(/200/);
    expect(await countArticles()).toBe(before);
  });

  test('a title of exactly 200 characters is accepted', async () => {
    const res = await authed('post', '/api/articles?status=draft').send({ data: { title: 'b'.repeat(200) } });
    expect(res.status).toBe(201);
    expect(res.body.data.slug).toBe('b'.repeat(120));
  });

  test('an unknown timezone is 400 listing the allowed zones, and nothing is saved', async () => {
    const before = await countArticles();
    const res = await authed('post', '/api/articles').send({ data: { title: 'Gempa di Maluku', timezone: 'CET' } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/timezone/);
    expect(res.body.error.message).toMatch(/WIB, WITA, WIT/);
    expect(await countArticles()).toBe(before);
  });

  test('publishing a new article without a category is 400 and leaves no draft behind', async () => {
    const before = await countArticles();
    const res = await authed('post', '/api/articles?status=published').send({
      data: { title: 'Artikel Tanpa Kategori', body: [paragraph('Isi.')] },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/kategori/i);
    expect(res.body.error.message).toMatch(/category/i);
    expect(await countArticles()).toBe(before);
  });

  test('publishing an existing draft without a category is 400 and the draft stays as it was', async () => {
    const created = await authed('post', '/api/articles?status=draft').send({ data: { title: 'Draf Tanpa Kategori' } });
    expect(created.status).toBe(201);
    const documentId = created.body.data.documentId;
    const res = await authed('put', `/api/articles/${documentId}?status=published`).send({
      data: { lead: 'Lead baru' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/kategori/i);
    const rows = await app.strapi.db.query(ARTICLE_UID).findMany({ where: { documentId } });
    expect(rows).toHaveLength(1);
    expect(rows[0].publishedAt).toBeNull();
    expect(rows[0].lead).toBeNull();
  });

  test('the document service refuses to publish without a category, whoever calls it', async () => {
    const draft = await app.strapi.documents(ARTICLE_UID).create({ data: { title: 'Draf Lain' } } as any);
    await expect(app.strapi.documents(ARTICLE_UID).publish({ documentId: draft.documentId } as any)).rejects.toThrow(
      /kategori/i
    );
    const published = await app.strapi
      .documents(ARTICLE_UID)
      .findOne({ documentId: draft.documentId, status: 'published' } as any);
    expect(published).toBeNull();
  });

  test('a create without ?status publishes at once, so it too needs a category', async () => {
    const before = await countArticles();
    const res = await authed('post', '/api/articles').send({ data: { title: 'Langsung Terbit' } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/kategori/i);
    expect(await countArticles()).toBe(before);
  });

  test('an invalid relation id is 400 and nothing is saved', async () => {
    const before = await countArticles();
    const res = await authed('post', '/api/articles?status=draft').send({
      data: { title: 'Relasi Salah', category: 'no-such-document' },
    });
    expect(res.status).toBe(400);
    expect(await countArticles()).toBe(before);
  });
});

describe('writes by an authenticated writer', () => {
  const authed = (method: 'post' | 'put', url: string) =>
    (app.request() as any)[method](url).set('Authorization', `Bearer ${writerToken}`);

  test('a slug is generated from the title, and a clash in the same locale gets a numeric suffix', async () => {
    const first = await authed('post', '/api/articles?status=draft').send({
      data: { title: "Jum'at Berkah di Masjid Istiqlal" },
    });
    const second = await authed('post', '/api/articles?status=draft').send({
      data: { title: "Jum'at Berkah di Masjid Istiqlal" },
    });
    const english = await authed('post', '/api/articles?status=draft&locale=en').send({
      data: { title: "Jum'at Berkah di Masjid Istiqlal" },
    });
    expect([first.status, second.status, english.status]).toEqual([201, 201, 201]);
    expect(first.body.data.slug).toBe('jumat-berkah-di-masjid-istiqlal');
    expect(second.body.data.slug).toBe('jumat-berkah-di-masjid-istiqlal-2');
    expect(english.body.data.slug).toBe('jumat-berkah-di-masjid-istiqlal');
  });

  test('a clash on a title longer than the slug limit still gets a free slug each time', async () => {
    const title = `Pemerintah Umumkan ${'Kebijakan Baru Tentang Harga Pangan '.repeat(4)}Mulai Pekan Depan`;
    const slugs: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const res = await authed('post', '/api/articles?status=draft').send({ data: { title } });
      expect(res.status).toBe(201);
      slugs.push(res.body.data.slug);
    }
    expect(new Set(slugs).size).toBe(3);
    for (const slug of slugs) expect(slug.length).toBeLessThanOrEqual(120);
    expect(slugs[1]).toMatch(/-2$/);
    expect(slugs[2]).toMatch(/-3$/);
  });

  test('slugs are looked up through an index (slug, locale), not by scanning the archive', async () => {
    const inspector = (app.strapi.db as any).dialect.schemaInspector;
    for (const uid of [ARTICLE_UID, AUTHOR_UID, CATEGORY_UID, TAG_UID]) {
      const table = app.strapi.db.metadata.get(uid).tableName;
      const indexes = await inspector.getIndexes(table);
      expect(indexes).toContainEqual(
        expect.objectContaining({ name: `${table}_slug_locale_idx`, columns: ['slug', 'locale'] })
      );
    }
  });

  test('datePublished is stamped at the first publish and kept on a re-publish', async () => {
    const created = await authed('post', '/api/articles?status=published').send({
      data: { title: 'Harga Cabai Naik 10%', category: fixture.internasional.documentId },
    });
    expect(created.status).toBe(201);
    expect(created.body.data.slug).toBe('harga-cabai-naik-10-persen');
    const first = created.body.data.datePublished;
    expect(Date.now() - new Date(first).getTime()).toBeLessThan(60_000);

    await new Promise((resolve) => setTimeout(resolve, 1100));
    const republished = await authed('put', `/api/articles/${created.body.data.documentId}?status=published`).send({
      data: { lead: 'Diperbarui' },
    });
    expect(republished.status).toBe(200);
    expect(republished.body.data.lead).toBe('Diperbarui');
    expect(republished.body.data.datePublished).toBe(first);
    expect(republished.body.data.publishedAt).not.toBe(created.body.data.publishedAt);
  });

  test('an imported article keeps the datePublished it was given', async () => {
    const res = await authed('post', '/api/articles?status=published').send({
      data: {
        title: 'Arsip 2019',
        category: fixture.internasional.documentId,
        datePublished: '2019-04-17T02:00:00.000Z',
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.data.datePublished).toBe('2019-04-17T02:00:00.000Z');
  });
});
