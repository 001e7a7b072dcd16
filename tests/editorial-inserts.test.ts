// Guards what sits between and around an article's blocks and how sponsored content is marked (issue 16):
// sponsored labels on the page payload, lists, related cards, the reader page (above the title) and RSS, never
// in the Google News sitemap, rel="sponsored" outbound links, and never mixed into ordinary stories' related
// news; "Baca Juga" links in the body resolved to published same-locale articles only (a draft, another
// locale, an unpublished article never shown) and the automatic ones after the configured paragraphs; ad
// slots from the site settings in the database, category overrides, noAds; one insert per paragraph.
import { createFullAccessToken, eventually, useStrapi } from './helpers/strapi';
import { adminToken } from './helpers/admin';
import { createNewsFixture, paragraph, SENTINELS, uploadFixtureImage } from './helpers/fixtures';
import { jsonLdOf, newsArticleProblems, publishArticle } from './helpers/editorial';
import { ARTICLE_UID as ARTICLE, CATEGORY_UID } from '../src/constants';

const SITE = 'https://warta.example';
const docs = (uid: string = ARTICLE) => app.strapi.documents(uid as any) as any;
const page = async (slug: string, locale = 'id') =>
  (await app.request().get(`/api/articles/by-slug/${encodeURIComponent(slug)}?locale=${locale}`)).body.data;
const html = async (slug: string, locale = 'id') =>
  (await app.request().get(`/read/${locale}/${encodeURIComponent(slug)}`)).text;
const link = (url: string, text: string) => ({ type: 'link', url, children: [{ type: 'text', text }] });
const bacaJuga = (url: string) => ({
  type: 'paragraph',
  children: [{ type: 'text', text: 'Baca Juga: ' }, link(url, 'judul')],
});
const where = (inserts: any[]) =>
  inserts.map(
    (i) => `${i.type}${i.slot ? `(${i.slot})` : ''}@${i.position}${i.afterParagraph ? `:${i.afterParagraph}` : ''}`
  );

const { app, fixture } = useStrapi({
  env: { WARTA_SITE_URL: SITE, WARTA_PUBLICATION_NAME: 'Warta Uji' },
  fixture: createNewsFixture,
  timeout: 60_000,
});

let admin: string;
let writer: string;
beforeAll(async () => {
  admin = await adminToken(app);
  writer = await createFullAccessToken(app.strapi);
});
const putAds = (data: unknown) =>
  app.request().put('/newsroom/ad-slots').set('Authorization', `Bearer ${admin}`).send({ data });

describe('sponsored content', () => {
  let sponsored: any;
  let ordinary: any;
  beforeAll(async () => {
    const logo = await uploadFixtureImage(app.strapi);
    sponsored = await publishArticle(app.strapi, fixture, 'Promo Tabungan Emas Korea Utara Rusia Amunisi', {
      data: {
        sponsoredLabel: 'advertorial',
        sponsorName: 'Bank Sejahtera',
        sponsorUrl: 'https://bank-sejahtera.example/promo',
        sponsorLogo: logo.id,
        body: [
          paragraph('Korea Utara Rusia amunisi: promo tabungan emas.'),
          {
            type: 'paragraph',
            children: [{ type: 'text', text: 'Daftar di ' }, link('https://bank-sejahtera.example/daftar', 'sini')],
          },
          {
            type: 'paragraph',
            children: [{ type: 'text', text: 'Lihat ' }, link(`${SITE}/read/id/${fixture.published.slug}`, 'berita')],
          },
        ],
      },
    });
    ordinary = await publishArticle(app.strapi, fixture, 'Korea Utara Kirim Amunisi ke Rusia Lagi');
  });

  test('is labelled in the payload, above the title, in lists, RSS and JSON-LD, and its outbound links are sponsored', async () => {
    const data = await page(sponsored.slug);
    expect(data.sponsored).toMatchObject({
      label: 'advertorial',
      labelText: 'Advertorial',
      sponsor: { name: 'Bank Sejahtera', url: 'https://bank-sejahtera.example/promo' },
    });
    expect(data.sponsored.sponsor.logo.absoluteUrl).toMatch(/^https:\/\/warta\.example\/uploads\//);
    expect(data.jsonLd.sponsor).toEqual({
      '@type': 'Organization',
      name: 'Bank Sejahtera',
      url: 'https://bank-sejahtera.example/promo',
    });
    expect(newsArticleProblems(data.jsonLd)).toEqual([]);

    const text = await html(sponsored.slug);
    expect(text.indexOf('<p class="sponsored-label">Advertorial</p>')).toBeGreaterThan(-1);
    expect(text.indexOf('<p class="sponsored-label">Advertorial</p>')).toBeLessThan(text.indexOf('<h1>'));
    expect(text).toContain(
      '<a href="https://bank-sejahtera.example/promo" rel="sponsored noopener">Bank Sejahtera</a>'
    );
    expect(text).toContain('<a href="https://bank-sejahtera.example/daftar" rel="sponsored noopener">sini</a>');
    // A link to the site itself is not a paid link.
    expect(text).toContain(`<a href="${SITE}/read/id/${fixture.published.slug}" rel="noopener">berita</a>`);
    expect(newsArticleProblems(jsonLdOf(text))).toEqual([]);

    const home = (await app.request().get('/read/id')).text;
    const item = home.slice(home.lastIndexOf('<li>', home.indexOf(sponsored.slug)), home.indexOf(sponsored.slug));
    expect(item).toContain('<p class="sponsored-label">Advertorial</p>');
    const rss = (await app.request().get('/rss/id.xml')).text;
    expect(rss).toContain(`<title>[Advertorial] ${sponsored.title}</title>`);
    expect(rss).toContain(`<title>${ordinary.title}</title>`);
    const list = (await app.request().get('/api/articles?locale=id&pagination[pageSize]=100')).body.data;
    expect(list.find((a: any) => a.documentId === sponsored.documentId).sponsoredLabel).toBe('advertorial');
  });

  test('is left out of the Google News sitemap, not of the ordinary sitemap', async () => {
    const news = (await app.request().get('/sitemap-news.xml')).text;
    expect(news).toContain(ordinary.slug);
    expect(news).not.toContain(sponsored.slug);
    expect((await app.request().get('/sitemaps/id/articles-1.xml')).text).toContain(sponsored.slug);
  });

  test('is never related news of an ordinary story, nor the other way round', async () => {
    const related = async (documentId: string) =>
      ((await app.request().get(`/api/articles/${documentId}/related?locale=id&limit=20`)).body.data ?? []).map(
        (card: any) => card.documentId
      );
    const stored = async (documentId: string) => {
      const row = await app.strapi.db
        .connection('newsroom_related_computed_lists')
        .where({ document_id: documentId, locale: 'id' })
        .first();
      return row ? JSON.parse(row.items).map((item: any) => item.documentId) : [];
    };
    // The stored lists score the sponsored story as the ordinary one's best match (and the other way round):
    // what is served leaves it out, and keeps the ordinary neighbours.
    await eventually(async () => (await stored(ordinary.documentId)).includes(sponsored.documentId));
    await eventually(async () => (await stored(sponsored.documentId)).length > 0);
    const served = await related(ordinary.documentId);
    expect(served).not.toContain(sponsored.documentId);
    expect(served.length).toBeGreaterThan(0);
    expect((await page(ordinary.slug)).related.map((c: any) => c.documentId)).not.toContain(sponsored.documentId);
    expect(await related(sponsored.documentId)).toEqual([]);
  });

  test.each([
    [
      'a sponsor link that is not https://',
      { sponsoredLabel: 'iklan', sponsorName: 'X', sponsorUrl: 'http://x.example' },
      /https:\/\//,
    ],
    ['an unknown label', { sponsoredLabel: 'promosi', sponsorName: 'X' }, /Label konten sponsor/],
    ['a label without a sponsor name', { sponsoredLabel: 'iklan' }, /Isi nama sponsor/],
    ['a sponsor without a label', { sponsorName: 'X' }, /Sponsor hanya boleh diisi/],
  ])('refuses %s with a 400, saving nothing', async (_what, data, message) => {
    const res = await app
      .request()
      .put(`/api/articles/${ordinary.documentId}?locale=id`)
      .set('Authorization', `Bearer ${writer}`)
      .send({ data: { ...data, lead: SENTINELS.draft } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
    expect((await docs().findOne({ documentId: ordinary.documentId, locale: 'id' })).lead).not.toContain(
      SENTINELS.draft
    );
  });
});

describe('Baca Juga inside the body', () => {
  test('resolves to published same-locale articles only; a draft, an English or an unpublished one is never shown', async () => {
    const live = await publishArticle(app.strapi, fixture, 'Harga Cabai Turun di Pasar Induk');
    const gone = await publishArticle(app.strapi, fixture, `Berita Yang Ditarik ${SENTINELS.draftEdit}`);
    await docs().unpublish({ documentId: gone.documentId, locale: 'id' });
    const story = await publishArticle(app.strapi, fixture, 'Pasar Induk Ramai Jelang Lebaran', {
      data: {
        body: [
          paragraph('Paragraf satu.'),
          bacaJuga(`${SITE}/read/id/${live.slug}`),
          paragraph('Paragraf dua.'),
          bacaJuga(`warta://article/${fixture.draft.documentId}`),
          bacaJuga(`warta://article/${fixture.enOnly.documentId}`),
          bacaJuga(`warta://article/${gone.documentId}`),
          {
            type: 'paragraph',
            children: [
              { type: 'text', text: 'Seperti ' },
              link(`warta://article/${fixture.draft.documentId}`, 'diberitakan'),
              { type: 'text', text: ' sebelumnya.' },
            ],
          },
          paragraph('Paragraf empat.'),
        ],
      },
    });
    const data = await page(story.slug);
    const bacas = data.inserts.filter((i: any) => i.type === 'baca-juga');
    expect(bacas).toEqual([
      expect.objectContaining({
        source: 'editor',
        position: 'body',
        afterBlock: 0,
        afterParagraph: 1,
        card: expect.objectContaining({
          documentId: live.documentId,
          url: `${SITE}/read/id/${live.slug}`,
          title: live.title,
        }),
      }),
    ]);
    // The Baca Juga paragraphs left the body; the inline link to the draft kept its words only.
    expect(data.body).toHaveLength(4);
    expect(JSON.stringify(data.body)).not.toContain('warta://');
    const text = await html(story.slug);
    expect(text).toContain(
      `<p class="baca-juga"><strong>Baca Juga:</strong> <a href="${SITE}/read/id/${live.slug}">${live.title}</a></p>`
    );
    expect(text.indexOf('Paragraf satu.')).toBeLessThan(text.indexOf('class="baca-juga"'));
    expect(text.indexOf('class="baca-juga"')).toBeLessThan(text.indexOf('Paragraf dua.'));
    expect(text).toContain('<p>Seperti diberitakan sebelumnya.</p>');
    for (const leak of [
      SENTINELS.draft,
      SENTINELS.enOnly,
      SENTINELS.draftEdit,
      fixture.draft.documentId,
      gone.documentId,
    ])
      expect(JSON.stringify(data) + text).not.toContain(leak);
  });

  test('automatic Baca Juga from Berita Terkait after paragraphs 3 and 7 where the editor placed none', async () => {
    const story = await publishArticle(app.strapi, fixture, 'Korea Utara Pamer Rudal Baru Amunisi Rusia', {
      paragraphs: 9,
    });
    await eventually(async () => (await page(story.slug)).related.length >= 2);
    const data = await page(story.slug);
    const auto = data.inserts.filter((i: any) => i.type === 'baca-juga');
    expect(auto.map((i: any) => [i.source, i.afterParagraph])).toEqual([
      ['auto', 3],
      ['auto', 7],
    ]);
    expect(auto.map((i: any) => i.card.documentId)).toEqual(data.related.slice(0, 2).map((c: any) => c.documentId));
  });
});

describe('ad slots', () => {
  test('bad settings get a 400 in Indonesian and save nothing', async () => {
    for (const [slots, message] of [
      [[{ slot: 'after-paragraph-0', adUnit: '/1/a' }], /setelah paragraf 0 tidak sah/],
      [[{ slot: 'after-paragraph-500', adUnit: '/1/a' }], /setelah paragraf 500 tidak sah/],
      [[{ slot: 'header', adUnit: '/1/a' }], /Slot iklan "header" .* tidak dikenal/],
    ] as const) {
      const res = await putAds({ id: { slots } });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
    }
    expect(
      (await app.request().get('/newsroom/ad-slots').set('Authorization', `Bearer ${admin}`)).body.data.id.slots
    ).toEqual([]);
    expect((await app.request().put('/newsroom/ad-slots').send({ data: {} })).status).toBe(401);
  });

  test('site defaults per locale, category overrides inherited, noAds, without collisions', async () => {
    const saved = await putAds({
      id: {
        slots: [
          { slot: 'top', adUnit: '/123/warta/top' },
          { slot: 'after-paragraph-3', adUnit: '/123/warta/p3' },
          { slot: 'before-related', adUnit: '/123/warta/related' },
          { slot: 'sidebar', adUnit: '/123/warta/side' },
        ],
      },
    });
    expect(saved.status).toBe(200);
    const story = await publishArticle(app.strapi, fixture, 'Kurs Rupiah Menguat Sore Ini', {
      paragraphs: 5,
      data: { tags: [] },
    });
    let data = await page(story.slug);
    const ads = (inserts: any[]) => where(inserts.filter((i) => i.type === 'ad'));
    expect(ads(data.inserts)).toEqual([
      'ad(top)@top',
      'ad(after-paragraph-3)@body:3',
      'ad(before-related)@before-related',
      'ad(sidebar)@sidebar',
    ]);
    const graphql = await app
      .request()
      .post('/graphql')
      .send({ query: `{ articleBySlug(slug: "${story.slug}", locale: "id") { inserts } }` });
    expect(graphql.body.data.articleBySlug.inserts).toEqual(data.inserts);
    const text = await html(story.slug);
    expect(text).toContain(
      '<div class="ad-slot" data-slot="after-paragraph-3" data-ad-unit="/123/warta/p3" aria-label="Advertisement" role="complementary"><span>Advertisement</span></div>'
    );

    // The desk above the article's section overrides a slot and switches the sidebar off; the section inherits.
    await docs(CATEGORY_UID).update({
      documentId: fixture.news.documentId,
      locale: 'id',
      data: {
        adSlots: [
          { slot: 'after-paragraph-3', adUnit: '/123/news/p3' },
          { slot: 'sidebar', adUnit: null },
        ],
      },
    });
    data = await page(story.slug);
    expect(data.inserts.find((i: any) => i.slot === 'after-paragraph-3').adUnit).toBe('/123/news/p3');
    expect(data.inserts.map((i: any) => i.slot)).not.toContain('sidebar');

    // The WhatsApp block and an article slot on paragraph 3: the ad moves to paragraph 4, never shares.
    await docs().update({
      documentId: story.documentId,
      locale: 'id',
      status: 'published',
      data: {
        whatsappFollowOverride: {
          mode: 'custom',
          channelUrl: 'https://whatsapp.com/channel/0029VaFh4bQ9Bb5ypnHA5G1v',
          channelName: 'Warta',
          placement: 'after-paragraph',
          afterParagraph: 3,
        },
      },
    });
    data = await page(story.slug);
    const bodyInserts = data.inserts.filter((i: any) => i.position === 'body');
    expect(new Set(bodyInserts.map((i: any) => i.afterBlock)).size).toBe(bodyInserts.length);
    expect(where(bodyInserts.filter((i: any) => i.type !== 'baca-juga'))).toEqual([
      'whatsapp-follow@body:3',
      'ad(after-paragraph-3)@body:4',
    ]);

    await docs().update({ documentId: story.documentId, locale: 'id', status: 'published', data: { noAds: true } });
    data = await page(story.slug);
    expect(data.inserts.filter((i: any) => i.type === 'ad')).toEqual([]);
    expect(await html(story.slug)).not.toContain('class="ad-slot"');

    const bad = await app
      .request()
      .put(`/api/articles/${story.documentId}?locale=id`)
      .set('Authorization', `Bearer ${writer}`)
      .send({ data: { noAds: false, adSlots: [{ slot: 'after-paragraph-500', adUnit: '/1/a' }] } });
    expect(bad.status).toBe(400);
    expect((await docs().findOne({ documentId: story.documentId, locale: 'id' })).noAds).toBe(true);
  });
});
