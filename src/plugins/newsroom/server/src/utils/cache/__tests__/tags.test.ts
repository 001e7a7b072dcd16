import { readTags, tagSet, type Read, type TagModel } from '../read-tags';
import { listTag, slugTag, tagHeader, tagHeaderValue, tagSafe, writeTags } from '../tags';

const document = (uid: string, type: string, extra: Partial<TagModel> = {}): TagModel => ({
  uid,
  kind: 'document',
  type,
  localized: true,
  draftAndPublish: false,
  uniqueFields: ['slug'],
  attributes: {},
  ...extra,
});

const MODELS: Record<string, TagModel> = {
  'api::article.article': document('api::article.article', 'article', {
    draftAndPublish: true,
    attributes: {
      authors: { type: 'relation', target: 'api::author.author' },
      category: { type: 'relation', target: 'api::category.category' },
      cover: { type: 'relation', target: 'api::media-caption.media-caption' },
      tags: { type: 'relation', target: 'api::tag.tag' },
      relatedPinned: { type: 'relation', target: 'api::article.article' },
      override: { type: 'component', target: 'newsroom.override' },
    },
  }),
  'api::author.author': document('api::author.author', 'author', {
    attributes: { avatar: { type: 'media' }, socialLinks: { type: 'component', target: 'shared.social-link' } },
  }),
  'api::category.category': document('api::category.category', 'category', {
    attributes: {
      parent: { type: 'relation', target: 'api::category.category' },
      children: { type: 'relation', target: 'api::category.category', inverse: true },
    },
  }),
  'api::tag.tag': document('api::tag.tag', 'tag'),
  'api::media-caption.media-caption': document('api::media-caption.media-caption', 'media-caption', {
    uniqueFields: [],
    attributes: { image: { type: 'media' } },
  }),
  'plugin::upload.file': document('plugin::upload.file', 'file', { localized: false, uniqueFields: [] }),
  'shared.social-link': { ...document('shared.social-link', 'social-link'), kind: 'component' },
  'newsroom.override': {
    ...document('newsroom.override', 'override'),
    kind: 'component',
    attributes: { category: { type: 'relation', target: 'api::category.category' } },
  },
  'strapi::core-store': { ...document('strapi::core-store', 'core-store'), kind: 'store' },
  'plugin::i18n.locale': { ...document('plugin::i18n.locale', 'locale'), kind: 'locales' },
};
const lookup = (uid: string) => MODELS[uid];
const ARTICLE = 'api::article.article';

function tagsOf(...reads: Read[]) {
  const set = tagSet();
  for (const read of reads) readTags(read, lookup, set.sink);
  return { tags: [...set.tags].sort(), coarse: set.coarse };
}

describe('utils/cache/tags', () => {
  describe('readTags', () => {
    test.each<[string, Read, string[]]>([
      [
        'an open list of a locale is its list tag, plus each row shown',
        {
          uid: ARTICLE,
          action: 'findMany',
          params: { where: { publishedAt: { $notNull: true }, locale: 'id' } },
          result: [{ id: 1, documentId: 'a1', title: 'x' }],
        },
        ['a1', 'list:article:id'],
      ],
      [
        'a count is a list too',
        { uid: ARTICLE, action: 'count', params: { where: { locale: 'en' } }, result: 3 },
        ['list:article:en'],
      ],
      [
        'a list without a locale is the type-wide list tag',
        { uid: ARTICLE, action: 'findMany', params: { where: {} }, result: [] },
        ['list:article'],
      ],
      [
        'a read by documentId is that document, found or not',
        {
          uid: ARTICLE,
          action: 'findOne',
          params: { where: { documentId: 'draft1', locale: 'id', publishedAt: { $notNull: true } } },
          result: null,
        },
        ['draft1'],
      ],
      [
        'rows of a read by one documentId are that document, whatever they select (the translations)',
        {
          uid: ARTICLE,
          action: 'findMany',
          params: { where: { documentId: 'a1', publishedAt: { $notNull: true } } },
          result: [{ locale: 'en', slug: 'x', title: 'X' }],
        },
        ['a1'],
      ],
      [
        'documentIds given as $in are each a tag',
        {
          uid: ARTICLE,
          action: 'findMany',
          params: { where: { $and: [{ documentId: { $in: ['a1', 'a2'] } }, { locale: 'id' }] } },
          result: [],
        },
        ['a1', 'a2'],
      ],
      [
        'a lookup by slug is a slug tag, so a 404 learns of the article that takes it',
        {
          uid: ARTICLE,
          action: 'findOne',
          params: { where: { locale: 'id', slug: { $eq: 'harga-beras' } } },
          result: null,
        },
        ['slug:article:id:harga-beras'],
      ],
      [
        'a search is open even with a slug',
        {
          uid: ARTICLE,
          action: 'findMany',
          params: { _q: 'beras', where: { locale: 'id', slug: 'harga-beras' } },
          result: [],
        },
        ['list:article:id'],
      ],
      [
        '$or pins nothing',
        {
          uid: ARTICLE,
          action: 'findMany',
          params: { where: { locale: 'id', $or: [{ documentId: 'a1' }, { title: 'x' }] } },
          result: [],
        },
        ['list:article:id'],
      ],
      [
        'a filter through a relation depends on the target document',
        {
          uid: ARTICLE,
          action: 'findMany',
          params: { where: { locale: 'id', tags: { documentId: { $eq: 't1' } } } },
          result: [],
        },
        ['list:article:id', 't1'],
      ],
      [
        'an open filter through a relation is the target list of the same locale',
        {
          uid: ARTICLE,
          action: 'findMany',
          params: { where: { locale: 'id', category: { name: { $contains: 'eko' } } } },
          result: [],
        },
        ['list:article:id', 'list:category:id'],
      ],
      [
        'rows by id (found earlier in the request) add only what they hold',
        {
          uid: ARTICLE,
          action: 'findMany',
          params: { where: { id: { $in: [1, 2] } } },
          result: [{ id: 1, authors: [{ documentId: 'p1', name: 'Salsabila' }] }],
        },
        ['p1'],
      ],
      [
        'a row that shows fields but came without a documentId falls back to its type tag',
        {
          uid: ARTICLE,
          action: 'findMany',
          params: { where: { id: { $in: [1] } } },
          result: [{ id: 1, title: 'x', authors: [{ name: 'Salsabila' }] }],
        },
        ['list:article', 'list:author'],
      ],
      [
        'populated relations, media and components are followed',
        {
          uid: ARTICLE,
          action: 'findOne',
          params: { where: { documentId: 'a1' } },
          result: {
            id: 1,
            documentId: 'a1',
            cover: { id: 3, documentId: 'c1', image: { id: 9, documentId: 'f1', url: '/x.jpg' } },
            authors: [{ id: 4, documentId: 'p1', avatar: null, socialLinks: [{ id: 1, url: 'https://x.com/p' }] }],
            override: { id: 2, category: { id: 5, documentId: 'k1' } },
          },
        },
        ['a1', 'c1', 'f1', 'k1', 'p1'],
      ],
      [
        'a populated relation to a draft-and-publish type also depends on its list (a target may be published later)',
        {
          uid: ARTICLE,
          action: 'findOne',
          params: { where: { documentId: 'a1' } },
          result: { id: 1, documentId: 'a1', relatedPinned: [] },
        },
        ['a1', 'list:article'],
      ],
      [
        'the inverse side of a relation depends on the target list',
        {
          uid: 'api::category.category',
          action: 'findOne',
          params: { where: { documentId: 'k1' } },
          result: { id: 5, documentId: 'k1', children: [] },
        },
        ['k1', 'list:category'],
      ],
      [
        'a populate that filters depends on the target list',
        {
          uid: ARTICLE,
          action: 'findOne',
          params: { where: { documentId: 'a1' }, populate: { tags: { where: { name: 'x' } } } },
          result: null,
        },
        ['a1', 'list:tag'],
      ],
      [
        'the WhatsApp settings in the core store',
        {
          uid: 'strapi::core-store',
          action: 'findOne',
          params: { where: { key: 'plugin_newsroom_whatsapp-follow', environment: null } },
          result: null,
        },
        ['settings:whatsapp'],
      ],
      [
        'the default locale in the core store',
        {
          uid: 'strapi::core-store',
          action: 'findOne',
          params: { where: { key: 'plugin_i18n_default_locale' } },
          result: {},
        },
        ['store:plugin_i18n_default_locale'],
      ],
      [
        'bookkeeping in the core store is not a dependency',
        {
          uid: 'strapi::core-store',
          action: 'findOne',
          params: { where: { key: 'plugin_newsroom_related-rebuild' } },
          result: {},
        },
        [],
      ],
      [
        'the locales',
        {
          uid: 'plugin::i18n.locale',
          action: 'findOne',
          params: { where: { code: 'id' } },
          result: { id: 1, code: 'id' },
        },
        ['list:i18n-locale'],
      ],
      [
        'a model that is not tracked adds nothing',
        { uid: 'plugin::users-permissions.permission', action: 'findMany', params: {}, result: [{ id: 1 }] },
        [],
      ],
    ])('%s', (_name, read, expected) => {
      expect(tagsOf(read).tags).toEqual(expected);
    });

    test('a row read without its documentId is tagged by the one an earlier read of the request gave it', () => {
      const { tags } = tagsOf(
        {
          uid: ARTICLE,
          action: 'findMany',
          params: { where: { locale: 'id' } },
          result: [{ id: 7, documentId: 'a7' }],
        },
        // GraphQL loads a relation through a parent row of `id` only; article-fields reads rows by id.
        {
          uid: ARTICLE,
          action: 'findOne',
          params: { where: { id: 7 }, select: ['id'] },
          result: { id: 7, category: { id: 5, documentId: 'k1' } },
        },
        {
          uid: ARTICLE,
          action: 'findMany',
          params: { where: { id: { $in: [7] } } },
          result: [{ id: 7, locale: 'id', title: 'x' }],
        }
      );
      expect(tags).toEqual(['a7', 'k1', 'list:article:id']);
    });

    test('each document tag falls back to its type-wide list tag', () => {
      const { coarse } = tagsOf({
        uid: ARTICLE,
        action: 'findOne',
        params: { where: { locale: 'id', slug: 'x' } },
        result: { id: 1, documentId: 'a1' },
      });
      expect(Object.fromEntries(coarse)).toEqual({ a1: 'list:article', 'slug:article:id:x': 'list:article' });
    });
  });

  describe('writeTags', () => {
    test('a publish purges the document, its lists and the slug tags of its slugs', () => {
      expect(
        writeTags({
          type: 'article',
          documentId: 'a1',
          locales: ['id'],
          slugs: [{ locale: 'id', value: 'harga-beras' }],
        }).sort()
      ).toEqual(['a1', 'list:article', 'list:article:id', 'slug:article:*:harga-beras', 'slug:article:id:harga-beras']);
    });

    test('every tag a read of the written document could carry is among them', () => {
      const read = tagsOf(
        { uid: ARTICLE, action: 'findOne', params: { where: { locale: 'id', slug: 'harga-beras' } }, result: null },
        { uid: ARTICLE, action: 'findMany', params: { where: { locale: 'id' } }, result: [] },
        { uid: ARTICLE, action: 'findMany', params: { where: { documentId: 'a1' } }, result: [] }
      );
      const purged = new Set(
        writeTags({
          type: 'article',
          documentId: 'a1',
          locales: ['id'],
          slugs: [{ locale: 'id', value: 'harga-beras' }],
        })
      );
      for (const tag of read.tags) expect(purged).toContain(tag);
      for (const fallback of read.coarse.values()) expect(purged).toContain(fallback);
    });

    test('a file has no locale', () => {
      expect(writeTags({ type: 'file', documentId: 'f1', locales: [] }).sort()).toEqual(['f1', 'list:file']);
    });
  });

  describe('tagSafe', () => {
    test.each([
      ['harga-beras', 'harga-beras'],
      ['a b', '~'],
      ['x'.repeat(200), '~'],
      ['kopi,susu', '~'],
    ])('%s', (value, start) => {
      expect(tagSafe(value).startsWith(start)).toBe(true);
      expect(tagSafe(value)).toMatch(/^[A-Za-z0-9._~-]+$/);
    });
    test('is stable', () => {
      expect(slugTag('article', 'id', 'a b')).toBe(slugTag('article', 'id', 'a b'));
      expect(listTag('article', 'id')).toBe('list:article:id');
    });
  });

  describe('tagHeaderValue', () => {
    const coarse = new Map(['a1', 'a2', 'a3', 'a4', 'a5'].map((id) => [id, 'list:article']));
    test('all tags when they fit, sorted', () => {
      expect(tagHeaderValue(['list:article:id', 'a2', 'a1'], coarse, ' ', 100)).toBe('a1 a2 list:article:id');
    });
    test('document tags fall back to their type tag past the budget', () => {
      const tags = ['list:article:id', 'a5', 'a4', 'a3', 'a2', 'a1'];
      expect(tagHeaderValue(tags, coarse, ',', 30)).toBe('a1,a2,a3,a4,a5,list:article:id');
      expect(tagHeaderValue(tags, coarse, ',', 29)).toBe('list:article,list:article:id');
    });
    test('null when even the fallback does not fit', () => {
      expect(tagHeaderValue(['list:article:id', 'a1'], coarse, ' ', 5)).toBeNull();
    });
    test.each([
      ['Surrogate-Key', ' '],
      ['Cache-Tag', ','],
      ['edge-cache-tag', ','],
      ['xkey', ' '],
    ])('%s is separated by "%s"', (name, separator) => {
      expect(tagHeader(name).separator).toBe(separator);
    });
  });
});
