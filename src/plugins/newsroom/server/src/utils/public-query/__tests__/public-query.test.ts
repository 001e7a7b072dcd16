import { publicReadParams, publicReadProblem, type QueryModel } from '..';

const article: QueryModel = {
  uid: 'api::article.article',
  options: { draftAndPublish: true },
  attributes: {
    title: { type: 'string' },
    slug: { type: 'uid' },
    body: { type: 'blocks' },
    datePublished: { type: 'datetime' },
    publishedAt: { type: 'datetime' },
    author: { type: 'relation', relation: 'oneToOne', target: 'api::author.author' },
    localizations: { type: 'relation', relation: 'oneToMany', target: 'api::article.article' },
    relatedPinned: { type: 'relation', relation: 'oneToMany', target: 'api::article.article', private: true },
    createdBy: { type: 'relation', relation: 'oneToOne', target: 'admin::user' },
    seo: { type: 'component', component: 'shared.seo' },
  },
};
const author: QueryModel = {
  uid: 'api::author.author',
  options: { draftAndPublish: false },
  attributes: {
    name: { type: 'string' },
    bio: { type: 'text' },
    email: { type: 'email', private: true },
    articles: { type: 'relation', relation: 'oneToMany', target: 'api::article.article' },
  },
};
const seo: QueryModel = { uid: 'shared.seo', attributes: { metaTitle: { type: 'string' } } };
const models: Record<string, QueryModel> = { [article.uid]: article, [author.uid]: author, [seo.uid]: seo };
const getModel = (uid: string) => models[uid];

describe('publicReadProblem', () => {
  test.each([
    ['filters as a list of values', { filters: ['1'] }, '"filters" harus berupa objek filter'],
    ['a numeric key', { filters: { 0: '1' } }, 'kunci tak dikenal "0"'],
    ['$or with a value', { filters: { $or: 'x' } }, '"filters[$or]" harus berupa daftar'],
    ['$or with a value inside', { filters: { $or: ['x'] } }, '"filters[$or][0]" harus berupa objek'],
    ['an empty $and', { filters: { $and: '' } }, '"filters[$and]" harus berupa daftar'],
    ['$not with a value', { filters: { $not: 'x' } }, '"filters[$not]" harus berupa objek'],
    ['$between with one value', { filters: { title: { $between: 'x' } } }, 'tepat dua nilai'],
    ['$between with a list of one', { filters: { title: { $between: ['a'] } } }, 'tepat dua nilai'],
    ['$between with three', { filters: { title: { $between: ['a', 'b', 'c'] } } }, 'tepat dua nilai'],
    [
      '$eq nested in $eq',
      { filters: { title: { $eq: { $eq: 'x' } } } },
      '"filters[title][$eq]" harus berupa satu nilai',
    ],
    [
      '$in nested in $ne',
      { filters: { title: { $ne: { $in: ['a'] } } } },
      '"filters[title][$ne]" harus berupa satu nilai',
    ],
    ['$null with a word', { filters: { title: { $null: 'maybe' } } }, 'true atau false'],
    ['an unknown operator', { filters: { title: { $regex: '.*' } } }, 'Operator "$regex" tidak dikenal'],
    ['an operator at the root', { filters: { $eq: 'x' } }, 'Operator "$eq" tidak dikenal'],
    ['an inherited key', { filters: { constructor: { $eq: 'x' } } }, 'kunci tak dikenal "constructor"'],
    [
      'a private field',
      { filters: { author: { email: { $startsWith: 'a' } } } },
      '"filters[author][email]" tidak dapat dipakai',
    ],
    [
      'a private relation',
      { filters: { relatedPinned: { title: 'x' } } },
      '"filters[relatedPinned]" tidak dapat dipakai',
    ],
    [
      'the admin user behind createdBy',
      { filters: { createdBy: { id: 1 } } },
      '"filters[createdBy]" tidak dapat dipakai',
    ],
    ['fields=__proto__', { fields: '__proto__' }, 'kolom tak dikenal "__proto__"'],
    ['fields[0]=constructor', { fields: ['constructor'] }, 'kolom tak dikenal "constructor"'],
    ['a relation as a field', { fields: ['author'] }, 'kolom tak dikenal "author"'],
    ['fields as an object', { fields: { a: 1 } }, 'nama kolom atau daftar'],
    [
      'a start beyond any integer',
      { pagination: { start: '99999999999999999999' } },
      '"pagination[start]" harus bilangan bulat 0',
    ],
    ['page 0', { pagination: { page: '0' } }, '"pagination[page]" harus bilangan bulat 1'],
    ['a fractional limit', { limit: 2.5 }, '"limit" harus bilangan bulat'],
    [
      'a sort through localizations',
      { sort: 'localizations.title:asc' },
      '"sort[localizations.title]" tidak dapat dipakai',
    ],
    ['a sort on a private field', { sort: { author: { email: 'asc' } } }, 'tidak dapat dipakai'],
    ['a sort in a strange direction', { sort: 'title:sideways' }, '"sort" harus berupa'],
    ['a populate of a private relation', { populate: ['relatedPinned'] }, 'kolom tak dikenal "relatedPinned"'],
    [
      'a populate with a malformed filter',
      { populate: { author: { filters: { $or: 'x' } } } },
      '"populate[author][filters][$or]"',
    ],
    ['a populate with an unknown option', { populate: { author: { where: {} } } }, 'kunci tak dikenal "where"'],
    ['a word for an id', { filters: { id: "'" } }, '"filters[id]" harus berupa bilangan bulat'],
    [
      'a word for a related id',
      { filters: { author: { $gt: 'Gempa' } } },
      '"filters[author][$gt]" harus berupa bilangan bulat',
    ],
    [
      'a word for a related id, directly',
      { filters: { author: 'Gempa' } },
      '"filters[author]" harus berupa bilangan bulat',
    ],
    [
      'a text operator on an id',
      { filters: { id: { $endsWith: '7' } } },
      'Operator "$endsWith" tidak berlaku untuk "filters[id]"',
    ],
    [
      'a text operator on a date',
      { filters: { datePublished: { $notContainsi: '2024' } } },
      'Operator "$notContainsi" tidak berlaku',
    ],
    [
      'a value for rich-text blocks',
      { filters: { body: { $contains: 'banjir' } } },
      'Operator "$contains" tidak berlaku untuk "filters[body]"',
    ],
    [
      'a word in a list of ids',
      { filters: { id: { $in: ['1', 'dua'] } } },
      '"filters[id][$in][1]" harus berupa bilangan bulat',
    ],
    ['_q as a list', { _q: ['a'] }, '"_q" harus berupa satu teks'],
    ['an empty locale', { locale: '' }, '"locale" harus berupa satu kode'],
    ['a locale list', { locale: ['id', 'en'] }, '"locale" harus berupa satu kode'],
    ['a locale that is no code', { locale: 'x y' }, 'Bahasa "x y" tidak dikenal'],
  ])('refuses %s', (_name, params, message) => {
    expect(publicReadProblem(params as Record<string, unknown>, article, getModel)).toContain(message);
  });

  test.each([
    ['plain equality', { filters: { title: 'Banjir' } }],
    [
      'operators, groups and negation',
      { filters: { $or: [{ title: { $containsi: 'banjir' } }, { $not: { slug: { $in: ['a', 'b'] } } }] } },
    ],
    ['a list from qs beyond its array limit', { filters: { $or: { 21: { title: 'a' }, 22: { title: 'b' } } } }],
    ['$between with two values', { filters: { datePublished: { $between: ['2024-01-01', '2024-12-31'] } } }],
    ['$not inside an attribute', { filters: { title: { $not: { $eq: 'x' } } } }],
    [
      'a relation, by its fields or its id',
      { filters: { author: { name: { $eq: 'Susi' } }, localizations: { $null: 'true' } } },
    ],
    ['a component field', { filters: { seo: { metaTitle: { $contains: 'a' } } } }],
    [
      'fields, sort, populate and pagination',
      {
        fields: ['title', 'slug'],
        sort: ['datePublished:desc', 'title'],
        populate: { author: { fields: ['name'] } },
        pagination: { page: '2', pageSize: '10' },
      },
    ],
    ['populate=*', { populate: '*' }],
    ['ids as numbers and digit strings', { filters: { id: { $in: [1, '2'] }, author: { $eq: '3' } } }],
    [
      'a date range and an emptiness check on blocks',
      { filters: { datePublished: { $between: ['2024-01-01', '2024-02-01'] }, body: { $notNull: true } } },
    ],
    ['every locale', { locale: '*' }],
  ])('accepts %s', (_name, params) => {
    expect(publicReadProblem(params as Record<string, unknown>, article, getModel)).toBeNull();
  });
});

describe('publicReadParams', () => {
  test('forces published rows and drops publication-state filters for the public', () => {
    const result = publicReadParams(
      { status: 'draft', publicationFilter: 'modified', hasPublishedVersion: 'false' },
      article,
      getModel,
      false
    );
    expect(result).toEqual({ status: 'published' });
  });

  test('lets an editor read drafts, through relations too', () => {
    const params = { status: 'draft', filters: { localizations: { title: 'x' } } };
    expect(publicReadParams(params, article, getModel, true)).toEqual({
      status: 'draft',
      filters: { localizations: { $and: [{ title: 'x' }] } },
    });
  });

  test.each([
    ['$not over attributes', { $not: { name: { $eq: 'x' } } }, { $not: { name: { $eq: 'x' } } }],
    ['$not over an operator', { $not: { $eq: 3 } }, { $not: { id: { $eq: 3 } } }],
    ['operators mixed with attributes', { name: 'x', $in: [1, 2] }, { name: 'x', id: { $in: [1, 2] } }],
    ['two operators', { $gt: 1, $lt: 9 }, { id: { $gt: 1, $lt: 9 } }],
    ['a bare id', 4, { id: 4 }],
    ['operators inside a group', { $or: [{ $eq: 1 }, { name: 'y' }] }, { $or: [{ id: { $eq: 1 } }, { name: 'y' }] }],
  ])('writes a relation filter with %s in the shape the database layer takes', (_name, filter, rewritten) => {
    const result = publicReadParams({ filters: { author: filter } }, article, getModel, false);
    expect(result.filters).toEqual({ author: { $and: [rewritten] } });
  });

  test('limits a filter through localizations to published rows, inside groups and negations too', () => {
    const result = publicReadParams(
      {
        filters: {
          $or: [{ localizations: { title: { $startsWith: 'Zebra' } } }],
          $not: { localizations: { $null: true } },
        },
      },
      article,
      getModel,
      false
    );
    const published = { publishedAt: { $notNull: true } };
    expect(result.filters).toEqual({
      $or: [{ localizations: { $and: [{ title: { $startsWith: 'Zebra' } }, published] } }],
      $not: { localizations: { $and: [{ id: { $null: true } }, published] } },
    });
  });

  test('limits a walk from a type without drafts into one with drafts', () => {
    const result = publicReadParams({ filters: { articles: { title: 'x' } } }, author, getModel, false);
    expect(result.filters).toEqual({ articles: { $and: [{ title: 'x' }, { publishedAt: { $notNull: true } }] } });
  });

  test('limits filters nested in populate', () => {
    const result = publicReadParams(
      { populate: { localizations: { filters: { localizations: { title: 'x' } } } } },
      article,
      getModel,
      false
    );
    expect(result.populate).toEqual({
      localizations: { filters: { localizations: { $and: [{ title: 'x' }, { publishedAt: { $notNull: true } }] } } },
    });
  });

  test('turns _q into a search of public text fields, never a private one', () => {
    const result = publicReadParams({ _q: 'hidden', filters: { bio: { $notNull: true } } }, author, getModel, false);
    expect(result._q).toBeUndefined();
    expect(result.filters).toEqual({
      $and: [
        { bio: { $notNull: true } },
        { $or: [{ name: { $containsi: 'hidden' } }, { bio: { $containsi: 'hidden' } }] },
      ],
    });
  });

  test('a numeric _q also matches the id', () => {
    const result = publicReadParams({ _q: '42' }, author, getModel, false);
    expect(result.filters).toEqual({
      $or: [{ name: { $containsi: '42' } }, { bio: { $containsi: '42' } }, { id: { $eq: 42 } }],
    });
  });
});
