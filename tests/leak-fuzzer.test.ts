// A bounded, seeded fuzzer over everything public: REST lists and documents of the five types, GraphQL,
// "Berita Terkait", the article page payload, the reader pages and the feeds, with random nested
// filters (every operator, public and private fields, relations), populate, fields, sort, status,
// locale and publication variants and unknown keys. Hidden content of every kind carries a sentinel.
// Passes when no response holds a sentinel, none is a 5xx, and probes that differ only in a guessed
// hidden value answer alike. Replay a run with WARTA_FUZZ_SEED=<seed>; size it with WARTA_FUZZ_REQUESTS.
import qs from 'qs';
import { useStrapi } from './helpers/strapi';
import { ALWAYS_HIDDEN, createLeakFixture, HIDDEN, leakedSentinels } from './helpers/leak-fixture';
import { fuzzFilters, fuzzValue, graphqlLiteral, seededRandom, type FuzzModel, type Random } from './helpers/fuzz';
import {
  ARTICLE_UID,
  AUTHOR_UID,
  CATEGORY_UID,
  MEDIA_CAPTION_UID,
  PUBLIC_CONTENT_UIDS,
  TAG_UID,
} from '../src/constants';

const SEED = Number(process.env.WARTA_FUZZ_SEED ?? 20261201);
const RANDOM_REQUESTS = Number(process.env.WARTA_FUZZ_REQUESTS ?? 5000);
const ORACLE_PAIRS = 300;

let models: Record<string, FuzzModel>;

/** Pieces of hidden text to probe with: never a whole sentinel, so an echo of the request is no false alarm. */
const PIECES = [
  ...Object.values(HIDDEN).flatMap((sentinel) => [
    sentinel.slice(0, 12),
    sentinel.slice(0, 15).toLowerCase(),
    sentinel.slice(9, 18),
  ]),
  'Draf rahasia',
  'Suntingan belum',
  'Berita ditarik',
  'Earthquake in',
  'sentinel-private',
  '@warta.example',
];

const { app, fixture } = useStrapi({ fixture: createLeakFixture });

beforeAll(async () => {
  models = {};
  for (const uid of PUBLIC_CONTENT_UIDS) {
    const attributes = app.strapi.contentTypes[uid].attributes as Record<string, any>;
    const relations: Record<string, string> = {};
    for (const [name, attribute] of Object.entries(attributes)) {
      if (attribute.type === 'relation' && PUBLIC_CONTENT_UIDS.includes(attribute.target))
        relations[name] = attribute.target;
    }
    // Real names (private ones included), system names and names that must be refused.
    models[uid] = {
      attributes: [...Object.keys(attributes), 'id', 'documentId', 'publishedAt', 'constructor', 'zzz'],
      relations,
    };
  }
});

type Probe = { method: 'GET' | 'POST'; url: string; body?: unknown; idScoped: boolean; echo: string[] };
type Outcome = { status: number; text: string };

const REST_PATHS: Record<string, string> = {
  [ARTICLE_UID]: '/api/articles',
  [AUTHOR_UID]: '/api/authors',
  [CATEGORY_UID]: '/api/categories',
  [TAG_UID]: '/api/tags',
  [MEDIA_CAPTION_UID]: '/api/media-captions',
};
const GRAPHQL_FIELDS: Record<string, string> = {
  [ARTICLE_UID]: 'articles',
  [AUTHOR_UID]: 'authors',
  [CATEGORY_UID]: 'categories',
  [TAG_UID]: 'tags',
  [MEDIA_CAPTION_UID]: 'mediaCaptions',
};
const GRAPHQL_SELECTIONS: Record<string, string> = {
  [ARTICLE_UID]: 'documentId title lead slug body localizations { title lead slug } authors { name bio }',
  [AUTHOR_UID]: 'documentId name bio role',
  [CATEGORY_UID]: 'documentId name slug',
  [TAG_UID]: 'documentId name slug',
  [MEDIA_CAPTION_UID]: 'documentId caption credit',
};

const documentIds = () => [
  fixture.base.published.documentId,
  fixture.base.draft.documentId,
  fixture.base.edited.documentId,
  fixture.base.enOnly.documentId,
  fixture.withEnDraft.documentId,
  fixture.unpublished.documentId,
  fixture.deleted.documentId,
  'zzzzzzzzzzzzzzzzzzzzzzzz',
];
const slugs = () => Object.values(fixture.slugs);

function fuzzLocale(random: Random): unknown {
  return random.pick([undefined, 'id', 'id', 'en', '*', '', 'fr', ['id', 'en'], { a: 'id' }, 'ID']);
}

function restQuery(random: Random, uid: string): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  if (random.chance(0.8)) query.locale = fuzzLocale(random);
  if (random.chance(0.6)) query.filters = fuzzFilters(random, models, uid, PIECES);
  if (random.chance(0.25))
    query.populate = random.pick([
      '*',
      'localizations',
      ['authors', 'category'],
      { localizations: { filters: fuzzFilters(random, models, uid, PIECES) } },
      { relatedPinned: true },
      { authors: { fields: ['email'] } },
    ]);
  if (random.chance(0.25))
    query.fields = random.pick([['title'], ['email'], '__proto__', ['constructor'], 'name,bio', ['slug', 'lead']]);
  if (random.chance(0.2))
    query.sort = random.pick([
      'title:asc',
      'localizations.title',
      'email:desc',
      ['publishedAt:desc'],
      { authors: { email: 'asc' } },
      'id:sideways',
    ]);
  if (random.chance(0.25))
    query.status = random.pick(['', 'draft', 'DRAFT', 'published', 'Published', ['published'], { x: 'draft' }]);
  if (random.chance(0.1)) query.publicationFilter = random.pick(['modified', 'unmodified', 'never-published']);
  if (random.chance(0.05)) query.hasPublishedVersion = random.pick(['true', 'false']);
  if (random.chance(0.15)) query._q = random.pick([...PIECES, ['a']]);
  if (random.chance(0.15))
    query.pagination = random.pick([
      { page: '1', pageSize: '100' },
      { start: '99999999999999999999' },
      { page: 'x' },
      { limit: '-1' },
      { withCount: 'true' },
    ]);
  if (random.chance(0.05)) query[random.pick(['where', 'lookup', 'zzz'])] = fuzzValue(random, PIECES);
  return query;
}

const isIdScoped = (locale: unknown) => locale === undefined || locale === 'id';

function randomProbe(random: Random): Probe {
  const kind = random.int(100);
  const uid = random.pick(PUBLIC_CONTENT_UIDS);
  if (kind < 45) {
    const query = restQuery(random, uid);
    const one = random.chance(0.3) ? `/${random.pick(documentIds())}` : '';
    return {
      method: 'GET',
      url: `${REST_PATHS[uid]}${one}?${qs.stringify(query, { encodeValuesOnly: true })}`,
      idScoped: isIdScoped(query.locale),
      echo: [],
    };
  }
  if (kind < 70) {
    const locale = random.pick(['id', 'en', '*', 'fr', undefined]);
    const args = [
      locale ? `locale: "${locale}"` : '',
      random.chance(0.6) ? `filters: ${graphqlLiteral(fuzzFilters(random, models, uid, PIECES))}` : '',
      random.chance(0.2) ? `status: ${random.pick(['DRAFT', 'PUBLISHED'])}` : '',
      random.chance(0.1) ? `publicationFilter: ${random.pick(['MODIFIED', 'UNMODIFIED', 'NEVER_PUBLISHED'])}` : '',
      random.chance(0.2) ? `pagination: { limit: ${random.pick([1, 100, -1, 1000])} }` : '',
    ].filter(Boolean);
    const single = random.chance(0.2) && uid === ARTICLE_UID;
    const query = single
      ? `{ article(documentId: "${random.pick(documentIds())}"${locale ? `, locale: "${locale}"` : ''}) { ${GRAPHQL_SELECTIONS[uid]} } }`
      : `{ ${GRAPHQL_FIELDS[uid]}${args.length ? `(${args.join(', ')})` : ''} { ${GRAPHQL_SELECTIONS[uid]} } }`;
    return {
      method: 'POST',
      url: '/graphql',
      body: { query },
      idScoped: locale === 'id' || locale === undefined,
      echo: [],
    };
  }
  if (kind < 78) {
    const locale = random.pick(['id', 'en', 'fr', undefined]);
    const extra = random.chance(0.3)
      ? { [random.pick(['status', 'limit', 'populate', 'zzz'])]: fuzzValue(random, PIECES) }
      : {};
    const query = qs.stringify(
      { locale, limit: random.pick([undefined, '1', '20', '21', 'x']), ...extra },
      { encodeValuesOnly: true }
    );
    return {
      method: 'GET',
      url: `/api/articles/${random.pick(documentIds())}/related?${query}`,
      idScoped: isIdScoped(locale),
      echo: [],
    };
  }
  if (kind < 86) {
    const slug = random.pick(slugs());
    const locale = random.pick(['id', 'en', undefined]);
    if (random.chance(0.3)) {
      const query = `{ articleBySlug(slug: "${slug}"${locale ? `, locale: "${locale}"` : ''}) { title data } }`;
      return { method: 'POST', url: '/graphql', body: { query }, idScoped: locale !== 'en', echo: [slug] };
    }
    const extra = random.chance(0.3) ? { status: fuzzValue(random, PIECES) } : {};
    return {
      method: 'GET',
      url: `/api/articles/by-slug/${slug}?${qs.stringify({ locale, ...extra }, { encodeValuesOnly: true })}`,
      idScoped: isIdScoped(locale),
      echo: [slug],
    };
  }
  if (kind < 95) {
    const locale = random.pick(['id', 'en']);
    const slug = random.pick(slugs());
    const path = random.pick([
      `/read/${locale}/${slug}`,
      `/read/${locale}`,
      `/read/${locale}/kategori/internasional`,
      `/read/${locale}/kategori/news`,
      `/read/${locale}/tag/korea-utara`,
    ]);
    const query = random.chance(0.3)
      ? `?${qs.stringify({ page: random.pick(['1', '2', '0', 'x']), status: 'draft' })}`
      : '';
    return { method: 'GET', url: `${path}${query}`, idScoped: locale === 'id', echo: [slug] };
  }
  const feed = random.pick([
    '/sitemap.xml',
    '/sitemap-news.xml',
    '/sitemap-news/id.xml',
    '/sitemap-news/en.xml',
    '/sitemaps/id/articles-1.xml',
    '/sitemaps/en/articles-1.xml',
    '/sitemaps/id/tags-1.xml',
    '/rss/id.xml',
    '/rss/en.xml',
    '/rss/id/internasional.xml',
  ]);
  return { method: 'GET', url: feed, idScoped: /\/id[./]/.test(feed), echo: [] };
}

async function send(probe: Probe): Promise<Outcome> {
  const res =
    probe.method === 'GET' ? await app.request().get(probe.url) : await app.request().post(probe.url).send(probe.body);
  return { status: res.status, text: res.text };
}

/** Pairs of probes that differ only in a guess at something hidden: a right guess and a wrong one. */
function oraclePair(random: Random): { right: Probe; wrong: Probe; guess: [string, string] } {
  const mutate = (value: string) => value.slice(0, -3) + 'qqq';
  const hiddenText = random.pick([
    `${HIDDEN.enDraft} Earthquake`,
    `Draft lead ${HIDDEN.enDraft}`,
    HIDDEN.email,
    `Berita ditarik ${HIDDEN.unpublished}`,
    `Draf rahasia ${HIDDEN.draft}`,
  ]);
  const cut = 6 + random.int(Math.max(1, hiddenText.length - 6));
  const right = random.chance(0.5) ? hiddenText.slice(0, cut) : hiddenText.slice(random.int(cut), cut);
  const guess: [string, string] = right.length >= 4 ? [right, mutate(right)] : ['SENTINEL-EN', 'SENTINEL-XQ'];
  const field = random.pick(['title', 'lead', 'slug']);
  const operator = random.pick([
    '$startsWith',
    '$startsWithi',
    '$contains',
    '$containsi',
    '$eq',
    '$eqi',
    '$endsWith',
    '$lt',
    '$gte',
  ]);
  const make = (value: string): Probe => {
    switch (guessKind) {
      case 0:
        return restProbe('/api/articles', {
          locale: 'id',
          filters: { localizations: { [field]: { [operator]: value } } },
        });
      case 1:
        return restProbe('/api/articles', {
          locale: 'id',
          filters: { $or: [{ localizations: { [field]: { [operator]: value } } }, { id: { $lt: 0 } }] },
        });
      case 2:
        return restProbe('/api/articles', {
          locale: 'id',
          filters: { $not: { localizations: { [field]: { [operator]: value } } } },
          fields: ['title'],
        });
      case 3:
        return restProbe('/api/authors', { locale: 'id', _q: value });
      case 4:
        return restProbe('/api/articles', { locale: 'id', _q: value, fields: ['title'] });
      case 5:
        return restProbe('/api/articles', { locale: 'id', filters: { [field]: { [operator]: value } } });
      case 6:
        return {
          method: 'POST',
          url: '/graphql',
          body: {
            query:
              'query($g: String) { articles(locale: "id", filters: { localizations: { title: { startsWith: $g } } }) { documentId } }',
            variables: { g: value },
          },
          idScoped: true,
          echo: [],
        };
      case 7:
        return restProbe(`/api/articles/${fixture.withEnDraft.documentId}`, {
          locale: 'id',
          filters: { localizations: { [field]: { [operator]: value } } },
        });
      default:
        return restProbe('/api/articles', {
          locale: 'id',
          filters: { documentId: fixture.withEnDraft.documentId, localizations: { locale: { $eq: value } } },
        });
    }
  };
  const guessKind = random.int(9);
  if (guessKind === 8) return { right: make('en'), wrong: make('fr'), guess: ['en', 'fr'] };
  return { right: make(guess[0]), wrong: make(guess[1]), guess };
}

function restProbe(path: string, query: Record<string, unknown>): Probe {
  return { method: 'GET', url: `${path}?${qs.stringify(query, { encodeValuesOnly: true })}`, idScoped: true, echo: [] };
}

/** Probes of the hidden documents by their own identity, against a made-up one of the same shape. */
function identityPairs(): { right: Probe; wrong: Probe; guess: [string, string] }[] {
  const pairs: { right: Probe; wrong: Probe; guess: [string, string] }[] = [];
  const fake = (value: string) => value.slice(0, -6) + 'qqqqqq';
  for (const documentId of [
    fixture.base.draft.documentId,
    fixture.unpublished.documentId,
    fixture.deleted.documentId,
  ]) {
    for (const path of [
      (d: string) => `/api/articles/${d}?locale=id`,
      (d: string) => `/api/articles/${d}/related?locale=id`,
    ]) {
      pairs.push({
        right: restGet(path(documentId)),
        wrong: restGet(path(fake(documentId))),
        guess: [documentId, fake(documentId)],
      });
    }
  }
  for (const [slug, locale] of [
    [fixture.slugs.draft, 'id'],
    [fixture.slugs.unpublished, 'id'],
    [fixture.slugs.deleted, 'id'],
    [fixture.slugs.enDraft, 'en'],
  ]) {
    for (const path of [
      (s: string) => `/api/articles/by-slug/${s}?locale=${locale}`,
      (s: string) => `/read/${locale}/${s}`,
      (s: string) => `/api/articles?locale=${locale}&filters[slug][$eq]=${s}`,
    ]) {
      pairs.push({ right: restGet(path(slug)), wrong: restGet(path(fake(slug))), guess: [slug, fake(slug)] });
    }
  }
  for (const [name, a, b] of [
    ['publicationFilter', 'modified', 'unmodified'],
    ['hasPublishedVersion', 'true', 'false'],
  ]) {
    pairs.push({
      right: restGet(`/api/articles?locale=id&${name}=${a}`),
      wrong: restGet(`/api/articles?locale=id&${name}=${b}`),
      guess: [a, b],
    });
  }
  return pairs;
}

const restGet = (url: string): Probe => ({ method: 'GET', url, idScoped: true, echo: [] });

/**
 * A response with the guess itself written back in the same place as the other guess, and what
 * changes between any two responses by design blanked: a reader page's CSP nonce, relative times.
 */
const normalised = (outcome: Outcome, guess: string) =>
  `${outcome.status} ${outcome.text
    .split(guess)
    .join('<GUESS>')
    .split(encodeURIComponent(guess))
    .join('<GUESS>')
    .replace(/nonce-[A-Za-z0-9+/=_-]+/g, 'nonce-<N>')
    // "2 menit yang lalu" may become "3 menit yang lalu" between the two probes of a pair.
    .replace(/"relative":"[^"]*"/g, '"relative":"<R>"')
    .replace(/nonce="[^"]*"/g, 'nonce="<N>"')}`;

describe('leak fuzzer', () => {
  test(`${RANDOM_REQUESTS} random public requests and ${ORACLE_PAIRS} + identity oracle pairs: no sentinel, no 5xx, no oracle`, async () => {
    const random = seededRandom(SEED);
    const started = Date.now();
    const failures: string[] = [];
    const statuses: Record<string, number> = {};

    for (let i = 0; i < RANDOM_REQUESTS && failures.length < 10; i += 1) {
      const probe = randomProbe(random);
      const outcome = await send(probe);
      const bucket = `${Math.floor(outcome.status / 100)}xx`;
      statuses[bucket] = (statuses[bucket] ?? 0) + 1;
      const leaked = leakedSentinels(
        outcome.text,
        probe.echo,
        probe.idScoped ? [...ALWAYS_HIDDEN, HIDDEN.enOnly] : ALWAYS_HIDDEN
      );
      if (outcome.status >= 500)
        failures.push(`${outcome.status} ${probe.method} ${probe.url} ${JSON.stringify(probe.body ?? '')}`);
      if (leaked.length)
        failures.push(`leaked ${leaked.join(', ')}: ${probe.method} ${probe.url} ${JSON.stringify(probe.body ?? '')}`);
    }

    const pairs = [...identityPairs(), ...Array.from({ length: ORACLE_PAIRS }, () => oraclePair(random))];
    for (const { right, wrong, guess } of pairs) {
      if (failures.length >= 10) break;
      const [a, b] = [await send(right), await send(wrong)];
      if (normalised(a, guess[0]) !== normalised(b, guess[1])) {
        failures.push(
          `oracle: ${right.method} ${right.url} ${JSON.stringify(right.body ?? '')} answers ${a.status} ${a.text.slice(0, 160)} but the wrong guess answers ${b.status} ${b.text.slice(0, 160)}`
        );
      }
      for (const outcome of [a, b])
        if (outcome.status >= 500) failures.push(`${outcome.status} on an oracle probe ${right.url}`);
    }

    console.info(
      `[leak-fuzzer] seed ${SEED}: ${RANDOM_REQUESTS} random requests (${Object.entries(statuses)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}), ` +
        `${pairs.length} oracle pairs, ${((Date.now() - started) / 1000).toFixed(1)} s, ${failures.length} failures`
    );
    expect(failures).toEqual([]);
    // The run must really have reached data, not only refused everything.
    expect(statuses['2xx']).toBeGreaterThan(RANDOM_REQUESTS / 4);
    expect(statuses['4xx']).toBeGreaterThan(RANDOM_REQUESTS / 10);
    // About a minute alone on this machine; a run that shares the cores with other work needs more.
  }, 360_000);
});
