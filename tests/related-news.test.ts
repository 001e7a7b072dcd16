// Guards "Berita Terkait": relevant, same locale, published only; drafts, English articles and
// unpublished or deleted articles never appear (sentinels); limits and bad parameters are 400; unknown or
// unpublished articles are 404; lists are recomputed after a publish.
import { countQueries, eventually, useStrapi } from './helpers/strapi';
import { createNewsFixture, paragraph, SENTINELS } from './helpers/fixtures';
import { ARTICLE_UID, CATEGORY_UID, RELATED_MAX_LIMIT, RELATED_TABLES } from '../src/constants';

const story: Record<string, string> = {};

const KOREA = 'Korea Utara kirim amunisi artileri ke Rusia lewat pelabuhan Rajin, kata pejabat Korea Selatan.';
const FOOTBALL = 'Timnas Indonesia menang atas Vietnam di Stadion Gelora Bung Karno dalam kualifikasi Piala Dunia.';

async function publish(title: string, text: string, extra: Record<string, unknown> = {}, locale = 'id') {
  const doc = await app.strapi.documents(ARTICLE_UID).create({
    locale,
    status: 'published',
    data: {
      title,
      lead: text,
      body: [paragraph(text), paragraph(text)],
      category: fixture.internasional.documentId,
      cover: fixture.cover.documentId,
      ...extra,
    },
  } as any);
  return doc.documentId as string;
}

async function related(documentId: string, query = 'locale=id&limit=5') {
  return app.request().get(`/api/articles/${documentId}/related?${query}`);
}

const { app, fixture } = useStrapi({ fixture: createNewsFixture });

beforeAll(async () => {
  story.one = await publish('Korea Utara Kirim Amunisi ke Rusia', KOREA, { tags: [fixture.korut.documentId] });
  story.two = await publish('Pelabuhan Rajin Jadi Jalur Amunisi Korea Utara ke Rusia', KOREA);
  story.three = await publish('Seoul: Pasokan Amunisi Korea Utara ke Rusia Meningkat', KOREA, {
    tags: [fixture.korut.documentId],
  });
  story.football = await publish('Timnas Indonesia Kalahkan Vietnam', FOOTBALL);
  story.draft = (
    await app.strapi.documents(ARTICLE_UID).create({
      locale: 'id',
      data: {
        title: `Draf amunisi Korea Utara ${SENTINELS.draft}`,
        lead: KOREA,
        body: [paragraph(KOREA)],
        category: fixture.internasional.documentId,
      },
    } as any)
  ).documentId;
  story.english = await publish(
    `North Korea ammunition to Russia ${SENTINELS.enOnly}`,
    'North Korea sends artillery ammunition to Russia.',
    {},
    'en'
  );
  await app.strapi.plugin('newsroom').service('related-news').idle();
});

describe('GET /api/articles/:documentId/related', () => {
  test('returns the same running story first, in the envelope Strapi uses', async () => {
    const res = await related(story.one);
    expect(res.status).toBe(200);
    expect(res.body.meta).toMatchObject({ documentId: story.one, locale: 'id', limit: 5 });
    const ids = res.body.data.map((article: any) => article.documentId);
    expect(ids.slice(0, 2).sort()).toEqual([story.two, story.three].sort());
    expect(ids).not.toContain(story.one);
    const first = res.body.data[0];
    expect(first).toMatchObject({
      locale: 'id',
      title: expect.any(String),
      slug: expect.any(String),
      lead: KOREA,
      datePublished: expect.any(String),
    });
    expect(first.cover).toMatchObject({
      credit: 'Reuters',
      creditLine: '(Foto: Reuters)',
      image: { url: expect.stringMatching(/^\/uploads\//) },
    });
  });

  test('never returns a draft, another locale, or a private field', async () => {
    const running = [story.one, story.two, story.three];
    for (const documentId of [...running, fixture.published.documentId]) {
      const res = await related(documentId, 'locale=id&limit=20');
      expect(res.status).toBe(200);
      for (const sentinel of [SENTINELS.draft, SENTINELS.draftEdit, SENTINELS.enOnly, SENTINELS.email])
        expect(res.text).not.toContain(sentinel);
      const ids = res.body.data.map((article: any) => article.documentId);
      // Lists to check: an empty one would pass the locale check below whatever the code did. The fixture's
      // 2023 story is further from every other Indonesian article than the scoring's maxAgeDays: none.
      if (documentId === fixture.published.documentId) expect(ids).toEqual([]);
      else expect(ids).toEqual(expect.arrayContaining(running.filter((other) => other !== documentId)));
      for (const article of res.body.data) expect(article.locale).toBe('id');
    }
  });

  test('an English article gets English related news only', async () => {
    const res = await related(story.english, 'locale=en');
    expect(res.status).toBe(200);
    // The one other English article within the scoring's maxAgeDays (the fixture's 2023 story is older), and
    // none of the Indonesian articles of the same story.
    expect(res.body.data.map((article: any) => article.documentId)).toEqual([fixture.enOnly.documentId]);
    for (const article of res.body.data) expect(article.locale).toBe('en');
  });

  test.each([
    ['limit=0', 400],
    ['limit=21', 400],
    ['limit=abc', 400],
    ['limit=2.5', 400],
    ['locale=fr', 400],
    ['locale=id&sort=title', 400],
    ['locale=id&populate=*', 400],
  ])('?%s is %i with a message', async (query, status) => {
    const res = await related(story.one, query);
    expect(res.status).toBe(status);
    expect(res.body.error.message).toMatch(/limit|bahasa|locale|parameter/i);
  });

  test('a read costs a constant number of SQL statements, whatever the limit', async () => {
    const count = async (query: string) => {
      const { result, queries } = await countQueries(app, () => related(story.one, query));
      expect(result.status).toBe(200);
      return queries;
    };
    await count('locale=id&limit=1');
    expect(await count('locale=id&limit=20')).toBe(await count('locale=id&limit=1'));
  });

  test('limit bounds are respected', async () => {
    // More candidates than the largest limit, so that 20 is the bound at work and not the supply.
    const flood = 'Banjir rob merendam Muara Baru dan Pluit, warga mengungsi ke masjid dan sekolah terdekat.';
    const desk = await app.strapi
      .documents(CATEGORY_UID)
      .create({ locale: 'id', data: { name: 'Megapolitan', slug: 'megapolitan' } } as any);
    const source = await publish('Banjir Rob Rendam Jakarta Utara', flood, { category: desk.documentId });
    const flooded = [source];
    try {
      for (let i = 1; i <= RELATED_MAX_LIMIT + 1; i += 1)
        flooded.push(await publish(`Banjir Rob Jakarta Utara, Hari ke-${i}`, flood, { category: desk.documentId }));
      await app.strapi.plugin('newsroom').service('related-news').idle();
      expect((await related(source, 'locale=id&limit=1')).body.data).toHaveLength(1);
      const most = (await related(source, `locale=id&limit=${RELATED_MAX_LIMIT}`)).body.data.map(
        (article: any) => article.documentId
      );
      expect(most).toHaveLength(RELATED_MAX_LIMIT);
      expect(new Set(most).size).toBe(RELATED_MAX_LIMIT);
      expect(most).not.toContain(source);
      expect((await related(source, `locale=id&limit=${RELATED_MAX_LIMIT + 1}`)).status).toBe(400);
    } finally {
      // Every recent article is a candidate (the time score): left in place, these would crowd every other list.
      for (const documentId of flooded)
        await app.strapi.documents(ARTICLE_UID).delete({ documentId, locale: 'id' } as any);
      await app.strapi.plugin('newsroom').service('related-news').idle();
    }
  });

  test('an unknown, a never-published or another locale article is 404', async () => {
    expect((await related('doesnotexist123', 'locale=id')).status).toBe(404);
    expect((await related(story.draft, 'locale=id')).status).toBe(404);
    expect((await related(story.english, 'locale=id')).status).toBe(404);
  });

  test('an unpublished related article disappears at once, and so does a deleted one', async () => {
    // Its own running story, so that no other test loses the articles it expects.
    const rocket = 'Korea Utara luncurkan roket pembawa satelit mata-mata dari Sohae, Jepang keluarkan peringatan.';
    const source = await publish('Korea Utara Luncurkan Roket Satelit', rocket);
    const unpublished = await publish('Roket Satelit Korea Utara Melintas di Atas Okinawa', rocket);
    const deleted = await publish('Jepang Keluarkan Peringatan Roket Korea Utara', rocket);
    await app.strapi.plugin('newsroom').service('related-news').idle();
    const before = (await related(source)).body.data.map((article: any) => article.documentId);
    expect(before).toContain(unpublished);
    await app.strapi.documents(ARTICLE_UID).unpublish({ documentId: unpublished, locale: 'id' } as any);
    expect((await related(source)).body.data.map((article: any) => article.documentId)).not.toContain(unpublished);

    expect(before).toContain(deleted);
    await app.strapi.documents(ARTICLE_UID).delete({ documentId: deleted, locale: 'id' } as any);
    expect((await related(source)).body.data.map((article: any) => article.documentId)).not.toContain(deleted);
  });

  test("an article's own related list is a 404 as soon as it is unpublished", async () => {
    const source = await publish('Korea Utara Uji Coba Rudal Lagi', KOREA);
    await app.strapi.plugin('newsroom').service('related-news').idle();
    expect((await related(source)).status).toBe(200);
    await app.strapi.documents(ARTICLE_UID).unpublish({ documentId: source, locale: 'id' } as any);
    expect((await related(source)).status).toBe(404);
  });

  test("a newly published article of the story joins its neighbours' lists after the publish", async () => {
    const newest = await publish('Korea Utara Bantah Kirim Amunisi ke Rusia', KOREA, {
      tags: [fixture.korut.documentId],
    });
    await eventually(async () =>
      (await related(story.one)).body.data.some((article: any) => article.documentId === newest)
    );
  });

  test('GraphQL: related(limit) on Article', async () => {
    const res = await app
      .request()
      .post('/graphql')
      .send({
        query:
          'query ($id: ID!) { article(documentId: $id, locale: "id") { related(limit: 2) { documentId title locale } } }',
        variables: { id: story.one },
      });
    expect(res.body.errors).toBeUndefined();
    // The running story has more than two related articles: exactly the limit comes back.
    expect(res.body.data.article.related).toHaveLength(2);
    for (const article of res.body.data.article.related) expect(article.locale).toBe('id');
    const tooMany = await app
      .request()
      .post('/graphql')
      .send({
        query: 'query ($id: ID!) { article(documentId: $id, locale: "id") { related(limit: 25) { title } } }',
        variables: { id: story.one },
      });
    expect(tooMany.body.errors[0].message).toMatch(/limit/);
  });

  test('a served read costs two SQL statements in the service and a fixed few over HTTP, whatever the limit', async () => {
    const service = app.strapi.plugin('newsroom').service('related-news');
    await service.idle();
    await service.find(story.one, 'id', 5);
    for (const limit of [1, 5, 20]) {
      const { result, queries } = await countQueries(app, () => service.find(story.one, 'id', limit));
      expect(result.articles.length).toBeGreaterThan(0);
      expect(queries).toBe(2);
    }
    const overHttp = await countQueries(app, () => related(story.one, 'locale=id&limit=20'));
    expect(overHttp.result.status).toBe(200);
    // Strapi's own per-request work for the Public role (its permissions) comes on top of the two.
    expect(overHttp.queries).toBeLessThanOrEqual(4);
  });

  test('a related article republished with a new title shows the new title at once', async () => {
    const list = (await related(story.one)).body.data;
    const target = list[0].documentId;
    const title = `Judul Baru ${Date.now()}`;
    await app.strapi.documents(ARTICLE_UID).update({ documentId: target, locale: 'id', data: { title } } as any);
    expect((await related(story.one)).body.data.find((article: any) => article.documentId === target).title).not.toBe(
      title
    );
    await app.strapi.documents(ARTICLE_UID).publish({ documentId: target, locale: 'id' } as any);
    expect((await related(story.one)).body.data.find((article: any) => article.documentId === target).title).toBe(
      title
    );
  });
});

describe('editor pins and exclusions', () => {
  const ids = (res: any) => res.body.data.map((article: any) => article.documentId);
  const choose = async (documentId: string, data: Record<string, unknown>, locale = 'id') => {
    await app.strapi.documents(ARTICLE_UID).update({ documentId, locale, data } as any);
    return app.strapi.documents(ARTICLE_UID).publish({ documentId, locale } as any);
  };
  let source: string;
  let sameStory: string[];
  let unrelated: string[];

  beforeAll(async () => {
    source = await publish('Korea Utara Pamerkan Rudal Baru', KOREA);
    sameStory = [
      await publish('Rudal Korea Utara Terbang di Atas Laut Jepang', KOREA),
      await publish('Korea Utara Siapkan Uji Rudal', KOREA),
    ];
    unrelated = [
      await publish('Timnas Indonesia Menang Lagi', FOOTBALL),
      await publish('Timnas Indonesia Latihan di Bali', FOOTBALL),
    ];
    await app.strapi.plugin('newsroom').service('related-news').idle();
  });

  test("pins come first in the editor's order, then the best scores; exclusions never appear", async () => {
    const before = ids(await related(source, 'locale=id&limit=20'));
    expect(before.slice(0, 2).every((id: string) => !unrelated.includes(id))).toBe(true);
    expect(before).toContain(sameStory[0]);

    await choose(source, { relatedPinned: [unrelated[1], unrelated[0]], relatedExcluded: [sameStory[0]] });
    await app.strapi.plugin('newsroom').service('related-news').idle();
    const after = ids(await related(source, 'locale=id&limit=20'));
    expect(after.slice(0, 2)).toEqual([unrelated[1], unrelated[0]]);
    expect(after).not.toContain(sameStory[0]);
    expect(after[2]).not.toBe(source);
    expect(after).toContain(sameStory[1]);
    expect(ids(await related(source, 'locale=id&limit=1'))).toEqual([unrelated[1]]);
  });

  test('a pinned article that is unpublished disappears at once', async () => {
    // Pins of its own, on an article of its own: the test above may or may not have run.
    const gone = await publish('Timnas Indonesia Umumkan Skuad', FOOTBALL);
    await choose(source, { relatedPinned: [gone, unrelated[0]], relatedExcluded: [] });
    await app.strapi.plugin('newsroom').service('related-news').idle();
    expect(ids(await related(source, 'locale=id&limit=20')).slice(0, 2)).toEqual([gone, unrelated[0]]);
    await app.strapi.documents(ARTICLE_UID).unpublish({ documentId: gone, locale: 'id' } as any);
    const now = ids(await related(source, 'locale=id&limit=20'));
    expect(now).not.toContain(gone);
    expect(now[0]).toBe(unrelated[0]);
  });

  test('choices that make no sense are refused with a message, and nothing goes live', async () => {
    const draftTitle = `Judul yang tidak boleh terbit ${Date.now()}`;
    await expect(choose(source, { title: draftTitle, relatedPinned: [source] })).rejects.toThrow(/dirinya sendiri/);
    await expect(
      choose(source, { title: draftTitle, relatedPinned: [unrelated[0]], relatedExcluded: [unrelated[0]] })
    ).rejects.toThrow(/disematkan sekaligus dikecualikan/);
    const live = await app.strapi
      .documents(ARTICLE_UID)
      .findOne({ documentId: source, locale: 'id', status: 'published' } as any);
    expect(live.title).not.toBe(draftTitle);
  });

  test("the editor's choices stay out of the public API", async () => {
    const res = await app.request().get(`/api/articles/${source}?locale=id&populate=*`);
    expect(res.status).toBe(200);
    expect(res.body.data.relatedPinned).toBeUndefined();
    expect(res.body.data.relatedExcluded).toBeUndefined();
  });
});

describe('the index and npm run related:rebuild', () => {
  const service = () => app.strapi.plugin('newsroom').service('related-news');
  const knex = () => (app.strapi.db as any).connection;
  const snapshot = async () => {
    const rows = await knex()(RELATED_TABLES.terms).select('locale', 'term', 'df').where('df', '>', 0);
    return rows.map((row: any) => `${row.locale}/${row.term}=${Number(row.df)}`).sort();
  };
  const listOf = async (documentId: string) =>
    (await related(documentId, 'locale=id&limit=20')).body.data.map((article: any) => article.documentId);

  test('what publishes, unpublishes and deletes kept in the index equals a recount from scratch', async () => {
    // Its own publish, unpublish and delete, so that the index has been kept through each of them.
    const kept = await publish('Korea Utara Kirim Peluru Artileri Lagi', KOREA, { tags: [fixture.korut.documentId] });
    const withdrawn = await publish('Korea Utara Tarik Kapal dari Rajin', KOREA);
    const removed = await publish('Rusia Terima Amunisi di Vladivostok', KOREA);
    await service().idle();
    await app.strapi.documents(ARTICLE_UID).unpublish({ documentId: withdrawn, locale: 'id' } as any);
    await app.strapi.documents(ARTICLE_UID).delete({ documentId: removed, locale: 'id' } as any);
    await service().idle();
    expect(await listOf(story.one)).toContain(kept);
    const incremental = await snapshot();
    const published = await app.strapi.db.query(ARTICLE_UID).count({ where: { publishedAt: { $notNull: true } } });
    expect(incremental).toContain(
      `id/=${await app.strapi.db.query(ARTICLE_UID).count({ where: { publishedAt: { $notNull: true }, locale: 'id' } })}`
    );
    const before = await listOf(story.one);

    const result = await service().rebuild({ restart: true });
    expect(result).toMatchObject({ articles: published, lists: published, resumed: false });
    expect(await snapshot()).toEqual(incremental);
    // The same articles; their order may differ where scores are close, because an incremental publish
    // stores each article's vector norm with the frequencies of that moment and a rebuild recomputes them all.
    expect([...(await listOf(story.one))].sort()).toEqual([...before].sort());
  });

  test('an interrupted rebuild resumes from its checkpoint', async () => {
    const count = async (locale: string) =>
      Number((await knex()(RELATED_TABLES.lists).where('locale', locale).count({ count: '*' }))[0].count);
    const publishedIn = (locale: string) =>
      app.strapi.db.query(ARTICLE_UID).count({ where: { publishedAt: { $notNull: true }, locale } });
    await knex()(RELATED_TABLES.lists).del();
    const store = app.strapi.store({ type: 'plugin', name: 'newsroom', key: 'related-rebuild' } as any);
    // As if stopped in the lists phase of the last locale (locales go in alphabetical order: en, id).
    await store.set({ value: { startedMs: Date.now(), phase: 'lists', locale: 'id', afterId: 0 } });
    const progress = new Set<string>();
    const result = await service().rebuild({
      onProgress: (phase: string, locale: string) => progress.add(`${phase}/${locale}`),
    });
    expect(result.resumed).toBe(true);
    expect([...progress]).toEqual(['lists/id']);
    expect(await count('id')).toBe(await publishedIn('id'));
    expect(await count('en')).toBe(0);
    expect(await store.get({})).toBeNull();
    // A missing list is still served (computed on demand), and a full rebuild restores every list.
    const english = await related(story.english, 'locale=en');
    expect(english.status).toBe(200);
    await service().rebuild();
    expect(await count('en')).toBe(await publishedIn('en'));
  });

  test('reconcile() catches up a publish and an unpublish whose indexing was lost, and queues nothing when nothing drifted', async () => {
    const indexed = async (documentId: string) =>
      (await knex()(RELATED_TABLES.features).where({ document_id: documentId, locale: 'id' }).first()) ?? null;
    await service().idle();
    expect(await service().reconcile()).toEqual({ scheduled: 0, drifted: 0, skipped: false });

    // As if the jobs were lost (parked after repeated failure, an index restored from an older backup).
    const football = await publish('Timnas Indonesia Tiba di Doha', FOOTBALL);
    await service().idle();
    const schedule = jest.spyOn(service(), 'scheduleMany').mockImplementation(async () => undefined);
    let lost: string;
    try {
      lost = await publish('Kapal Korea Utara Bawa Amunisi Artileri ke Rusia', KOREA, {
        tags: [fixture.korut.documentId],
      });
      await app.strapi.documents(ARTICLE_UID).unpublish({ documentId: football, locale: 'id' } as any);
    } finally {
      schedule.mockRestore();
    }
    await service().idle();
    expect(await indexed(lost)).toBeNull();
    expect(await indexed(football)).not.toBeNull();
    expect(await listOf(story.one)).not.toContain(lost);

    expect(await service().reconcile()).toEqual({ scheduled: 2, drifted: 2, skipped: false });
    await service().idle();
    expect(await indexed(lost)).not.toBeNull();
    expect(await indexed(football)).toBeNull();
    // Its neighbours were refreshed too: the running story now lists it.
    expect(await listOf(story.one)).toContain(lost);
    expect(await service().reconcile()).toEqual({ scheduled: 0, drifted: 0, skipped: false });
  });

  test('reconcile() leaves the index alone while a rebuild is in progress', async () => {
    const store = app.strapi.store({ type: 'plugin', name: 'newsroom', key: 'related-rebuild' } as any);
    await store.set({ value: { startedMs: Date.now(), phase: 'index', locale: 'en', afterId: 0 } });
    try {
      expect(await service().reconcile()).toMatchObject({ scheduled: 0, skipped: true });
    } finally {
      await store.delete({});
    }
  });
});
