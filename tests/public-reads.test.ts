// Guards the classes of holes found from outside: any `status` but exactly "published" is never read
// as "published" for the public; filters through relations into drafts, `_q` over private fields and
// publication-state filters tell the public nothing (two probes that differ only in a guess answer
// alike); malformed filters, fields and pagination are a 400 with a message, never a 500; and the
// public GraphQL surface follows REST permissions.
import qs from 'qs';
import { useStrapi } from './helpers/strapi';
import { ALWAYS_HIDDEN, createLeakFixture, HIDDEN, leakedSentinels } from './helpers/leak-fixture';

const { app, fixture } = useStrapi({ fixture: createLeakFixture });

beforeAll(async () => {});

const get = (path: string, query: Record<string, unknown> = {}) => {
  const search = qs.stringify(query, { encodeValuesOnly: true });
  return app.request().get(search ? `${path}?${search}` : path);
};
const graphql = (query: string, variables: Record<string, unknown> = {}) =>
  app.request().post('/graphql').send({ query, variables });
const ID_HIDDEN = [...ALWAYS_HIDDEN, HIDDEN.enOnly];

describe('status', () => {
  const malformed: [string, unknown][] = [
    ['empty', ''],
    ['capitalised', 'Published'],
    ['padded', ' published'],
    ['another word', 'any'],
    ['a list', ['published']],
    ['a list with draft', ['draft']],
    ['an object', { a: 'published' }],
  ];

  test.each(malformed)('a status that is %s is a 400 on find, findOne and with locale=en', async (_name, status) => {
    for (const [path, locale] of [
      ['/api/articles', 'id'],
      ['/api/articles', 'en'],
      [`/api/articles/${fixture.base.draft.documentId}`, 'id'],
      [`/api/articles/${fixture.unpublished.documentId}`, 'id'],
      [`/api/articles/${fixture.base.edited.documentId}`, 'id'],
      [`/api/articles/${fixture.withEnDraft.documentId}`, 'en'],
    ]) {
      const res = await get(path, { status, locale });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain('"status" hanya boleh "published"');
      expect(leakedSentinels(res.text, [], ALWAYS_HIDDEN)).toEqual([]);
    }
  });

  test.each(['draft', 'DRAFT', 'Draft'])('status=%s is a 403 for the public', async (status) => {
    const res = await get('/api/articles', { status });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/draft/i);
  });

  test('absent or exactly "published" serves published rows only', async () => {
    for (const query of [{}, { status: 'published' }, { status: 'published', locale: 'en' }, { locale: '*' }]) {
      const res = await get('/api/articles', { ...query, pagination: { pageSize: 100 } });
      expect(res.status).toBe(200);
      expect(res.body.data.length).toBeGreaterThan(0);
      expect(leakedSentinels(res.text, [], ALWAYS_HIDDEN)).toEqual([]);
    }
    const edited = await get(`/api/articles/${fixture.base.edited.documentId}`, { status: 'published' });
    expect(edited.body.data.lead).toBe('Harga beras di pasar induk stabil.');
  });

  test('the related and by-slug endpoints refuse status altogether', async () => {
    for (const path of [
      `/api/articles/${fixture.base.published.documentId}/related`,
      `/api/articles/by-slug/${fixture.slugs.published}`,
    ]) {
      for (const status of ['', 'draft', 'published']) {
        const res = await get(path, { locale: 'id', status });
        expect(res.status).toBe(400);
        expect(res.body.error.message).toContain('status');
      }
    }
  });

  test('GraphQL status: DRAFT is refused and status: PUBLISHED serves published rows', async () => {
    const draft = await graphql('{ articles(locale: "id", status: DRAFT) { title } }');
    expect(draft.status).toBe(403);
    const published = await graphql(
      '{ articles(locale: "id", status: PUBLISHED, pagination: { limit: 100 }) { title lead } }'
    );
    expect(published.status).toBe(200);
    expect(published.body.data.articles.length).toBeGreaterThan(0);
    expect(leakedSentinels(published.text, [], ID_HIDDEN)).toEqual([]);
  });
});

describe('publication-state filters', () => {
  test.each([
    ['publicationFilter', ['modified', 'unmodified', 'never-published', 'has-published-version']],
    ['hasPublishedVersion', ['true', 'false']],
  ])('%s is refused for the public, the same whatever the value', async (name, values) => {
    const bodies = new Set<string>();
    for (const value of values) {
      const res = await get('/api/articles', { locale: 'id', [name]: value });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(`"${name}" hanya untuk editor`);
      bodies.add(res.text);
    }
    expect(bodies.size).toBe(1);
  });

  test('GraphQL publicationFilter is refused for the public', async () => {
    const res = await graphql('{ articles(locale: "id", publicationFilter: MODIFIED) { title } }');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toContain('publicationFilter');
  });
});

describe('oracles', () => {
  const enDraftTitle = `${HIDDEN.enDraft} Earthquake in North Maluku`;
  const rightAndWrong: [string, (guess: string) => Record<string, unknown>, string, string][] = [
    [
      '$startsWith',
      (g) => ({ filters: { localizations: { title: { $startsWith: g } } } }),
      'SENTINEL-EN-DR',
      'SENTINEL-XX-DR',
    ],
    [
      '$startsWith, lower case',
      (g) => ({ filters: { localizations: { title: { $startsWith: g } } } }),
      'sentinel-en-dr',
      'sentinel-xx-dr',
    ],
    [
      '$startsWithi',
      (g) => ({ filters: { localizations: { title: { $startsWithi: g } } } }),
      'sentinel-en-dr',
      'sentinel-xx-dr',
    ],
    ['$eq', (g) => ({ filters: { localizations: { title: { $eq: g } } } }), enDraftTitle, 'Earthquake'],
    [
      '$containsi on the slug',
      (g) => ({ filters: { localizations: { slug: { $containsi: g } } } }),
      'en-draft-3e8',
      'en-draft-000',
    ],
    ['$in', (g) => ({ filters: { localizations: { title: { $in: [g] } } } }), enDraftTitle, 'nothing'],
    ['$lt', (g) => ({ filters: { localizations: { lead: { $lt: g } } } }), 'Draft lead T', 'Draft lead A'],
    [
      '$or',
      (g) => ({ filters: { $or: [{ localizations: { title: { $startsWith: g } } }, { id: -1 }] } }),
      'SENTINEL-EN',
      'SENTINEL-XX',
    ],
    [
      '$and',
      (g) => ({ filters: { $and: [{ localizations: { lead: { $contains: g } } }] } }),
      'lead SENTINEL',
      'lead XENTINEL',
    ],
    [
      '$not',
      (g) => ({ filters: { $not: { localizations: { title: { $startsWith: g } } } } }),
      'SENTINEL-EN',
      'SENTINEL-XX',
    ],
    ['the locale of a draft translation', (g) => ({ filters: { localizations: { locale: { $eq: g } } } }), 'en', 'fr'],
  ];

  test.each(rightAndWrong)(
    'a filter through localizations with %s answers alike for a right and a wrong guess',
    async (_name, query, right, wrong) => {
      const scoped = (guess: string) => ({
        locale: 'id',
        fields: ['title'],
        ...query(guess),
        ...(query(guess).filters
          ? { filters: { $and: [{ documentId: fixture.withEnDraft.documentId }, query(guess).filters] } }
          : {}),
      });
      const [a, b] = await Promise.all([get('/api/articles', scoped(right)), get('/api/articles', scoped(wrong))]);
      expect(a.status).toBe(200);
      expect(a.text).toBe(b.text);
      const one = (guess: string) =>
        get(`/api/articles/${fixture.withEnDraft.documentId}`, { locale: 'id', fields: ['title'], ...query(guess) });
      const [c, d] = await Promise.all([one(right), one(wrong)]);
      expect(c.status).toBe(d.status);
      expect(c.text).toBe(d.text);
    }
  );

  test('a filter through localizations still finds a published translation (the filter works)', async () => {
    const res = await get('/api/articles', {
      locale: 'id',
      filters: { localizations: { title: { $startsWith: 'US, South Korea' } } },
    });
    expect(res.body.data.map((article: any) => article.documentId)).toEqual([fixture.base.published.documentId]);
  });

  test('GraphQL filters through localizations answer alike for a right and a wrong guess', async () => {
    const probe = (guess: string) =>
      graphql(
        'query($g: String) { articles(locale: "id", filters: { localizations: { title: { startsWith: $g } } }) { documentId } }',
        { g: guess }
      );
    const [a, b] = await Promise.all([probe('SENTINEL-EN-DR'), probe('SENTINEL-XX-DR')]);
    expect(a.status).toBe(200);
    expect(a.body.data.articles).toEqual([]);
    expect(a.text).toBe(b.text);
  });

  test('sorting through localizations is refused', async () => {
    const res = await get('/api/articles', { locale: 'id', sort: 'localizations.title:asc' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('sort[localizations.title]');
  });

  test.each(['createdBy', 'updatedBy', 'relatedPinned', 'relatedExcluded'])(
    'a filter through %s is refused',
    async (relation) => {
      const [a, b] = await Promise.all([
        get('/api/articles', { filters: { [relation]: { id: { $gt: 0 } } } }),
        get('/api/articles', { filters: { [relation]: { id: { $lt: 0 } } } }),
      ]);
      expect(a.status).toBe(400);
      expect(a.text).toBe(b.text);
    }
  );

  test('_q searches public fields only: part of a private email finds nothing, a name still finds its author', async () => {
    const right = await get('/api/authors', { locale: 'id', _q: 'sentinel-private-5d' });
    const wrong = await get('/api/authors', { locale: 'id', _q: 'sentinel-xxxxxxx-5d' });
    expect(right.status).toBe(200);
    expect(right.body.data).toEqual([]);
    expect(right.text).toBe(wrong.text);
    const byName = await get('/api/authors', { locale: 'id', _q: 'salsabila' });
    expect(byName.body.data.map((author: any) => author.name)).toEqual(['Salsabila Fitirah Puteri']);
  });

  test.each(['/api/articles', '/api/authors', '/api/categories', '/api/tags', '/api/media-captions'])(
    '_q on %s never finds hidden text',
    async (path) => {
      for (const guess of ['SENTINEL', 'sentinel-private', 'rahasia', 'ditarik', 'Draft lead']) {
        const res = await get(path, { locale: 'id', _q: guess });
        expect(res.status).toBe(200);
        expect(leakedSentinels(res.text, [], ID_HIDDEN)).toEqual([]);
      }
    }
  );
});

describe('malformed input', () => {
  const types = ['/api/articles', '/api/authors', '/api/categories', '/api/tags', '/api/media-captions'];
  const queries = [
    'filters[0]=1',
    'filters[$or]=x',
    'filters[$or][0]=x',
    'filters[$and]=',
    'filters[$not]=x',
    'filters[documentId][$between]=x',
    'filters[documentId][$between][0]=a',
    'filters[documentId][$eq][$eq]=x',
    'filters[documentId][$ne][$in][0]=a',
    'filters[documentId][$null]=perhaps',
    'filters[documentId][$regex]=x',
    'fields=__proto__',
    'fields[0]=constructor',
    'pagination[start]=99999999999999999999',
    'pagination[page]=0',
    'pagination[pageSize]=-1',
    'sort=documentId:sideways',
    'populate[documentId]=true',
    'locale=',
    'locale[0]=id&locale[1]=en',
  ];
  test.each(types)('%s answers every malformed query with a 400 and a message', async (path) => {
    for (const query of queries) {
      const res = await app.request().get(`${path}?${query}`);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(res.body.error.message).toMatch(/\(.+\)/);
    }
  });

  test.each([
    ['one value', '{ articles(locale: "id", filters: { title: { between: ["a"] } }) { title } }', {}],
    ['three values', '{ articles(locale: "id", filters: { title: { between: ["a", "b", "c"] } }) { title } }', {}],
    [
      'one value through variables',
      'query($b: [String]) { articles(locale: "id", filters: { title: { between: $b } }) { title } }',
      { b: ['a'] },
    ],
    [
      'three values through variables',
      'query($b: [String]) { articles(locale: "id", filters: { title: { between: $b } }) { title } }',
      { b: ['a', 'b', 'c'] },
    ],
  ])('GraphQL between with %s is a 400 with a message', async (_name, query, variables) => {
    const res = await graphql(query, variables);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toContain('tepat dua nilai');
  });

  test.each([
    ['a fragment spreading itself', 'query { ...A } fragment A on Query { ...A }'],
    ['two fragments spreading each other', 'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }'],
    ['an undefined fragment', 'query { ...Missing }'],
  ])('GraphQL with %s is a 400', async (_name, query) => {
    const res = await graphql(query);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toMatch(/fragment/i);
  });

  test('GraphQL cannot select the entries that use a media file', async () => {
    const res = await graphql('{ articles(locale: "id") { cover { image { related { __typename } } } } }');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toContain('Cannot query field "related"');
  });

  test('a GraphQL subscription is a clean 400', async () => {
    const res = await graphql('subscription { articles { title } }');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toContain('subscription');
  });
});

describe('public GraphQL mutations follow the REST permissions', () => {
  test.each([
    [
      'forgotPassword',
      'mutation { forgotPassword(email: "redaksi@warta.example") { ok } }',
      '/api/auth/forgot-password',
      { email: 'redaksi@warta.example' },
    ],
    [
      'register',
      'mutation { register(input: { username: "u1", email: "u1@warta.example", password: "Rahasia123!" }) { jwt } }',
      '/api/auth/local/register',
      { username: 'u1', email: 'u1@warta.example', password: 'Rahasia123!' },
    ],
    [
      'login',
      'mutation { login(input: { identifier: "u1@warta.example", password: "Rahasia123!" }) { jwt } }',
      '/api/auth/local',
      { identifier: 'u1@warta.example', password: 'Rahasia123!' },
    ],
    [
      'resetPassword',
      'mutation { resetPassword(code: "x", password: "Rahasia123!", passwordConfirmation: "Rahasia123!") { jwt } }',
      '/api/auth/reset-password',
      { code: 'x', password: 'Rahasia123!', passwordConfirmation: 'Rahasia123!' },
    ],
    ['emailConfirmation', 'mutation { emailConfirmation(confirmation: "x") { jwt } }', null, null],
  ])('%s is forbidden to the public, as over REST, and sends nothing', async (_name, mutation, restPath, restBody) => {
    const email = app.strapi.plugin('email').service('email');
    const send = jest.spyOn(email, 'send');
    try {
      const res = await graphql(mutation);
      expect(res.status).toBe(403);
      expect(res.body.errors[0].extensions.code).toBe('FORBIDDEN');
      expect(res.body.data?.[_name] ?? null).toBeNull();
      if (restPath) expect((await app.request().post(restPath).send(restBody)).status).toBe(403);
      expect(send).not.toHaveBeenCalled();
    } finally {
      send.mockRestore();
    }
    expect(await app.strapi.db.query('plugin::users-permissions.user').count()).toBe(0);
  });

  test.each([
    'mutation { createArticle(data: { title: "Tulisan publik" }) { documentId } }',
    `mutation { updateArticle(documentId: "DOC", data: { title: "Diubah" }) { documentId } }`,
    `mutation { deleteArticle(documentId: "DOC") { documentId } }`,
    'mutation { createAuthor(data: { name: "Publik", role: "Jurnalis" }) { documentId } }',
    'mutation { createUsersPermissionsUser(data: { username: "x", email: "x@warta.example", password: "Rahasia123!" }) { __typename } }',
  ])('a CRUD mutation is forbidden to the public: %s', async (mutation) => {
    const res = await graphql(mutation.replace('DOC', fixture.base.published.documentId));
    expect(res.status).toBe(403);
    expect(res.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });
});
