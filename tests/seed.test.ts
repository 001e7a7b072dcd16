// Guards the demo content: `npm run develop` on an empty database imports it, a second import changes
// nothing (and never overwrites an editor's change), and the seed article of shared/seed-article.txt
// comes back through the public API with every field, the WhatsApp block of the demo channel included
// (in id and en, REST and reader page) without overriding an operator's own channel.
import path from 'path';
import { useStrapi } from './helpers/strapi';
import { ARTICLE_UID, AUTHOR_UID, CATEGORY_UID, MEDIA_CAPTION_UID, TAG_UID, UPLOAD_FILE_UID } from '../src/constants';

const dist = (module: string) => require(path.join(__dirname, '..', 'dist', 'src', module));
const SEED_SLUG = 'update-perang-rusia-ukraina-as-korsel-dan-jepang-kecam-pasokan-amunisi-korea-utara-ke-rusia';
const DEMO_CHANNEL = 'https://whatsapp.com/channel/WartaDemo0000000000000000';
const UIDS = [ARTICLE_UID, AUTHOR_UID, CATEGORY_UID, TAG_UID, MEDIA_CAPTION_UID];

// The import is the fixture: every test reads what seedIfEmpty made of an empty database.
const { app, fixture } = useStrapi({
  fixture: async (strapi) => {
    await dist('seed').seedIfEmpty(strapi);
    return { firstCounts: await rowCounts() };
  },
});

async function rowCounts() {
  const counts: Record<string, number> = {};
  for (const uid of [...UIDS, UPLOAD_FILE_UID]) counts[uid] = await app.strapi.db.query(uid as any).count();
  return counts;
}

describe('seed', () => {
  test('seedIfEmpty imports the demo content into an empty database', async () => {
    const { firstCounts } = fixture;
    // 40 Indonesian articles and 7 English ones, each with a draft and a published row.
    expect(firstCounts[ARTICLE_UID]).toBe(94);
    expect(firstCounts[UPLOAD_FILE_UID]).toBe(42);
    expect((await app.strapi.plugin('newsroom').service('whatsapp-follow').getSettings()).id).toMatchObject({
      enabled: true,
      channelUrl: DEMO_CHANNEL,
    });
  });

  test('the demo set has 30+ Indonesian articles in 5+ categories and 5+ English articles', async () => {
    const id = await app
      .request()
      .get('/api/articles?locale=id&pagination[pageSize]=100&populate[category]=true&populate[tags]=true');
    const en = await app.request().get('/api/articles?locale=en&pagination[pageSize]=100');
    expect(id.body.data.length).toBeGreaterThanOrEqual(31);
    expect(en.body.data.length).toBeGreaterThanOrEqual(5);
    const categories = new Set(id.body.data.map((article: any) => article.category?.slug));
    expect(categories.size).toBeGreaterThanOrEqual(5);
    expect(categories.has(undefined)).toBe(false);
    const tagUse = new Map<string, number>();
    for (const article of id.body.data)
      for (const tag of article.tags) tagUse.set(tag.slug, (tagUse.get(tag.slug) ?? 0) + 1);
    expect([...tagUse.values()].filter((uses) => uses >= 3).length).toBeGreaterThanOrEqual(4);
    // Newest first.
    const dates = id.body.data.map((article: any) => article.datePublished);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  test('a second import creates nothing and reports everything as kept', async () => {
    const before = await rowCounts();
    const report = await dist('seed').seedDemoContent(app.strapi);
    for (const bucket of Object.values(report) as { created: number; kept: number }[]) {
      expect(bucket.created).toBe(0);
      expect(bucket.kept).toBeGreaterThan(0);
    }
    expect(await rowCounts()).toEqual(before);
  });

  test('an import never overwrites an article an editor changed, nor re-creates one an editor deleted', async () => {
    const [article] = await app.strapi.documents(ARTICLE_UID).findMany({
      locale: 'id',
      filters: { slug: SEED_SLUG },
    } as any);
    await app.strapi.documents(ARTICLE_UID).update({
      documentId: article.documentId,
      locale: 'id',
      status: 'published',
      data: { title: 'Judul Diubah Editor' },
    } as any);
    const [tag] = await app.strapi.documents(TAG_UID).findMany({ locale: 'id', filters: { slug: 'jepang' } } as any);
    await app.strapi.documents(TAG_UID).delete({ documentId: tag.documentId, locale: '*' } as any);
    const before = await rowCounts();

    await dist('seed').seedDemoContent(app.strapi);

    const again = await app.strapi.documents(ARTICLE_UID).findOne({
      documentId: article.documentId,
      locale: 'id',
      status: 'published',
    } as any);
    expect(again.title).toBe('Judul Diubah Editor');
    expect(await rowCounts()).toEqual(before);

    await app.strapi.documents(ARTICLE_UID).update({
      documentId: article.documentId,
      locale: 'id',
      status: 'published',
      data: { title: 'Update Perang Rusia Ukraina: AS, Korsel dan Jepang Kecam Pasokan Amunisi Korea Utara ke Rusia' },
    } as any);
  });

  test('the seed article comes back over REST with all its fields', async () => {
    const res = await app
      .request()
      .get(
        `/api/articles?locale=id&filters[slug][$eq]=${SEED_SLUG}&populate[authors]=true&populate[editor]=true&populate[category]=true&populate[tags]=true&populate[cover][populate][image]=true`
      );
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(1);
    const article = res.body.data[0];
    expect(article).toMatchObject({
      title: 'Update Perang Rusia Ukraina: AS, Korsel dan Jepang Kecam Pasokan Amunisi Korea Utara ke Rusia',
      slug: SEED_SLUG,
      dateline: 'MOSKOW',
      timezone: 'WIB',
      // Jumat, 27 Oktober 2023 17:33 WIB
      datePublished: '2023-10-27T10:33:00.000Z',
      locale: 'id',
    });
    expect(article.lead).toMatch(/^Korea Selatan \(Korsel\), Amerika Serikat \(AS\), dan Jepang dengan keras mengutuk/);
    expect(article.authors).toEqual([expect.objectContaining({ name: 'Salsabila Fitirah Puteri', role: 'Jurnalis' })]);
    expect(article.editor).toMatchObject({ name: 'Susi Susanti', role: 'Editor' });
    expect(article.category).toMatchObject({ slug: 'news' });
    expect(article.tags.map((tag: any) => tag.name)).toEqual(
      expect.arrayContaining(['Perang Rusia Ukraina', 'Korea Utara'])
    );
    expect(article.cover).toMatchObject({
      caption:
        'Korea Selatan (Korsel), AS, dan Jepang mengecam Korea Utara karena memasok senjata untuk Rusia dalam perang melawan Ukraina',
      credit: 'Reuters',
      creditLabel: 'Foto',
      creditLine: '(Foto: Reuters)',
    });
    expect(article.cover.image.url).toMatch(/^\/uploads\/.+\.jpg$/);
    expect(article.cover.image.mime).toBe('image/jpeg');

    expect(article.body).toHaveLength(21);
    expect(article.body.every((block: any) => block.type === 'paragraph')).toBe(true);
    const text = article.body.map((block: any) => block.children.map((child: any) => child.text).join('')).join('\n');
    expect(text.startsWith('Korea Selatan (Korsel), Amerika Serikat (AS), dan Jepang dengan keras mengutuk')).toBe(
      true
    );
    expect(text).toContain('dukungan \u201Ctak tergoyahkan\u201D dari Korea Utara');
    expect(text).toContain('Pada hari Kamis (26/10/2023), angkatan laut Korea Selatan');
    expect(text.endsWith('mereka melakukan uji coba rudal.')).toBe(true);
  });

  test('the seed article carries the demo WhatsApp channel block in both locales, over REST and on the reader page', async () => {
    const expected = {
      id: {
        channelName: 'Warta (kanal demo)',
        headline: 'Ikuti Saluran WhatsApp Warta (kanal demo) untuk update berita terbaru setiap hari',
        buttonLabel: 'Ikuti',
      },
      en: {
        channelName: 'Warta (demo channel)',
        headline: 'Follow Warta (demo channel) on WhatsApp for the latest news every day',
        buttonLabel: 'Follow',
      },
    };
    const [original] = await app.strapi
      .documents(ARTICLE_UID)
      .findMany({ locale: 'id', status: 'published', filters: { slug: SEED_SLUG } } as any);
    for (const locale of ['id', 'en'] as const) {
      const res = await app
        .request()
        .get(`/api/articles?locale=${locale}&filters[documentId][$eq]=${original.documentId}`);
      expect(res.status).toBe(200);
      expect(res.body.data).toHaveLength(1);
      const article = res.body.data[0];
      expect(article.whatsappFollow).toEqual({
        url: DEMO_CHANNEL,
        placement: 'end',
        afterParagraph: null,
        ...expected[locale],
      });
      const page = await app.request().get(`/read/${locale}/${article.slug}`);
      expect(page.status).toBe(200);
      expect(page.text).toContain(
        `<aside class="whatsapp" aria-label="WhatsApp"><p>${expected[locale].headline}</p><a href="${DEMO_CHANNEL}" rel="noopener" target="_blank">${expected[locale].buttonLabel}</a></aside>`
      );
    }
  });

  test("a re-seed never replaces an operator's WhatsApp settings, even ones that turn the block off", async () => {
    const whatsapp = app.strapi.plugin('newsroom').service('whatsapp-follow');
    const demo = await whatsapp.getSettings();
    const own = 'https://whatsapp.com/channel/0029VaFh4bQ9Bb5ypnHA5G1v';
    await whatsapp.updateSettings({
      id: { enabled: true, channelUrl: own, channelName: 'Warta Jakarta' },
      en: { enabled: false },
    });
    const saved = await whatsapp.getSettings();
    try {
      const report = await dist('seed').seedDemoContent(app.strapi);
      expect(report.whatsappChannel).toEqual({ created: 0, kept: 1 });
      expect(await whatsapp.getSettings()).toEqual(saved);
      expect(saved.id).toMatchObject({ enabled: true, channelUrl: own });
      expect(saved.en.enabled).toBe(false);
      const en = await app.request().get(`/api/articles?locale=en&pagination[pageSize]=100`);
      // All seven English articles, so that "every" cannot pass on an empty list.
      expect(en.body.data).toHaveLength(7);
      expect(en.body.data.every((article: any) => article.whatsappFollow === null)).toBe(true);
    } finally {
      // Back to the demo channel: the WhatsApp test above must not depend on running first.
      await whatsapp.updateSettings(demo);
    }
  });

  test("English translations share their Indonesian original's document; English-only stories do not", async () => {
    const en = await app.request().get('/api/articles?locale=en&pagination[pageSize]=100');
    const id = await app.request().get('/api/articles?locale=id&pagination[pageSize]=100&fields[0]=title');
    const indonesianDocuments = new Set(id.body.data.map((article: any) => article.documentId));
    const translations = en.body.data.filter((article: any) => indonesianDocuments.has(article.documentId));
    expect(translations).toHaveLength(5);
    expect(en.body.data.length - translations.length).toBe(2);
    expect(en.body.data).toHaveLength(7);
    for (const article of en.body.data) expect(article.locale).toBe('en');
  });
});
