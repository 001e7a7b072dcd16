// Guards the notices the Pedoman Pemberitaan Media Siber asks for (Ralat, Koreksi, Hak Jawab, Klarifikasi,
// belum terverifikasi) in the page payload, GraphQL, the reader page and a valid NewsArticle JSON-LD; bad
// notices refused with a 400 that saves nothing; and takedowns ("Dicabut"): a 410 page with title, date and
// reason but never the body, gone from lists, related news, feeds and sitemaps, the cached page purged.
import { createFullAccessToken, eventually, useStrapi } from './helpers/strapi';
import { adminToken } from './helpers/admin';
import { createNewsFixture, paragraph, SENTINELS } from './helpers/fixtures';
import { jsonLdOf, newsArticleProblems, publishArticle } from './helpers/editorial';
import { ARTICLE_UID as ARTICLE } from '../src/constants';

const SITE = 'https://warta.example';
const docs = () => app.strapi.documents(ARTICLE as any) as any;
const bySlug = (slug: string, locale = 'id') =>
  app.request().get(`/api/articles/by-slug/${encodeURIComponent(slug)}?locale=${locale}`);
const readerPage = (slug: string, locale = 'id') => app.request().get(`/read/${locale}/${encodeURIComponent(slug)}`);
const setNotices = (documentId: string, notices: unknown[], locale = 'id') =>
  docs().update({ documentId, locale, status: 'published', data: { notices } });

const { app, fixture } = useStrapi({
  env: { WARTA_SITE_URL: SITE, WARTA_PUBLICATION_NAME: 'Warta Uji' },
  fixture: createNewsFixture,
  timeout: 60_000,
});

let writer: string;
let admin: string;
beforeAll(async () => {
  writer = await createFullAccessToken(app.strapi);
  admin = await adminToken(app);
});

describe('notices', () => {
  test('a Ralat shows with its instant in the article zone, sets dateModified and is the JSON-LD correction', async () => {
    const { documentId, slug } = fixture.published;
    const before = Date.now();
    await setNotices(documentId, [
      { kind: 'ralat', text: 'Sebelumnya tertulis 2 juta butir, yang benar 1 juta butir.' },
    ]);
    const res = await bySlug(slug);
    expect(res.status).toBe(200);
    const [notice] = res.body.data.notices;
    expect(notice).toMatchObject({ kind: 'ralat', label: 'Ralat', article: null });
    expect(notice.display).toMatch(
      /^Ralat: Sebelumnya tertulis 2 juta butir, yang benar 1 juta butir\. \(diperbarui (Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), \d{1,2} \w+ \d{4} \| \d{2}:\d{2} WIB\)$/
    );
    expect(notice.madeAt).toMatch(/\+07:00$/);
    expect(Date.parse(notice.madeAt)).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    // Who made it is the editor's record, never public.
    expect(JSON.stringify(res.body)).not.toMatch(/madeBy|removedBy/);
    expect(Date.parse(res.body.data.dateModified)).toBeGreaterThanOrEqual(Date.parse(notice.madeAt));
    const jsonLd = res.body.data.jsonLd;
    expect(jsonLd.correction).toEqual([
      { '@type': 'CorrectionComment', text: notice.text, datePublished: notice.madeAt },
    ]);
    expect(Date.parse(jsonLd.dateModified)).toBeGreaterThanOrEqual(Date.parse(notice.madeAt));
    expect(newsArticleProblems(jsonLd)).toEqual([]);

    const html = (await readerPage(slug)).text;
    expect(html).toContain('<strong>Ralat:</strong> Sebelumnya tertulis 2 juta butir');
    expect(html).toContain(`(diperbarui <time datetime="${notice.madeAt}">${notice.madeAtLabel}</time>)`);
    // At the top by default: before the body.
    expect(html.indexOf('class="notices"')).toBeLessThan(html.indexOf('id="isi"'));
    expect(newsArticleProblems(jsonLdOf(html))).toEqual([]);
  });

  test('every kind reaches the payload, GraphQL and the page; a removed belum-terverifikasi stays recorded', async () => {
    const { documentId, slug } = fixture.edited;
    await setNotices(documentId, [
      { kind: 'koreksi', text: 'Nama narasumber diperbaiki.' },
      { kind: 'klarifikasi', text: 'Pihak bank menjelaskan jadwalnya.' },
      { kind: 'belum-terverifikasi' },
      { kind: 'hak-jawab', text: 'Pengelola pasar menyatakan harga tidak naik.' },
    ]);
    const page = (await bySlug(slug)).body.data;
    expect(page.notices.map((n: any) => [n.kind, n.label])).toEqual([
      ['koreksi', 'Koreksi'],
      ['klarifikasi', 'Klarifikasi'],
      ['belum-terverifikasi', 'Berita ini masih memerlukan verifikasi'],
      ['hak-jawab', 'Hak Jawab'],
    ]);
    expect(page.unverified).toBe(true);
    expect(page.jsonLd.correction).toHaveLength(1);
    expect(newsArticleProblems(page.jsonLd)).toEqual([]);
    const html = (await readerPage(slug)).text;
    for (const kind of ['koreksi', 'klarifikasi', 'belum-terverifikasi', 'hak-jawab'])
      expect(html).toContain(`data-kind="${kind}"`);
    expect(html).toContain('Berita ini masih memerlukan verifikasi');

    const graphql = await app
      .request()
      .post('/graphql')
      .send({
        query: `query($slug: String!) { articleBySlug(slug: $slug, locale: "id") { data }
          articles(filters: { slug: { eq: $slug } }, locale: "id") { notices { kind text madeAt } } }`,
        variables: { slug },
      });
    expect(graphql.body.errors).toBeUndefined();
    expect(graphql.body.data.articleBySlug.data.notices).toEqual(page.notices);
    // GraphQL enum values cannot hold "-": Strapi's schema spells them with "_".
    expect(graphql.body.data.articles[0].notices.map((n: any) => n.kind)).toEqual([
      'koreksi',
      'klarifikasi',
      'belum_terverifikasi',
      'hak_jawab',
    ]);

    // Verified: the editor removes the notice; the record of it stays, with who and when.
    // As the admin edits it: the draft's notices, with their ids.
    const stored = await docs().findOne({ documentId, locale: 'id', populate: { notices: true } });
    const removedAt = new Date().toISOString();
    await setNotices(
      documentId,
      stored.notices.map((n: any) => (n.kind === 'belum-terverifikasi' ? { ...n, removedAt } : n))
    );
    const after = (await bySlug(slug)).body.data;
    expect(after.unverified).toBe(false);
    expect(after.notices.map((n: any) => n.kind)).not.toContain('belum-terverifikasi');
    const record = await docs().findOne({ documentId, locale: 'id', status: 'published', populate: { notices: true } });
    const removed = record.notices.find((n: any) => n.kind === 'belum-terverifikasi');
    expect(new Date(removed.removedAt).toISOString()).toBe(removedAt);
  });

  test('a Hak Jawab linking a published article: both link each other in the payload and on the page', async () => {
    const story = await publishArticle(app.strapi, fixture, 'Pemkot Dituding Lambat Tangani Banjir');
    const reply = await publishArticle(app.strapi, fixture, 'Pemkot Jawab Tudingan Lambat Tangani Banjir');
    await setNotices(story.documentId, [
      { kind: 'hak-jawab', text: 'Pemkot menyampaikan hak jawab.', replyArticle: `${SITE}/read/id/${reply.slug}` },
    ]);
    // Stored as the documentId, so a later slug change keeps the link.
    const stored = await docs().findOne({ documentId: story.documentId, locale: 'id', populate: { notices: true } });
    expect(stored.notices[0].replyArticle).toBe(reply.documentId);

    const storyPage = (await bySlug(story.slug)).body.data;
    expect(storyPage.notices[0].article).toMatchObject({
      documentId: reply.documentId,
      url: `${SITE}/read/id/${reply.slug}`,
    });
    const replyPage = (await bySlug(reply.slug)).body.data;
    expect(replyPage.hakJawabFor).toEqual([
      expect.objectContaining({ documentId: story.documentId, url: `${SITE}/read/id/${story.slug}` }),
    ]);
    expect((await readerPage(story.slug)).text).toContain(`href="${SITE}/read/id/${reply.slug}"`);
    const replyHtml = (await readerPage(reply.slug)).text;
    expect(replyHtml).toContain('Artikel ini adalah hak jawab atas');
    expect(replyHtml).toContain(`href="${SITE}/read/id/${story.slug}"`);
  });

  test('a cached page shows a Hak Jawab given to it at once, and drops it when the notice goes', async () => {
    const story = await publishArticle(app.strapi, fixture, 'Warga Keluhkan Jalan Rusak di Bekasi');
    const reply = await publishArticle(app.strapi, fixture, 'Dinas PU Jawab Keluhan Jalan Rusak');
    // "Berita Terkait" recomputations after each publish purge the pages they change: warm once they are done.
    const cached = async (slug: string) => {
      await app.strapi.plugin('newsroom').service('related-news').idle();
      let answer = await bySlug(slug);
      for (let tries = 0; tries < 5 && answer.headers['x-cache'] !== 'HIT'; tries += 1) answer = await bySlug(slug);
      expect(answer.headers['x-cache']).toBe('HIT');
      return answer.body.data;
    };
    expect((await cached(reply.slug)).hakJawabFor).toEqual([]);

    await setNotices(story.documentId, [{ kind: 'hak-jawab', replyArticle: `warta://article/${reply.documentId}` }]);
    const answered = await bySlug(reply.slug);
    expect(answered.headers['x-cache']).toBe('MISS');
    expect(answered.body.data.hakJawabFor).toEqual([expect.objectContaining({ documentId: story.documentId })]);

    await cached(reply.slug);
    await setNotices(story.documentId, []);
    expect((await bySlug(reply.slug)).body.data.hakJawabFor).toEqual([]);
  });

  describe('bad input gets a 400 in Indonesian and saves nothing', () => {
    const put = (documentId: string, data: unknown) =>
      app
        .request()
        .put(`/api/articles/${documentId}?locale=id&status=published`)
        .set('Authorization', `Bearer ${writer}`)
        .send({ data });

    test.each([
      ['an unknown notice kind', () => [{ kind: 'ralat-besar', text: 'x' }], /Jenis pemberitahuan "ralat-besar"/],
      ['a Ralat without a text', () => [{ kind: 'ralat' }], /Isi teks pemberitahuan/],
      [
        'a Hak Jawab link to a draft',
        () => [{ kind: 'hak-jawab', replyArticle: `warta://article/${fixture.draft.documentId}` }],
        /tidak terbit dalam bahasa "id"/,
      ],
      [
        'a Hak Jawab link to an article of another locale',
        () => [{ kind: 'hak-jawab', replyArticle: `warta://article/${fixture.enOnly.documentId}` }],
        /tidak terbit dalam bahasa "id"/,
      ],
      [
        'a Hak Jawab link to another site',
        () => [{ kind: 'hak-jawab', replyArticle: 'https://contoh.example/berita' }],
        /URL artikel Warta/,
      ],
      [
        'removing a Ralat',
        () => [{ kind: 'ralat', text: 'x', removedAt: new Date().toISOString() }],
        /Hanya pemberitahuan belum-terverifikasi/,
      ],
    ])('%s', async (_what, notices, message) => {
      const { documentId, slug } = fixture.published;
      const before = (await bySlug(slug)).body.data;
      const res = await put(documentId, { notices: notices(), lead: `Tidak tersimpan ${SENTINELS.draft}` });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
      expect(res.body.error.details.errors[0].path[0]).toBe('notices');
      const draft = await docs().findOne({ documentId, locale: 'id' });
      expect(draft.lead).not.toContain(SENTINELS.draft);
      expect((await bySlug(slug)).body.data.notices).toEqual(before.notices);
    });
  });
});

describe('takedown (Dicabut)', () => {
  const withdraw = (data: unknown) =>
    app.request().post('/newsroom/takedowns').set('Authorization', `Bearer ${admin}`).send({ data });

  test('needs an admin with the permission and a public reason, and a refused takedown changes nothing', async () => {
    const story = await publishArticle(app.strapi, fixture, 'Berita Yang Tetap Tayang');
    expect((await app.request().post('/newsroom/takedowns').send({ data: {} })).status).toBe(401);
    const res = await withdraw({ documentId: story.documentId, locale: 'id', reason: '   ' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('Cantumkan alasan pencabutan');
    expect((await bySlug(story.slug)).status).toBe(200);
    const draft = await withdraw({ documentId: fixture.draft.documentId, locale: 'id', reason: 'Tidak akurat.' });
    expect(draft.status).toBe(404);
  });

  test('answers 410 with title, date and reason, leaves every list, feed and sitemap, and purges the cache', async () => {
    const title = 'Kabar Keliru Soal Penutupan Tol Cipali';
    const story = await publishArticle(app.strapi, fixture, title, {
      data: { body: [paragraph(`Isi yang dicabut ${SENTINELS.draftEdit}`), paragraph('Paragraf kedua.')] },
    });
    const neighbour = await publishArticle(app.strapi, fixture, 'Kabar Penutupan Tol Cipali Dibantah');
    await eventually(async () =>
      ((await app.request().get(`/api/articles/${neighbour.documentId}/related?locale=id`)).body.data ?? []).some(
        (card: any) => card.documentId === story.documentId
      )
    );
    // Cached while live.
    expect((await readerPage(story.slug)).status).toBe(200);
    expect((await readerPage(story.slug)).text).toContain(SENTINELS.draftEdit);
    const reason = 'Berita ini dicabut karena informasinya tidak terverifikasi dan merugikan pihak terkait.';
    // As an editor copies it: the story's reader URL.
    const res = await withdraw({ article: `${SITE}/read/id/${story.slug}`, reason });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ title, reason, slug: story.slug });

    const gone = await readerPage(story.slug);
    expect(gone.status).toBe(410);
    expect(gone.text).toContain(title);
    expect(gone.text).toContain(reason);
    expect(gone.text).toMatch(/Dicabut pada <time datetime="[^"]+">\w+, \d{1,2} \w+ \d{4} \| \d{2}:\d{2} WIB<\/time>/);
    expect(gone.text).not.toContain(SENTINELS.draftEdit);
    const rest = await bySlug(story.slug);
    expect(rest.status).toBe(410);
    expect(rest.body.error.details.withdrawal).toMatchObject({ title, reason });
    expect(rest.text).not.toContain(SENTINELS.draftEdit);
    const graphql = await app
      .request()
      .post('/graphql')
      .send({
        query: `query($slug: String!) { articleBySlug(slug: $slug, locale: "id") { title }
          articleWithdrawal(slug: $slug, locale: "id") { title reason withdrawnAt } }`,
        variables: { slug: story.slug },
      });
    expect(graphql.body.errors).toBeUndefined();
    expect(graphql.body.data).toEqual({
      articleBySlug: null,
      articleWithdrawal: { title, reason, withdrawnAt: res.body.data.withdrawnAt },
    });

    const everywhere = [
      '/api/articles?locale=id&pagination[pageSize]=100',
      `/api/articles/${neighbour.documentId}/related?locale=id`,
      '/rss/id.xml',
      '/sitemap-news.xml',
      '/sitemaps/id/articles-1.xml',
      '/read/id',
      `/read/id/${neighbour.slug}`,
    ];
    for (const url of everywhere) {
      const body = (await app.request().get(url)).text;
      expect([url, body.includes(story.slug)]).toEqual([url, false]);
    }
    // Unpublished without a takedown: a plain 404, no trace.
    await docs().unpublish({ documentId: neighbour.documentId, locale: 'id' });
    expect((await readerPage(neighbour.slug)).status).toBe(404);

    // Published again: reinstated, the takedown record goes.
    await docs().publish({ documentId: story.documentId, locale: 'id' });
    expect((await readerPage(story.slug)).status).toBe(200);
    const list = await app.request().get('/newsroom/takedowns').set('Authorization', `Bearer ${admin}`);
    expect(list.body.data.map((t: any) => t.documentId)).not.toContain(story.documentId);
  });
});
