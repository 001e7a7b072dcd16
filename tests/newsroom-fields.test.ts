// Guards the newsroom's computed article fields in REST (`newsroom`) and GraphQL: bylines and local
// dates as Indonesian portals print them, reading time, the cover credit line, "Diperbarui" after a
// re-publish, and that a list of 25 costs no query per article. Also Indonesian slugs: the admin's uid
// generator and API writes give the same slug for titles full of symbols, currencies and numbers.
import { createFullAccessToken, countQueries, useStrapi } from './helpers/strapi';
import { createNewsFixture, paragraph } from './helpers/fixtures';
import { adminToken } from './helpers/admin';
import { ARTICLE_UID, TAG_UID } from '../src/constants';

let writerToken: string;

const { app, fixture } = useStrapi({ fixture: createNewsFixture });

beforeAll(async () => {
  writerToken = await createFullAccessToken(app.strapi);
});

describe('REST newsroom fields', () => {
  test('the Indonesian article carries its byline, local dates, reading time and credit line without any populate', async () => {
    const res = await app.request().get(`/api/articles/${fixture.published.documentId}?locale=id`);
    expect(res.status).toBe(200);
    expect(res.body.data.newsroom).toEqual({
      byline: 'Salsabila Fitirah Puteri, Jurnalis - Jumat, 27 Oktober 2023 | 17:33 WIB',
      publishedAtLocal: {
        date: 'Jumat, 27 Oktober 2023',
        time: '17:33',
        zone: 'WIB',
        dateTime: 'Jumat, 27 Oktober 2023 | 17:33 WIB',
        dateInText: 'Jumat (27/10/2023)',
        relative: expect.stringMatching(/^\d+ \w+ 2023$/),
        iso: '2023-10-27T17:33:00+07:00',
      },
      updatedAtLocal: null,
      readingTimeMinutes: 1,
      readingTimeLabel: '1 menit baca',
      coverCreditLine: '(Foto: Reuters)',
    });
    expect(res.body.data.newsroom.publishedAtLocal.relative).toBe('27 Oktober 2023');
  });

  test('the English edition is printed in English', async () => {
    const res = await app.request().get(`/api/articles/${fixture.published.documentId}?locale=en`);
    expect(res.body.data.newsroom).toMatchObject({
      byline: 'Salsabila Fitirah Puteri, Journalist - Friday, 27 October 2023 | 19:00 WIB',
      readingTimeLabel: '1 min read',
      coverCreditLine: '(Photo: Reuters)',
      publishedAtLocal: { dateInText: 'Friday (27/10/2023)', relative: '27 October 2023' },
    });
  });

  test('a WITA article prints Makassar time, and a long body reads longer', async () => {
    const long = Array.from({ length: 12 }, (_, i) => paragraph(`Paragraf ${i} `.concat('kata '.repeat(60))));
    const res = await app
      .request()
      .post('/api/articles')
      .set('Authorization', `Bearer ${writerToken}`)
      .send({
        data: {
          title: 'Rekapitulasi Suara di Makassar Rampung',
          timezone: 'WITA',
          datePublished: '2024-03-05T01:15:00.000Z',
          category: fixture.internasional.documentId,
          authors: [fixture.salsabila.documentId, fixture.susi.documentId],
          body: long,
        },
      });
    expect(res.status).toBe(201);
    expect(res.body.data.newsroom.byline).toBe(
      'Salsabila Fitirah Puteri dan Susi Susanti - Selasa, 5 Maret 2024 | 09:15 WITA'
    );
    expect(res.body.data.newsroom.publishedAtLocal.iso).toBe('2024-03-05T09:15:00+08:00');
    expect(res.body.data.newsroom.readingTimeMinutes).toBe(4);
    expect(res.body.data.newsroom.readingTimeLabel).toBe('4 menit baca');
  });

  test('a re-publish keeps the first publication date and shows "Diperbarui"', async () => {
    const created = await app
      .request()
      .post('/api/articles')
      .set('Authorization', `Bearer ${writerToken}`)
      .send({ data: { title: 'Harga Bawang Merah Turun', category: fixture.internasional.documentId } });
    expect(created.body.data.newsroom.updatedAtLocal).toBeNull();
    expect(created.body.data.newsroom.publishedAtLocal.relative).toBe('baru saja');

    const updated = await app
      .request()
      .put(`/api/articles/${created.body.data.documentId}`)
      .set('Authorization', `Bearer ${writerToken}`)
      .send({ data: { lead: 'Koreksi harga.' } });
    expect(updated.status).toBe(200);
    expect(updated.body.data.datePublished).toBe(created.body.data.datePublished);
    expect(updated.body.data.newsroom.updatedAtLocal.label).toMatch(/^Diperbarui \w+, \d+ \w+ \d{4} \| \d\d:\d\d WIB$/);
    expect(updated.body.data.dateModified).not.toBeNull();
  });

  test('a list of 25 articles costs no more queries than a list of 5', async () => {
    for (let i = 0; i < 25; i += 1) {
      await app.strapi.documents(ARTICLE_UID).create({
        locale: 'id',
        status: 'published',
        data: {
          title: `Berita Daftar ${i}`,
          category: fixture.internasional.documentId,
          authors: [fixture.salsabila.documentId],
          cover: fixture.cover.documentId,
          body: [paragraph(`Isi berita ${i}.`)],
        },
      } as any);
    }
    // Publishing schedules related-news work in the background; its queries must not be counted here.
    await app.strapi.plugin('newsroom').service('related-news').idle();
    // The first request warms per-process caches (permissions, locales); measure after it.
    await app.request().get('/api/articles?locale=id&pagination[pageSize]=5');
    const five = await countQueries(app, () => app.request().get('/api/articles?locale=id&pagination[pageSize]=5'));
    const twentyFive = await countQueries(app, () =>
      app.request().get('/api/articles?locale=id&pagination[pageSize]=25')
    );
    expect(five.result.body.data).toHaveLength(5);
    expect(twentyFive.result.body.data).toHaveLength(25);
    expect(twentyFive.result.body.data.every((article: any) => article.newsroom?.byline)).toBe(true);
    expect(twentyFive.queries).toBe(five.queries);
  });
});

describe('GraphQL newsroom fields', () => {
  test('Article has byline, local dates, reading time and the cover credit line', async () => {
    const res = await app
      .request()
      .post('/graphql')
      .send({
        query: `query ($id: ID!) { article(documentId: $id, locale: "id") {
          byline readingTimeMinutes readingTimeLabel coverCreditLine
          publishedAtLocal { date time zone dateTime dateInText iso }
          updatedAtLocal { label }
        } }`,
        variables: { id: fixture.published.documentId },
      });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.article).toEqual({
      byline: 'Salsabila Fitirah Puteri, Jurnalis - Jumat, 27 Oktober 2023 | 17:33 WIB',
      readingTimeMinutes: 1,
      readingTimeLabel: '1 menit baca',
      coverCreditLine: '(Foto: Reuters)',
      publishedAtLocal: {
        date: 'Jumat, 27 Oktober 2023',
        time: '17:33',
        zone: 'WIB',
        dateTime: 'Jumat, 27 Oktober 2023 | 17:33 WIB',
        dateInText: 'Jumat (27/10/2023)',
        iso: '2023-10-27T17:33:00+07:00',
      },
      updatedAtLocal: null,
    });
  });

  test('a list of 25 with bylines costs no more queries than a list of 5', async () => {
    const query = (limit: number) =>
      app
        .request()
        .post('/graphql')
        .send({
          query: `{ articles(locale: "id", pagination: { limit: ${limit} }) { title byline readingTimeLabel coverCreditLine publishedAtLocal { dateTime } } }`,
        });
    await app.strapi.plugin('newsroom').service('related-news').idle();
    await query(5);
    const five = await countQueries(app, () => query(5));
    const twentyFive = await countQueries(app, () => query(25));
    expect(twentyFive.result.body.errors).toBeUndefined();
    expect(twentyFive.result.body.data.articles).toHaveLength(25);
    expect(twentyFive.result.body.data.articles.every((article: any) => article.byline.includes('WIB'))).toBe(true);
    expect(twentyFive.queries).toBe(five.queries);
  });
});

describe('house style preview', () => {
  test('is an admin-only endpoint', async () => {
    const res = await app.request().get('/newsroom/house-style');
    expect(res.status).toBe(401);
  });
});

describe('slugs in the admin', () => {
  const TITLES: [string, string][] = [
    ["Jum'at Berkah", 'jumat-berkah'],
    ['Ma\u2019ruf Amin & Anies', 'maruf-amin-dan-anies'],
    ['TikTok Shop Naik 10%', 'tiktok-shop-naik-10-persen'],
    ['iPhone 15 Pro', 'iphone-15-pro'],
    ['Harga BBM "Naik" Lagi?', 'harga-bbm-naik-lagi'],
    ['Timnas U-23 Menang 2-0', 'timnas-u-23-menang-2-0'],
    ['Google+ Ditutup', 'google-plus-ditutup'],
  ];

  test.each(TITLES)("the admin's slug generator turns %p into %p, as the server does", async (title, expected) => {
    const superAdmin = await app.strapi.db.query('admin::role').findOne({ where: { code: 'strapi-super-admin' } });
    const email = `slug-${Date.now()}-${Math.random().toString(36).slice(2)}@warta.example`;
    await app.strapi
      .service('admin::user')
      .create({ email, firstname: 'Slug', password: 'RahasiaRedaksi2024!', isActive: true, roles: [superAdmin.id] });
    const login = await app.request().post('/admin/login').send({ email, password: 'RahasiaRedaksi2024!' });
    expect(login.status).toBe(200);
    const res = await app
      .request()
      .post('/content-manager/uid/generate?locale=id')
      .set('Authorization', `Bearer ${login.body.data.token}`)
      .send({ contentTypeUID: ARTICLE_UID, field: 'slug', data: { title } });
    expect(res.status).toBe(200);
    expect(res.body.data).toBe(expected);

    const created = await app.strapi.documents(ARTICLE_UID).create({ locale: 'en', data: { title } } as any);
    expect(created.slug).toBe(expected);
  });
});

describe('Indonesian slugs from symbols, currencies and numbers', () => {
  // Titles whose slugs slugify would have spelled in English or glued together, and their Indonesian slugs.
  const TRICKY: [string, string][] = [
    ['Pedagang: <Kami Rugi> Hari Ini', 'pedagang-kami-rugi-hari-ini'],
    ['Skor 2>1 untuk Persija', 'skor-2-1-untuk-persija'],
    ['Harga BBM Naik 10%: Pertalite Rp10.000/Liter', 'harga-bbm-naik-10-persen-pertalite-rp-10000-liter'],
    ['$100 Hilang di Bandara', '100-dolar-hilang-di-bandara'],
    ['Hibah US$1,5 Miliar untuk IKN', 'hibah-1-5-miliar-dolar-as-untuk-ikn'],
    ['Tiket €20 & £5 | Promo™ ♥ 🔥', 'tiket-20-euro-dan-5-poundsterling-promo'],
    ["Suhu 40℃, Jum'at Berkah di Masjid", 'suhu-40-derajat-celsius-jumat-berkah-di-masjid'],
    ['Ｈａｒｇａ ＄５ Saja', 'harga-5-dolar-saja'],
    // Longer than the slug limit: the admin cuts it at a word, as the server does.
    [
      'Pemerintah Umumkan Kebijakan <Baru> Tentang Harga Pangan $1,5 Miliar, Rp10.000/Liter, 2>1 dan 10% Lagi Mulai Pekan Depan di Seluruh Indonesia Raya',
      'pemerintah-umumkan-kebijakan-baru-tentang-harga-pangan-1-5-miliar-dolar-rp-10000-liter-2-1-dan-10-persen-lagi-mulai',
    ],
  ];
  let admin: string;
  const generate = (contentTypeUID: string, data: Record<string, unknown>) =>
    app
      .request()
      .post('/content-manager/uid/generate?locale=id')
      .set('Authorization', `Bearer ${admin}`)
      .send({ contentTypeUID, field: 'slug', data });

  beforeAll(async () => {
    admin = await adminToken(app);
  });

  test.each(TRICKY)(
    'an article titled %p gets %p from the admin generator and from a REST write',
    async (title, expected) => {
      const before = await generate(ARTICLE_UID, { title });
      expect(before.status).toBe(200);
      expect(before.body.data).toBe(expected);

      const created = await app
        .request()
        .post('/api/articles?status=draft&locale=id')
        .set('Authorization', `Bearer ${writerToken}`)
        .send({ data: { title } });
      expect(created.status).toBe(201);
      const stored = await app.strapi.db
        .query(ARTICLE_UID)
        .findOne({ where: { documentId: created.body.data.documentId, locale: 'id' } });
      expect(stored.slug).toBe(expected);

      // Strapi's own uniqueness handling stays: the slug is taken now, so the admin suggests the next one.
      const after = await generate(ARTICLE_UID, { title });
      expect(after.body.data).toBe(`${expected}-1`);
    }
  );

  // Tag names are at most 80 characters.
  test.each(TRICKY.filter(([name]) => name.length <= 80))(
    'a tag named %p gets %p from the admin generator and from the Document Service',
    async (name, expected) => {
      const generated = await generate(TAG_UID, { name });
      expect(generated.status).toBe(200);
      expect(generated.body.data).toBe(expected);
      const tag = await app.strapi.documents(TAG_UID).create({ locale: 'id', data: { name } } as any);
      expect(tag.slug).toBe(expected);
    }
  );

  test('a title of symbols only falls back to the type name in the admin, never to an English word', async () => {
    const res = await generate(ARTICLE_UID, { title: '♥ & ♥' });
    expect(res.body.data).toBe('dan');
    const onlySymbols = await generate(ARTICLE_UID, { title: '♥ 🦄 ™' });
    expect(onlySymbols.body.data).toMatch(/^article(-\d+)?$/);
  });

  test('a stored slug is kept when its title is edited without a slug', async () => {
    const created = await app
      .request()
      .post('/api/articles?status=draft&locale=id')
      .set('Authorization', `Bearer ${writerToken}`)
      .send({ data: { title: 'Pedagang: <Kami Rugi> Kemarin', slug: 'pedagang-lesskami-rugigreater-kemarin' } });
    expect(created.status).toBe(201);
    const updated = await app
      .request()
      .put(`/api/articles/${created.body.data.documentId}?status=draft&locale=id`)
      .set('Authorization', `Bearer ${writerToken}`)
      .send({ data: { title: 'Pedagang: <Kami Rugi> Kemarin Sore' } });
    expect(updated.status).toBe(200);
    expect(updated.body.data.slug).toBe('pedagang-lesskami-rugigreater-kemarin');
  });
});
