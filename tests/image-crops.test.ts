// Guards the NewsArticle image crops: every uploaded image gets crop_16x9, crop_4x3 and crop_1x1 formats
// stored by the upload provider (exact ratios, 1200 px wide when the original allows, never upscaled);
// the article page's JSON-LD lists the three (16:9, 4:3, 1:1) and each URL serves that image; og:image
// is the 16:9 one; an image uploaded before crops existed falls back to its original until the
// `media:crops` backfill gives it its crops, once.
import fs from 'fs';
import os from 'os';
import path from 'path';
import sharp from 'sharp';
import { useStrapi } from './helpers/strapi';
import { createNewsFixture, paragraph, uploadFixtureImage } from './helpers/fixtures';
import { ARTICLE_UID, MEDIA_CAPTION_UID, UPLOAD_FILE_UID as FILE } from '../src/constants';

const SITE = 'https://warta.example';
const CROP_KEYS = ['crop_16x9', 'crop_4x3', 'crop_1x1'];

let tmp: string;

const docs = (uid: string) => app.strapi.documents(uid as any) as any;
const storedPath = (url: string) => path.join(app.strapi.dirs.static.public, url);
const storedSize = async (url: string) => {
  const { width, height } = await sharp(storedPath(url)).metadata();
  return { width, height };
};
const fileRow = (id: number) => app.strapi.db.query(FILE).findOne({ where: { id } });

/** Uploads a generated JPEG of that size, as the media library would. */
async function uploadGenerated(width: number, height: number, name: string) {
  const filepath = path.join(tmp, name);
  // A gradient with a bright spot, so 'attention' has something to find and the JPEG is not trivial.
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g"><stop offset="0" stop-color="#123"/><stop offset="1" stop-color="#9ab"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/><circle cx="${width * 0.8}" cy="${height * 0.3}" r="${Math.min(width, height) / 8}" fill="#f30"/></svg>`;
  await sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toFile(filepath);
  const [uploaded] = await app.strapi
    .plugin('upload')
    .service('upload')
    .upload({
      data: { fileInfo: { name, alternativeText: name } },
      files: { filepath, originalFilename: name, mimetype: 'image/jpeg', size: fs.statSync(filepath).size },
    });
  return uploaded;
}

async function articleWithImage(imageId: number, title: string) {
  const cover = await docs(MEDIA_CAPTION_UID).create({
    locale: 'id',
    data: { image: imageId, caption: title, credit: 'Warta' },
  });
  return docs(ARTICLE_UID).create({
    locale: 'id',
    status: 'published',
    data: { title, lead: title, body: [paragraph(title)], cover: cover.documentId, category: fixture.news.documentId },
  });
}
const pageOf = async (slug: string) =>
  (await app.request().get(`/api/articles/by-slug/${slug}?locale=id`).expect(200)).body.data;

const { app, fixture } = useStrapi({ env: { WARTA_SITE_URL: SITE }, fixture: createNewsFixture });

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-crops-test-'));
});

afterAll(async () => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('image crops', () => {
  describe('upload', () => {
    test('the fixture cover (640x360) gets the three crops at its own size, exact ratios, not upscaled', async () => {
      const row = await fileRow(fixture.image.id);
      expect(row.width).toBe(640);
      expect(row.height).toBe(360);
      const expected: Record<string, { width: number; height: number }> = {
        crop_16x9: { width: 640, height: 360 },
        crop_4x3: { width: 480, height: 360 },
        crop_1x1: { width: 360, height: 360 },
      };
      for (const key of CROP_KEYS) {
        const format = row.formats[key];
        expect(format).toMatchObject({
          ...expected[key],
          ext: '.jpg',
          mime: 'image/jpeg',
          url: expect.stringMatching(new RegExp(`^/uploads/${key}_.+\\.jpg$`)),
        });
        // What the provider stored, read back: the recorded size is the real one.
        expect(await storedSize(format.url)).toEqual(expected[key]);
      }
      // Strapi's own formats are still there.
      expect(row.formats.thumbnail).toBeDefined();
    });

    test('a large image gets crops 1200 px wide: 1200x675, 1200x900, 1200x1200', async () => {
      const uploaded = await uploadGenerated(2400, 1800, 'besar.jpg');
      const row = await fileRow(uploaded.id);
      const sizes = await Promise.all(CROP_KEYS.map((key) => storedSize(row.formats[key].url)));
      expect(sizes).toEqual([
        { width: 1200, height: 675 },
        { width: 1200, height: 900 },
        { width: 1200, height: 1200 },
      ]);
      for (const [index, key] of CROP_KEYS.entries()) expect(row.formats[key]).toMatchObject(sizes[index]);
    });

    test('a portrait image smaller than the target keeps its width where it can: 600x800 gives 592x333, 600x450, 600x600', async () => {
      const uploaded = await uploadGenerated(600, 800, 'potret.jpg');
      const row = await fileRow(uploaded.id);
      // 16:9 in whole multiples of 16x9 that fit 600 px: 37 x (16x9).
      expect(await Promise.all(CROP_KEYS.map((key) => storedSize(row.formats[key].url)))).toEqual([
        { width: 592, height: 333 },
        { width: 600, height: 450 },
        { width: 600, height: 600 },
      ]);
    });
  });

  describe('article page', () => {
    test('JSON-LD lists the 16:9, 4:3 and 1:1 crops, each an absolute URL the app serves as that image', async () => {
      const page = await pageOf(fixture.published.slug);
      const row = await fileRow(fixture.image.id);
      expect(page.jsonLd.image).toEqual(CROP_KEYS.map((key) => `${SITE}${row.formats[key].url}`));
      expect(page.cover.image.crops).toEqual([
        {
          ratio: '16:9',
          url: row.formats.crop_16x9.url,
          absoluteUrl: `${SITE}${row.formats.crop_16x9.url}`,
          width: 640,
          height: 360,
        },
        {
          ratio: '4:3',
          url: row.formats.crop_4x3.url,
          absoluteUrl: `${SITE}${row.formats.crop_4x3.url}`,
          width: 480,
          height: 360,
        },
        {
          ratio: '1:1',
          url: row.formats.crop_1x1.url,
          absoluteUrl: `${SITE}${row.formats.crop_1x1.url}`,
          width: 360,
          height: 360,
        },
      ]);
      const ratios = [];
      for (const url of page.jsonLd.image as string[]) {
        const res = await app
          .request()
          .get(new URL(url).pathname)
          .buffer(true)
          .parse((response, done) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () => done(null, Buffer.concat(chunks)));
          });
        expect(res.status).toBe(200);
        expect(res.headers['content-type']).toBe('image/jpeg');
        const { width, height, format } = await sharp(res.body as Buffer).metadata();
        expect(format).toBe('jpeg');
        ratios.push(`${width}x${height}`);
      }
      expect(ratios).toEqual(['640x360', '480x360', '360x360']);
    });

    test('the reader page shares the 16:9 crop as og:image, with its size', async () => {
      const row = await fileRow(fixture.image.id);
      const html = (await app.request().get(`/read/id/${fixture.published.slug}`).expect(200)).text;
      expect(html).toContain(`<meta property="og:image" content="${SITE}${row.formats.crop_16x9.url}">`);
      expect(html).toContain('<meta property="og:image:width" content="640">');
      expect(html).toContain('<meta property="og:image:height" content="360">');
      const jsonLd = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]);
      expect(jsonLd.image).toHaveLength(3);
    });
  });

  describe('images uploaded before crops existed', () => {
    let legacyId: number;
    let slug: string;

    beforeAll(async () => {
      const uploaded = await uploadFixtureImage(app.strapi);
      legacyId = uploaded.id;
      // As it was before this change: no crop formats, no crop files.
      const row = await fileRow(legacyId);
      for (const key of CROP_KEYS) fs.rmSync(storedPath(row.formats[key].url));
      const formats = Object.fromEntries(Object.entries(row.formats).filter(([key]) => !CROP_KEYS.includes(key)));
      await app.strapi.db.query(FILE).update({ where: { id: legacyId }, data: { formats } });
      slug = (await articleWithImage(legacyId, 'Foto Lama Tanpa Potongan')).slug;
    });

    test('fall back to the original image in JSON-LD and og:image', async () => {
      const row = await fileRow(legacyId);
      const page = await pageOf(slug);
      expect(page.cover.image.crops).toEqual([]);
      expect(page.jsonLd.image).toEqual([`${SITE}${row.url}`]);
      const html = (await app.request().get(`/read/id/${slug}`).expect(200)).text;
      expect(html).toContain(`<meta property="og:image" content="${SITE}${row.url}">`);
    });

    test('the backfill (npm run media:crops) gives them their crops, and a second run does nothing', async () => {
      const before = await fileRow(legacyId);
      const progress: number[] = [];
      const report = await app.strapi
        .plugin('newsroom')
        .service('image-crops')
        .backfill({ batchSize: 2, onProgress: (done: number) => progress.push(done) });
      expect(report).toMatchObject({ updated: 1, crops: 3, skipped: 0, failed: [] });
      expect(report.images).toBe(await app.strapi.db.query(FILE).count({ where: { mime: { $startsWith: 'image/' } } }));
      expect(progress[progress.length - 1]).toBe(report.images);

      const row = await fileRow(legacyId);
      // Strapi's formats are kept as they were; the crops are added beside them.
      expect(row.formats.thumbnail).toEqual(before.formats.thumbnail);
      expect(await Promise.all(CROP_KEYS.map((key) => storedSize(row.formats[key].url)))).toEqual([
        { width: 640, height: 360 },
        { width: 480, height: 360 },
        { width: 360, height: 360 },
      ]);
      expect(row.formats.crop_1x1).toEqual({
        name: `crop_1x1_${row.name}`,
        hash: `crop_1x1_${row.hash}`,
        ext: '.jpg',
        mime: 'image/jpeg',
        path: null,
        width: 360,
        height: 360,
        size: expect.any(Number),
        sizeInBytes: expect.any(Number),
        url: `/uploads/crop_1x1_${row.hash}.jpg`,
      });
      expect((await pageOf(slug)).jsonLd.image).toEqual(CROP_KEYS.map((key) => `${SITE}${row.formats[key].url}`));

      const again = await app.strapi.plugin('newsroom').service('image-crops').backfill();
      expect(again).toMatchObject({ images: report.images, updated: 0, crops: 0, skipped: 0, failed: [] });
      expect((await fileRow(legacyId)).formats).toEqual(row.formats);
    });
  });
});
