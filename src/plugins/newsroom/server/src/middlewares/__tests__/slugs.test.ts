import slugMiddleware from '../slugs';
import { mockPlugins } from '../../__tests__/mock-plugins';

/**
 * The slug middleware with a hand-built `strapi`: one article type whose `slug` derives from `title`,
 * slugs already taken in the locale, and whether the document already has the locale being written.
 */
function mockStrapi({
  taken = [] as string[],
  localizationExists = true,
  otherLocaleTitle = undefined as string | undefined,
} = {}) {
  const lookups: any[] = [];
  const strapi: any = {
    contentTypes: {
      'api::article.article': {
        attributes: { title: { type: 'string' }, slug: { type: 'uid', targetField: 'title' } },
      },
      'api::plain.plain': { attributes: { name: { type: 'string' } } },
    },
    db: {
      query: () => ({
        findMany: async ({ where }: any) => {
          lookups.push(where);
          return where.slug.$in.filter((slug: string) => taken.includes(slug)).map((slug: string) => ({ slug }));
        },
        count: async () => (localizationExists ? 1 : 0),
        findOne: async () => (otherLocaleTitle ? { title: otherLocaleTitle } : null),
      }),
    },
  };
  strapi.plugin = mockPlugins(strapi);
  return { strapi, lookups };
}

async function run(context: any, options?: Parameters<typeof mockStrapi>[0]) {
  const { strapi, lookups } = mockStrapi(options);
  const next = jest.fn(async () => ({ documentId: 'doc1' }));
  await slugMiddleware(strapi)(context, next);
  expect(next).toHaveBeenCalledTimes(1);
  return { data: context.params.data, lookups };
}

const article = (action: string, data: Record<string, unknown>, params: Record<string, unknown> = {}) => ({
  uid: 'api::article.article',
  action,
  params: { locale: 'id', data, ...params },
});

describe('slugs middleware', () => {
  describe('generates only when the slug is missing', () => {
    test.each([
      ['create without a slug', article('create', { title: 'Harga Cabai Naik 10%' }), 'harga-cabai-naik-10-persen'],
      ['create with an empty slug', article('create', { title: 'Harga Cabai Naik', slug: '' }), 'harga-cabai-naik'],
      ['create with a null slug', article('create', { title: 'Harga Cabai Naik', slug: null }), 'harga-cabai-naik'],
      [
        'update that empties the slug',
        article('update', { title: 'Harga Cabai Turun', slug: '' }, { documentId: 'doc1' }),
        'harga-cabai-turun',
      ],
      [
        "create with the editor's own slug",
        article('create', { title: 'Harga Cabai Naik', slug: 'cabai-mahal' }),
        'cabai-mahal',
      ],
    ])('%s', async (_case, context, slug) => {
      expect((await run(context)).data.slug).toBe(slug);
    });

    test('leaves the slug out of an update that does not send one (unchanged) on an existing localization', async () => {
      const { data, lookups } = await run(article('update', { title: 'Judul Baru' }, { documentId: 'doc1' }));
      expect(data).not.toHaveProperty('slug');
      expect(lookups).toEqual([]);
    });

    test('generates on an update that creates a new localization, from its own title or another locale', async () => {
      const own = await run(article('update', { title: 'Floods Recede' }, { documentId: 'doc1', locale: 'en' }), {
        localizationExists: false,
      });
      expect(own.data.slug).toBe('floods-recede');
      const borrowed = await run(article('update', {}, { documentId: 'doc1', locale: 'en' }), {
        localizationExists: false,
        otherLocaleTitle: 'Banjir Surut',
      });
      expect(borrowed.data.slug).toBe('banjir-surut');
    });
  });

  describe('clashes', () => {
    test('takes the first free numbered slug in the locale, never the same document', async () => {
      const { data, lookups } = await run(
        article('update', { title: 'Harga Cabai', slug: '' }, { documentId: 'doc1' }),
        { taken: ['harga-cabai', 'harga-cabai-2'] }
      );
      expect(data.slug).toBe('harga-cabai-3');
      expect(lookups[0]).toMatchObject({ locale: 'id', documentId: { $ne: 'doc1' } });
    });

    test('uses the default locale when the write names none', async () => {
      const { lookups } = await run({
        uid: 'api::article.article',
        action: 'create',
        params: { data: { title: 'Harga Cabai' } },
      });
      expect(lookups[0].locale).toBe('id');
    });
  });

  describe('other writes', () => {
    test.each([
      ['a publish', article('publish', { title: 'Harga Cabai' })],
      [
        'a type without a derived uid field',
        { uid: 'api::plain.plain', action: 'create', params: { data: { name: 'x' } } },
      ],
      ['a plugin type', { uid: 'plugin::upload.file', action: 'create', params: { data: { name: 'x' } } }],
    ])('passes %s through untouched', async (_case, context) => {
      const before = JSON.stringify(context.params.data);
      const { lookups } = await run(context);
      expect(JSON.stringify(context.params.data)).toBe(before);
      expect(lookups).toEqual([]);
    });
  });
});
