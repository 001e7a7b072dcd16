// Guards the WordPress importer end to end on a booted Strapi: both shared real exports (the theme unit
// test data, classic HTML with shortcodes; the block-editor export) imported with their media from a
// local folder, counted per type, a sample checked field by field, the category tree, media uploaded
// once, old URLs answered with 301s (reader and resolve API, never to a draft), a re-run that changes
// nothing, an editor's edit kept unless --overwrite, a dry run that writes nothing, bad files reported,
// and an import SIGKILLed mid-way by its CLI and resumed with nothing lost or doubled.
import { spawn } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { eventually, useStrapi } from './helpers/strapi';
import { importedArticle, importRowCounts } from './helpers/wordpress-rows';
import {
  BLOCKS_EXPORT,
  editedCopy,
  makeMediaDir,
  runImport,
  runRestImport,
  startRestFixture,
  THEME_EXPORT,
} from './helpers/wordpress';
import {
  ARTICLE_UID,
  AUTHOR_UID,
  CACHE_TAG_HEADERS_TOTAL_BYTES,
  CATEGORY_UID,
  REDIRECT_UID,
  UPLOAD_FILE_UID,
  WORDPRESS_MAP_TABLE,
} from '../src/constants';

const APP_DIR = path.resolve(__dirname, '..');
const CO_AUTHORS_EXPORT = path.join(__dirname, 'fixtures', 'wordpress', 'co-authors-plus.xml');

const { app, fixture } = useStrapi({
  timeout: 240_000,
  fixture: async (strapi) => {
    const mediaDir = await makeMediaDir([THEME_EXPORT, BLOCKS_EXPORT]);
    const theme = await runImport(strapi, THEME_EXPORT, { site: 'theme', mediaDir });
    const blocks = await runImport(strapi, BLOCKS_EXPORT, { site: 'blocks', mediaDir });
    return { mediaDir, theme, blocks };
  },
});

const rowCounts = () => importRowCounts(app.strapi);

const article = (slug: string, status: 'draft' | 'published' = 'published') =>
  importedArticle(app.strapi, slug, status);

describe('WordPress import', () => {
  describe('the theme unit test export', () => {
    test('imports every post, author, category and tag once, and reports what it skipped', () => {
      const { theme } = fixture;
      expect(theme.fatal).toBeNull();
      expect(theme.wxrVersion).toBe('1.2');
      expect(theme.authors).toMatchObject({ created: 2, updated: 0 });
      expect(theme.categories).toMatchObject({ created: 68 });
      expect(theme.tags).toMatchObject({ created: 110 });
      // 58 items of type post: 56 published, a draft and a scheduled one.
      expect(theme.posts).toMatchObject({ created: 58, updated: 0 });
      expect(theme.skippedByReason).toEqual({
        'post type "page" is not imported': 21,
        'post type "attachment" is not imported': 37,
        'post type "nav_menu_item" is not imported': 70,
      });
      expect(theme.media).toEqual({ uploaded: 6, reused: 0, failed: 0 });
      expect(theme.errors).toEqual([]);
    });

    test('keeps drafts, scheduled and password-protected posts unpublished, with a note each', async () => {
      const notes = Object.fromEntries(fixture.theme.notes.map((entry: any) => [entry.item, entry.notes]));
      expect(notes['post 1153 "Scheduled"'][0]).toMatch(
        /^scheduled for 2030-01-01 19:00:18 GMT in WordPress: scheduled in Warta/
      );
      expect(Object.keys(notes).some((item) => item.startsWith('post 1168 '))).toBe(true);
      for (const slug of ['scheduled', 'template-password-protected', 'draft']) {
        expect(await article(slug, 'published')).toBeNull();
      }
      expect(await article('scheduled', 'draft')).toMatchObject({ title: 'Scheduled' });
      // WordPress' "future" post is scheduled in Warta at its own time (2030): it goes out then, not now.
      const scheduled = await app.strapi.db
        .query(ARTICLE_UID)
        .findOne({ where: { slug: 'scheduled', publishedAt: null }, select: ['publishAt'] });
      expect(new Date(scheduled.publishAt).toISOString()).toBe('2030-01-01T19:00:18.000Z');
    });

    test('maps a classic post field by field: title, slug, date, authors, category, tags, body, cover', async () => {
      const post = await article('post-format-image-caption');
      expect(post).toMatchObject({
        title: 'Post Format: Image (Caption)',
        slug: 'post-format-image-caption',
        datePublished: '2010-08-07T13:00:19.000Z',
        lead: null,
      });
      expect(post.authors.map((author: any) => author.name)).toEqual(['Theme Buster']);
      expect(post.category.slug).toBe('classic');
      expect(post.tags.map((tag: any) => tag.slug).sort()).toEqual(['image', 'post-formats', 'shortcode']);
      // [caption] -> an image block with its caption, on the picture uploaded into the media library (the
      // media folder's copy: a 1x1 PNG).
      expect(post.body).toEqual([
        expect.objectContaining({
          type: 'image',
          image: expect.objectContaining({
            url: expect.stringMatching(/^\/uploads\/wp_[0-9a-f]{20}_100_5478_[0-9a-f]+\.png$/),
            provider: 'local',
            mime: 'image/png',
            alternativeText: 'Bell on Wharf',
            caption: 'Bell on wharf in San Francisco',
            width: 1,
            height: 1,
          }),
        }),
      ]);
      expect(post.cover).toMatchObject({
        caption: 'It’s dangerous to go alone! Take this.',
        credit: null,
        creditLabel: 'Foto',
      });
      expect(post.cover.image.mime).toBe('image/png');
    });

    test('builds the category tree with its parents', async () => {
      const child = (await app.strapi.documents(CATEGORY_UID).findFirst({
        filters: { slug: 'child-category-03' },
        locale: 'id',
        populate: { parent: { populate: ['parent'] } },
      } as any)) as any;
      expect(child.parent.slug).toBe('parent-category');
      expect(child.parent.parent).toBeNull();
      const parent = (await app.strapi.documents(CATEGORY_UID).findFirst({
        filters: { slug: 'parent-category' },
        locale: 'id',
        populate: ['children'],
      } as any)) as any;
      expect(parent.children.map((c: any) => c.slug).sort()).toEqual([
        'child-category-01',
        'child-category-02',
        'child-category-03',
        'child-category-04',
        'child-category-05',
      ]);
    });

    test("keeps authors' emails private", async () => {
      const response = await app.request().get('/api/authors?locale=id').expect(200);
      expect(JSON.stringify(response.body)).not.toContain('@gmail.com');
      const stored = await app.strapi.db.query(AUTHOR_UID).findMany({ select: ['email'] });
      expect(stored.map((row: any) => row.email)).toContain('themeshaperwp+demos@gmail.com');
    });
  });

  describe('the block-editor export', () => {
    test('imports its posts with Gutenberg blocks mapped, and lists what had no block', async () => {
      const { blocks } = fixture;
      expect(blocks.fatal).toBeNull();
      expect(blocks.posts.created).toBe(61);
      expect(blocks.categories.created).toBe(7);
      expect(blocks.tags.created).toBe(4);
      expect(blocks.errors).toEqual([]);
      const unmapped = blocks.unmapped.flatMap((entry: any) => entry.entries.map((e: any) => e.name));
      expect(unmapped).toEqual(expect.arrayContaining(['core/spacer', 'core/table', 'gallery']));
      const rows = await app.strapi.db
        .query(ARTICLE_UID)
        .findMany({ where: { publishedAt: { $notNull: true } }, select: ['body'] });
      const types = new Set(rows.flatMap((row: any) => (row.body ?? []).map((block: any) => block.type)));
      expect([...types].sort()).toEqual(['code', 'heading', 'image', 'list', 'paragraph', 'quote']);
    });

    test('uploads an image used by both exports only once', async () => {
      const { theme, blocks } = fixture;
      const files = await app.strapi.db.query(UPLOAD_FILE_UID).count({ where: { name: { $startsWith: 'wp-' } } });
      const uploaded = [theme, blocks].reduce((sum, run) => sum + run.media.uploaded + run.bodyImages.uploaded, 0);
      expect(files).toBe(uploaded);
      // The block-editor export shows pictures the theme export had uploaded: found, not uploaded again.
      expect(blocks.media.reused + blocks.bodyImages.reused).toBeGreaterThan(0);
      expect(theme.bodyImages).toMatchObject({ failed: 0, uploaded: expect.any(Number) });
      expect(theme.bodyImages.uploaded).toBeGreaterThan(0);
    });
  });

  describe('redirects', () => {
    test("answers a post's old permalink, its ?p= link and its guid with a 301 to the reader URL", async () => {
      for (const old of ['/2010/08/07/post-format-image-caption/', '/?p=1163', '/?p=674&utm_source=x']) {
        const response = await app.request().get(old).expect(301);
        expect(response.headers.location).toBe('/read/id/post-format-image-caption');
      }
      // Stored as the Document Service stores a type without draft & publish: with its documentId, published.
      expect(await app.strapi.db.query(REDIRECT_UID).count()).toBeGreaterThan(100);
      expect(await app.strapi.db.query(REDIRECT_UID).count({ where: { publishedAt: null } })).toBe(0);
      expect(await app.strapi.db.query(REDIRECT_UID).count({ where: { documentId: null } })).toBe(0);
    });

    test('resolves through GET /api/redirects/resolve, and 404s an unknown path with a bilingual message', async () => {
      const found = await app
        .request()
        .get('/api/redirects/resolve')
        .query({ path: 'https://wpthemetestdata.wordpress.com/2012/01/07/template-sticky/' })
        .expect(200);
      expect(found.body.data).toEqual({
        from: '/2012/01/07/template-sticky',
        to: '/read/id/template-sticky',
        status: 301,
      });
      const missing = await app.request().get('/api/redirects/resolve').query({ path: '/tidak/ada' }).expect(404);
      expect(missing.body.error.message).toMatch(/^Tidak ada pengalihan .* \(No redirect for/);
      await app.request().get('/api/redirects/resolve').expect(400);
      await app.request().get('/api/redirects/resolve').query({ path: '/a', other: 'x' }).expect(400);
    });

    test('never points at an unpublished article', async () => {
      // The scheduled post is a draft: its old URL leads nowhere yet.
      await app.request().get('/2030/01/01/scheduled/').expect(404);
      await app.request().get('/api/redirects/resolve').query({ path: '/2030/01/01/scheduled/' }).expect(404);
    });

    test('rewrites links between imported posts to their new reader URLs', async () => {
      const rows = await app.strapi.db
        .query(ARTICLE_UID)
        .findMany({ where: { publishedAt: { $notNull: true } }, select: ['body'] });
      const urls = JSON.stringify(rows).match(/"url":"[^"]*wpthemetestdata\.wordpress\.com\/20\d\d\/[^"]*"/g) ?? [];
      expect(urls).toEqual([]);
      // This one names the post with another day than its own (a time zone slip): found by its slug.
      expect(JSON.stringify(rows)).toContain('"url":"/read/id/block-button"');
    });

    test('a changed slug of a published article keeps its old URL alive', async () => {
      const post = await article('template-sticky');
      await app.strapi
        .documents(ARTICLE_UID)
        .update({ documentId: post.documentId, locale: 'id', data: { slug: 'sticky-baru' } } as any);
      await app.strapi.documents(ARTICLE_UID).publish({ documentId: post.documentId, locale: 'id' } as any);
      const response = await app.request().get('/read/id/template-sticky').expect(301);
      expect(response.headers.location).toBe('/read/id/sticky-baru');
      // The WordPress URL follows the document to its new slug.
      expect((await app.request().get('/2012/01/07/template-sticky/').expect(301)).headers.location).toBe(
        '/read/id/sticky-baru'
      );
    });
  });

  describe('re-runs', () => {
    test('a second run changes nothing', async () => {
      const before = await rowCounts();
      const again = await runImport(app.strapi, THEME_EXPORT, { site: 'theme', mediaDir: fixture.mediaDir });
      expect(again.posts).toEqual({ created: 0, updated: 0, unchanged: 58, kept: 0 });
      expect(again.categories.unchanged).toBe(68);
      expect(again.media).toEqual({ uploaded: 0, reused: 0, failed: 0 });
      expect(await rowCounts()).toEqual(before);
    });

    test("updates what changed in WordPress, keeps an editor's edit unless overwrite, splits a new credit", async () => {
      const edited = await article('template-featured-image-vertical');
      await app.strapi
        .documents(ARTICLE_UID)
        .update({ documentId: edited.documentId, locale: 'id', data: { title: 'Judul dari redaksi' } } as any);
      const copy = editedCopy(THEME_EXPORT, [
        ['It’s dangerous to go alone! Take this.', 'Bel di dermaga San Francisco (Foto: Antara/Galih Pradipta)'],
        [
          'This post tests a vertical featured image.',
          'This post tests a vertical featured image, edited in WordPress.',
        ],
      ]);
      const before = await rowCounts();
      const run = await runImport(app.strapi, copy, { site: 'theme', mediaDir: fixture.mediaDir });
      // The caption is the cover of two posts, and the third edit is the editor's.
      expect(run.posts).toEqual({ created: 0, updated: 2, unchanged: 55, kept: 1 });
      expect(await rowCounts()).toEqual(before);
      const updated = await article('post-format-image-caption');
      expect(updated.cover).toMatchObject({
        caption: 'Bel di dermaga San Francisco',
        credit: 'Antara/Galih Pradipta',
        creditLabel: 'Foto',
      });
      expect((await article('template-featured-image-vertical', 'draft')).title).toBe('Judul dari redaksi');

      const forced = await runImport(app.strapi, copy, { site: 'theme', mediaDir: fixture.mediaDir, overwrite: true });
      expect(forced.posts.kept).toBe(0);
      expect((await article('template-featured-image-vertical', 'draft')).title).toBe(
        'Template: Featured Image (Vertical)'
      );
      expect(await rowCounts()).toEqual(before);
    });

    test('a dry run of a new site reports what it would create and writes nothing', async () => {
      const before = await rowCounts();
      const dry = await runImport(app.strapi, BLOCKS_EXPORT, { site: 'dry', dryRun: true, mediaDir: fixture.mediaDir });
      expect(dry.dryRun).toBe(true);
      expect(dry.posts.created).toBe(61);
      expect(dry.authors.created).toBe(2);
      expect(await rowCounts()).toEqual(before);
    });
  });

  describe('bad input', () => {
    const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'warta-wp-bad-'));
    const write = (name: string, content: string | Buffer) => {
      const file = path.join(tmp(), name);
      fs.writeFileSync(file, content);
      return file;
    };
    const head = fs.readFileSync(BLOCKS_EXPORT, 'utf8');

    test.each([
      ['not XML at all', 'just text', /^Text data outside of root node|root|no XML/i],
      [
        'an RSS feed that is not WXR',
        '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>',
        /no WordPress export namespace/,
      ],
      [
        'an unknown WXR version',
        '<rss xmlns:wp="http://wordpress.org/export/9.9/"><channel></channel></rss>',
        /unknown WXR version 9\.9/,
      ],
      [
        'the wp prefix bound elsewhere',
        '<rss xmlns:wp="http://evil.example/export/1.2/"><channel></channel></rss>',
        /no WordPress export namespace/,
      ],
      ['an empty file', '', /^the file is empty or has no XML element/],
    ])('%s: a clear message, nothing written', async (_name, content, message) => {
      const before = await rowCounts();
      const report = await runImport(app.strapi, write('bad.xml', content), { site: 'bad' });
      expect(report.fatal).toMatch(message);
      expect(await rowCounts()).toEqual(before);
    });

    test('a truncated export imports what came before the cut and names the line', async () => {
      const cut = head.slice(0, head.indexOf('<wp:post_id>', head.indexOf('<wp:post_id>') + 1000) + 5);
      const report = await runImport(app.strapi, write('cut.xml', cut), { site: 'cut', mediaDir: fixture.mediaDir });
      expect(report.fatal).toMatch(/line \d+/);
      expect(report.posts.created).toBeGreaterThan(0);
    });

    test('a post with invalid UTF-8 is reported with its line, the others imported', async () => {
      const marker = '<title><![CDATA[';
      const at = head.indexOf(marker, head.indexOf('<item>')) + marker.length;
      const bytes = Buffer.concat([
        Buffer.from(head.slice(0, at)),
        Buffer.from([0xc3, 0x28]),
        Buffer.from(head.slice(at)),
      ]);
      const report = await runImport(app.strapi, write('utf8.xml', bytes), {
        site: 'utf8',
        mediaDir: fixture.mediaDir,
      });
      expect(report.errors).toEqual([
        expect.objectContaining({ line: expect.any(Number), message: expect.stringMatching(/invalid UTF-8/) }),
      ]);
      expect(report.posts.created).toBe(60);
    });

    test('a missing or non-image media file is a media failure, the post imported without its cover', async () => {
      fs.writeFileSync(path.join(fixture.mediaDir, '2013', '03', 'bukan-gambar.jpg'), '<html>404</html>');
      const copy = editedCopy(THEME_EXPORT, [
        ['2013/03/featured-image-horizontal.jpg', '2013/03/hilang.jpg'],
        ['2013/03/featured-image-vertical.jpg', '2013/03/bukan-gambar.jpg'],
      ]);
      const report = await runImport(app.strapi, copy, { site: 'nomedia', mediaDir: fixture.mediaDir });
      expect(report.mediaFailures).toEqual([
        {
          item: 'post 1011 "Template: Featured Image (Horizontal)"',
          url: 'https://wpthemetestdata.files.wordpress.com/2013/03/hilang.jpg',
          message: 'not found in the media folder (2013/03/hilang.jpg)',
        },
        {
          item: 'post 1016 "Template: Featured Image (Vertical)"',
          url: 'https://wpthemetestdata.files.wordpress.com/2013/03/bukan-gambar.jpg',
          message: 'not an image (its first bytes are no JPEG, PNG, GIF or WebP)',
        },
        // The gallery shows both pictures twice: each place is reported, the picture kept at its URL.
        ...[1, 2].flatMap(() => [
          {
            item: 'post 1752 "Block: Gallery"',
            url: 'https://wpthemetestdata.files.wordpress.com/2013/03/bukan-gambar.jpg',
            message: 'not an image (its first bytes are no JPEG, PNG, GIF or WebP); kept at its old URL',
          },
          {
            item: 'post 1752 "Block: Gallery"',
            url: 'https://wpthemetestdata.files.wordpress.com/2013/03/hilang.jpg',
            message: 'not found in the media folder (2013/03/hilang.jpg); kept at its old URL',
          },
        ]),
      ]);
      expect(report.bodyImages.failed).toBe(4);
      expect(report.posts.created).toBe(58);
      // The other covers are the files the first import uploaded.
      expect(report.media).toEqual({ uploaded: 0, reused: 4, failed: 2 });
    });
  });

  describe('a live site through the REST API (recorded responses)', () => {
    const auth = { user: 'redaksi', appPassword: 'abcd EFGH 1234 ijkl MNOP 5678' };

    test('imports the same posts, terms and authors as the export, paginated, with the raw content', async () => {
      const fixtureServer = await startRestFixture(THEME_EXPORT, { user: auth.user, password: auth.appPassword });
      try {
        const report = await runRestImport(app.strapi, fixtureServer.url, auth, {
          site: 'rest',
          mediaDir: fixture.mediaDir,
        });
        expect(report.fatal).toBeNull();
        expect(report.errors).toEqual([]);
        expect(report.authors.created).toBe(2);
        expect(report.categories.created).toBe(68);
        expect(report.tags.created).toBe(110);
        expect(report.posts.created).toBe(58);
        expect(report.media).toEqual({ uploaded: 0, reused: 6, failed: 0 });
        // No Co-Authors Plus on this site: its route answers 404 and the import is the export's.
        expect(fixtureServer.requests.some((url) => url.startsWith('/wp-json/wp/v2/coauthors?'))).toBe(true);
        // 110 tags are 2 pages of 100, read twice (the index pass, then the writes); posts in edit context.
        expect(fixtureServer.requests.filter((url) => url.startsWith('/wp-json/wp/v2/tags')).length).toBe(4);
        expect(
          fixtureServer.requests
            .filter((url) => url.startsWith('/wp-json/wp/v2/posts'))
            .every((url) => url.includes('context=edit') && url.includes('status=any'))
        ).toBe(true);
        const again = await runRestImport(app.strapi, fixtureServer.url, auth, {
          site: 'rest',
          mediaDir: fixture.mediaDir,
        });
        expect(again.posts).toMatchObject({ created: 0, updated: 0, unchanged: 58 });
      } finally {
        await fixtureServer.close();
      }
    });

    test('a refused application password is one clear message and nothing written', async () => {
      const fixtureServer = await startRestFixture(THEME_EXPORT, { user: auth.user, password: auth.appPassword });
      try {
        const before = await rowCounts();
        const report = await runRestImport(
          app.strapi,
          fixtureServer.url,
          { ...auth, appPassword: 'salah' },
          { site: 'rest-bad' }
        );
        expect(report.fatal).toMatch(/^WordPress refused the login \(HTTP 401\) at .*check --user and --app-password/);
        expect(await rowCounts()).toEqual(before);
      } finally {
        await fixtureServer.close();
      }
    });
  });

  describe('a newsroom with Co-Authors Plus, Yoast and "Baca Juga" links', () => {
    test('imports guest authors and shared bylines in order, the primary category, and Baca Juga as cards', async () => {
      const report = await runImport(app.strapi, CO_AUTHORS_EXPORT, { site: 'kabar' });
      expect(report.fatal).toBeNull();
      expect(report.errors).toEqual([]);
      // rina, budi and the stringer; the guest byline linked to budi's account is budi.
      expect(report.authors.created).toBe(3);
      expect(report.posts.created).toBe(2);
      expect(report.skippedByReason['Co-Authors Plus guest author (imported as an author)']).toBe(2);

      const flood = await article('banjir-rendam-bekasi');
      expect(flood.authors.map((author: any) => author.name)).toEqual([
        'Yoga Pratama',
        'Rina Wulandari',
        'Budi Santoso',
      ]);
      // Yoast's primary category (term 12), though WordPress lists Nasional first.
      expect(flood.category.name).toBe('Megapolitan');
      const stringer = flood.authors[0];
      expect(stringer).toMatchObject({ role: 'Jurnalis', bio: 'Kontributor Bogor.' });
      const refugees = await article('pengungsi-banjir-bekasi');
      expect(refugees.authors.map((author: any) => author.name)).toEqual(['Budi Santoso']);

      // The guest author's email stays private.
      const publicAuthor = await app.request().get(`/api/authors/${stringer.documentId}?locale=id`);
      expect(publicAuthor.status).toBe(200);
      expect(publicAuthor.body.data.name).toBe('Yoga Pratama');
      expect(JSON.stringify(publicAuthor.body)).not.toContain('yoga.kontributor@');

      // Each post's "Baca Juga" paragraph, to a post before it and to one after it in the file, is a card.
      for (const [from, to] of [
        [flood, refugees],
        [refugees, flood],
      ]) {
        const page = await app.request().get(`/api/articles/by-slug/${from.slug}?locale=id`);
        expect(page.status).toBe(200);
        // Many tags (the whole archive of its category shares the page): the tag headers stay within budget.
        const tagBytes = ['surrogate-key', 'cache-tag', 'xkey'].reduce(
          (sum, name) => sum + String(page.headers[name] ?? '').length,
          0
        );
        expect(tagBytes).toBeGreaterThan(0);
        expect(tagBytes).toBeLessThanOrEqual(CACHE_TAG_HEADERS_TOTAL_BYTES);
        const cards = page.body.data.inserts.filter(
          (insert: any) => insert.type === 'baca-juga' && insert.source === 'editor'
        );
        expect(cards).toEqual([
          expect.objectContaining({ card: expect.objectContaining({ documentId: to.documentId, title: to.title }) }),
        ]);
        expect(JSON.stringify(page.body.data.body)).not.toContain('Baca Juga');
      }

      // Over REST: Yoast's primary category comes from the post's registered meta, and the bylines from
      // Co-Authors Plus' routes (its terms, each post's term ids, the plugin's co-author profiles).
      const auth = { user: 'redaksi', appPassword: 'abcd EFGH 1234 ijkl MNOP 5678' };
      const server = await startRestFixture(CO_AUTHORS_EXPORT, { user: auth.user, password: auth.appPassword });
      try {
        const rest = await runRestImport(app.strapi, server.url, auth, { site: 'kabar-rest' });
        expect(rest.fatal).toBeNull();
        expect(rest.errors).toEqual([]);
        expect(rest.authors.created).toBe(3);
        expect(rest.posts.created).toBe(2);
        expect(rest.skippedByReason['Co-Authors Plus guest author (imported as an author)']).toBe(2);
        const copyOf = async (postId: string) => {
          const row = await app.strapi.db
            .connection(WORDPRESS_MAP_TABLE)
            .where({ site: 'kabar-rest', kind: 'post', wp_key: postId })
            .first();
          return (await app.strapi.documents(ARTICLE_UID).findOne({
            documentId: row.document_id,
            locale: 'id',
            status: 'published',
            populate: ['category', 'authors'],
          } as any)) as any;
        };
        const floodCopy = await copyOf('1001');
        expect(floodCopy.category.name).toBe('Megapolitan');
        expect(floodCopy.authors.map((author: any) => author.name)).toEqual([
          'Yoga Pratama',
          'Rina Wulandari',
          'Budi Santoso',
        ]);
        // The guest byline linked to budi's account is that account's author, as in the export's import.
        const refugeesCopy = await copyOf('1002');
        expect(refugeesCopy.authors.map((author: any) => author.documentId)).toEqual([floodCopy.authors[2].documentId]);
        const restStringer = floodCopy.authors[0];
        expect(restStringer.documentId).not.toBe(stringer.documentId);
        expect(restStringer).toMatchObject({ role: 'Jurnalis', bio: 'Kontributor Bogor.' });
        const stored = await app.strapi.db
          .query(AUTHOR_UID)
          .findOne({ where: { documentId: restStringer.documentId }, select: ['email'] });
        expect(stored.email).toBe('yoga.kontributor@kabarnusantara.example');
        const restPublic = await app.request().get(`/api/authors/${restStringer.documentId}?locale=id`);
        expect(restPublic.status).toBe(200);
        expect(restPublic.body.data.name).toBe('Yoga Pratama');
        expect(JSON.stringify(restPublic.body)).not.toContain('yoga.kontributor@');
        // The profile is asked for in view context (the plugin's fields are view only), once per guest.
        const profiles = server.requests.filter((url) => url.startsWith('/wp-json/coauthors/v1/coauthors/'));
        expect(profiles.every((url) => !url.includes('context=edit'))).toBe(true);
        expect(profiles.length).toBe(4);
      } finally {
        await server.close();
      }
    });
  });

  describe('interrupted', () => {
    test('an import killed mid-way (SIGKILL) and run again finishes with nothing lost or doubled', async () => {
      const site = 'killed';
      const mapped = async () =>
        Number(
          (
            (await app.strapi.db.connection(WORDPRESS_MAP_TABLE).where({ site, kind: 'post' }).count({ n: '*' })) as any
          )[0].n
        );
      const cli = () =>
        spawn(
          process.execPath,
          [
            'scripts/import-wordpress.js',
            '--file',
            BLOCKS_EXPORT,
            '--site',
            site,
            '--media-dir',
            fixture.mediaDir,
            '--no-progress',
            '--report',
            path.join(os.tmpdir(), `warta-wp-${process.pid}.json`),
          ],
          {
            cwd: APP_DIR,
            env: { ...process.env, NODE_ENV: 'test', WARTA_DIST_COMPILED: '1' },
            stdio: ['ignore', 'pipe', 'pipe'],
          }
        );
      const first = cli();
      await eventually(async () => (await mapped()) >= 5, 120_000);
      first.kill('SIGKILL');
      await new Promise((resolve) => first.once('exit', resolve));
      const done = await mapped();
      expect(done).toBeLessThan(61);

      const second = cli();
      let output = '';
      second.stdout.on('data', (chunk) => (output += chunk));
      const code = await new Promise((resolve) => second.once('exit', resolve));
      expect(output).toMatch(new RegExp(`posts +${61 - done} created, 0 updated, ${done} unchanged`));
      expect(code).toBe(0);
      expect(await mapped()).toBe(61);
      const rows = await app.strapi.db
        .connection(WORDPRESS_MAP_TABLE)
        .where({ site, kind: 'post' })
        .select('document_id');
      expect(new Set(rows.map((row: any) => row.document_id)).size).toBe(61);
    }, 240_000);
  });
});
