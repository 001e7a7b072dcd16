import articlePublicationMiddleware, { CATEGORY_REQUIRED_MESSAGE } from '../article-publication';
import { mockPlugins } from '../../__tests__/mock-plugins';

type Draft = {
  id: number;
  locale: string;
  datePublished?: string | null;
  category?: { id: number } | null;
  relatedPinned?: { documentId: string }[];
  relatedExcluded?: { documentId: string }[];
};

/**
 * The article-publication middleware with a hand-built `strapi`: the draft rows being published, the
 * locales already live, and a record of the stamps written and of the publish calls made.
 */
function mockStrapi({ drafts = [] as Draft[], liveLocales = [] as string[] } = {}) {
  const updates: { id: number; data: Record<string, unknown> }[] = [];
  const wheres: any[] = [];
  const publishes: any[] = [];
  const strapi: any = {
    db: {
      transaction: async (work: () => Promise<unknown>) => work(),
      query: () => ({
        findMany: async ({ where }: any) => {
          wheres.push(where);
          return where.publishedAt === null ? drafts : liveLocales.map((locale) => ({ locale }));
        },
        updateMany: async ({ where, data }: any) => updates.push({ id: where.id, data }),
      }),
    },
    documents: () => ({
      publish: async (params: any) => {
        publishes.push(params);
        return { entries: [{ documentId: params.documentId, locale: params.locale, publishedAt: 'now' }] };
      },
    }),
  };
  strapi.plugin = mockPlugins(strapi);
  return { strapi, updates, wheres, publishes };
}

const publish = (params: Record<string, unknown> = {}) => ({
  uid: 'api::article.article',
  action: 'publish',
  params: { documentId: 'doc1', locale: 'id', ...params },
});
const withCategory = (draft: Omit<Draft, 'category'>): Draft => ({ category: { id: 7 }, ...draft });

describe('article-publication middleware', () => {
  describe('publish stamps the dates', () => {
    test.each([
      [
        'a first publish stamps datePublished only',
        { drafts: [withCategory({ id: 1, locale: 'id', datePublished: null })] },
        [['datePublished']],
      ],
      [
        'a re-publish of a live article stamps dateModified and keeps datePublished',
        {
          drafts: [withCategory({ id: 1, locale: 'id', datePublished: '2024-01-01T00:00:00.000Z' })],
          liveLocales: ['id'],
        },
        [['dateModified']],
      ],
      [
        'a first publish of an imported article keeps its datePublished',
        { drafts: [withCategory({ id: 1, locale: 'id', datePublished: '2019-04-17T02:00:00.000Z' })] },
        [],
      ],
      [
        'a re-publish that never had a datePublished gets both',
        { drafts: [withCategory({ id: 1, locale: 'id', datePublished: null })], liveLocales: ['id'] },
        [['dateModified', 'datePublished']],
      ],
    ])('%s', async (_case, setup, stamped) => {
      const { strapi, updates } = mockStrapi(setup);
      const next = jest.fn(async () => ({ entries: [] }));
      await articlePublicationMiddleware(strapi)(publish(), next);
      expect(next).toHaveBeenCalledTimes(1);
      expect(updates.map((update) => Object.keys(update.data).sort())).toEqual(stamped);
      for (const update of updates) for (const value of Object.values(update.data)) expect(value).toBeInstanceOf(Date);
    });
  });

  describe('publish refuses, before anything is written', () => {
    test.each([
      ['an article without a category', [{ id: 1, locale: 'id', category: null }], CATEGORY_REQUIRED_MESSAGE],
      [
        'an article that pins itself',
        [withCategory({ id: 1, locale: 'id', relatedPinned: [{ documentId: 'doc1' }] })],
        /dirinya sendiri/,
      ],
      [
        'an article that pins and excludes the same one',
        [
          withCategory({
            id: 1,
            locale: 'id',
            relatedPinned: [{ documentId: 'b' }],
            relatedExcluded: [{ documentId: 'b' }],
          }),
        ],
        /disematkan sekaligus dikecualikan/,
      ],
    ])('%s', async (_case, drafts, message) => {
      const { strapi, updates } = mockStrapi({ drafts: drafts as Draft[] });
      const next = jest.fn();
      const expected = typeof message === 'string' ? message : expect.stringMatching(message);
      await expect(articlePublicationMiddleware(strapi)(publish(), next)).rejects.toMatchObject({
        name: 'ValidationError',
        message: expected,
      });
      expect(next).not.toHaveBeenCalled();
      expect(updates).toEqual([]);
    });
  });

  describe('which rows', () => {
    test.each([
      ['the named locale', 'id', { documentId: 'doc1', locale: 'id' }],
      ['every locale', '*', { documentId: 'doc1' }],
      ['a list of locales', ['id', 'en'], { documentId: 'doc1', locale: { $in: ['id', 'en'] } }],
      ['the default locale when none is named', undefined, { documentId: 'doc1', locale: 'id' }],
    ])('%s', async (_case, locale, where) => {
      const { strapi, wheres } = mockStrapi({ drafts: [withCategory({ id: 1, locale: 'id' })] });
      await articlePublicationMiddleware(strapi)(publish({ locale }), jest.fn());
      expect(wheres[0]).toEqual({ ...where, publishedAt: null });
      expect(wheres[1]).toEqual({ ...where, publishedAt: { $notNull: true } });
    });
  });

  describe('create and update with status published', () => {
    test('become a draft save and a real publish, whose result they return', async () => {
      const { strapi, publishes } = mockStrapi();
      const context: any = {
        uid: 'api::article.article',
        action: 'create',
        params: { locale: 'en', status: 'published', data: { title: 'x' }, fields: ['title'] },
      };
      const next = jest.fn(async () => ({ documentId: 'doc9', locale: 'en' }));
      const result = await articlePublicationMiddleware(strapi)(context, next);
      expect(context.params).toEqual({ locale: 'en', data: { title: 'x' }, fields: ['title'] });
      expect(publishes).toEqual([{ documentId: 'doc9', locale: 'en', fields: ['title'], populate: undefined }]);
      expect(result).toEqual({ documentId: 'doc9', locale: 'en', publishedAt: 'now' });
    });
  });

  describe('other writes', () => {
    test.each([
      ['a draft update', { uid: 'api::article.article', action: 'update', params: { documentId: 'doc1', data: {} } }],
      ['an unpublish', { uid: 'api::article.article', action: 'unpublish', params: { documentId: 'doc1' } }],
      ['another content type', { uid: 'api::category.category', action: 'publish', params: { documentId: 'c1' } }],
    ])('pass %s through untouched', async (_case, context) => {
      const { strapi, wheres, publishes } = mockStrapi();
      const next = jest.fn(async () => 'result');
      expect(await articlePublicationMiddleware(strapi)(context, next)).toBe('result');
      expect(wheres).toEqual([]);
      expect(publishes).toEqual([]);
    });
  });
});
