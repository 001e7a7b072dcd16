// Guards the WordPress importer's REST path against a real WordPress (Debian's package on MariaDB, served
// by `php -S`), not recorded answers: content written through WordPress' own REST API, then imported with
// an Application Password and checked field by field (counts, the category tree, a draft kept a draft, a
// private post skipped, blocks, the cover's credit, old links redirected), a re-run that changes nothing,
// and a wrong password refused with one clear message.
import { useStrapi } from './helpers/strapi';
import { importedArticle, importRowCounts } from './helpers/wordpress-rows';
import { runRestImport } from './helpers/wordpress';
import { startLiveWordPress, type LiveWordPress } from './helpers/wordpress-live';
import { seedLiveNewsroom, type LiveNewsroom } from './helpers/wordpress-live-content';
import { AUTHOR_UID, CATEGORY_UID, UPLOAD_FILE_UID } from '../src/constants';

let wp: LiveWordPress | null = null;

const { app, fixture } = useStrapi({
  timeout: 240_000,
  fixture: async (strapi) => {
    wp = await startLiveWordPress();
    const site: LiveNewsroom = await seedLiveNewsroom(wp);
    const auth = { user: wp.user, appPassword: wp.appPassword };
    const report = await runRestImport(strapi, wp.url, auth, { site: 'live' });
    return { wp, site, auth, report };
  },
});

afterAll(async () => {
  await wp?.stop();
});

const rowCounts = () => importRowCounts(app.strapi);

const article = (slug: string, status: 'draft' | 'published' = 'published') =>
  importedArticle(app.strapi, slug, status);

describe('WordPress import from a live WordPress over REST', () => {
  test('imports every user, category, tag and post once, and skips the private post with its reason', async () => {
    const { report, site } = fixture;
    expect(report.fatal).toBeNull();
    expect(report.errors).toEqual([]);
    // redaksi (the installer's administrator), rina and budi.
    expect(report.authors).toMatchObject({ created: 3, updated: 0 });
    // Uncategorized (WordPress' default), Nasional and its child Megapolitan.
    expect(report.categories).toMatchObject({ created: 3, updated: 0 });
    expect(report.tags).toMatchObject({ created: 2, updated: 0 });
    // "Hello world!", the block post, the classic post and the draft; the private post is not.
    expect(report.posts).toMatchObject({ created: 4, updated: 0 });
    expect(report.skippedByReason).toEqual({ 'private post': 1, 'post type "attachment" is not imported': 1 });
    expect(report.skipped).toEqual([
      { item: `post ${site.secret.id} "Catatan Rapat Redaksi"`, reason: 'private post' },
    ]);
    // One picture, fetched from the site's uploads once: the cover and both body pictures are that file.
    expect(report.media.failed + report.bodyImages.failed).toBe(0);
    expect(report.media.uploaded + report.bodyImages.uploaded).toBe(1);
    expect(report.media.reused + report.bodyImages.reused).toBe(2);
    expect(await app.strapi.db.query(UPLOAD_FILE_UID).count()).toBe(1);
  });

  test('builds the category tree with its parent', async () => {
    const child = (await app.strapi.documents(CATEGORY_UID).findFirst({
      filters: { slug: 'megapolitan' },
      locale: 'id',
      populate: { parent: { populate: ['parent'] } },
    } as any)) as any;
    expect(child).toMatchObject({ name: 'Megapolitan', description: 'Berita Jakarta dan sekitarnya.' });
    expect(child.parent).toMatchObject({ slug: 'nasional', name: 'Nasional', parent: null });
  });

  test('maps the block-editor post field by field: title, date, author, category, tags, blocks, cover', async () => {
    const post = await article('banjir-rendam-bekasi');
    expect(post).toMatchObject({
      title: 'Banjir Rendam Ribuan Rumah di Bekasi',
      // 10:00 in Jakarta (the site's time zone) is 03:00 GMT.
      datePublished: '2023-10-27T03:00:00.000Z',
    });
    expect(post.authors.map((author: any) => author.name)).toEqual(['Rina Wulandari']);
    expect(post.category.slug).toBe('megapolitan');
    expect(post.tags.map((tag: any) => tag.slug).sort()).toEqual(['banjir', 'bekasi']);
    expect(post.body.map((block: any) => block.type)).toEqual(['paragraph', 'heading', 'list', 'quote', 'image']);
    expect(JSON.stringify(post.body[0])).toContain('ribuan rumah');
    expect(post.body[1]).toMatchObject({ type: 'heading', level: 2 });
    expect(JSON.stringify(post.body[2])).toContain('SDN Bekasi Jaya 1');
    expect(JSON.stringify(post.body[3])).toContain('Air naik cepat sekali.');
    expect(post.body[4].image).toMatchObject({ mime: 'image/png', caption: 'Genangan di Jalan Ahmad Yani' });
    // The caption's "(Foto: Reuters)" is the credit, not part of the caption.
    expect(post.cover).toMatchObject({
      caption: 'Warga mengungsi dari rumahnya di Bekasi',
      credit: 'Reuters',
      creditLabel: 'Foto',
      altText: 'Banjir di Bekasi',
    });
    expect(post.cover.image.mime).toBe('image/png');
  });

  test("turns the classic post's [caption] shortcode into an image block with its caption", async () => {
    const post = await article('pengungsi-banjir-bekasi');
    expect(post.authors.map((author: any) => author.name)).toEqual(['Budi Santoso']);
    expect(post.category.slug).toBe('nasional');
    expect(post.body.map((block: any) => block.type)).toEqual(['paragraph', 'image']);
    expect(post.body[1].image).toMatchObject({
      alternativeText: 'Posko pengungsi',
      caption: 'Posko pengungsi di Bekasi',
    });
  });

  test('keeps the draft a draft', async () => {
    expect(await article('tanggul-jebol', 'published')).toBeNull();
    expect(await article('tanggul-jebol', 'draft')).toMatchObject({ title: 'Draf: Tanggul Jebol' });
    expect(await article('catatan-rapat', 'draft')).toBeNull();
  });

  test("resolves the post's old WordPress link to its reader URL", async () => {
    const { blocks } = fixture.site;
    expect(blocks.link).toMatch(/\/2023\/10\/27\/banjir-rendam-bekasi\/$/);
    const found = await app.request().get('/api/redirects/resolve').query({ path: blocks.link }).expect(200);
    expect(found.body.data).toEqual({
      from: '/2023/10/27/banjir-rendam-bekasi',
      to: '/read/id/banjir-rendam-bekasi',
      status: 301,
    });
    const byId = await app
      .request()
      .get('/api/redirects/resolve')
      .query({ path: `/?p=${blocks.id}` })
      .expect(200);
    expect(byId.body.data.to).toBe('/read/id/banjir-rendam-bekasi');
  });

  test("keeps authors' emails private", async () => {
    const response = await app.request().get('/api/authors?locale=id').expect(200);
    expect(JSON.stringify(response.body)).not.toContain('@kabarlangsung.example');
    const stored = await app.strapi.db.query(AUTHOR_UID).findMany({ select: ['email'] });
    expect(stored.map((row: any) => row.email).sort()).toEqual([
      'budi@kabarlangsung.example',
      'redaksi@kabarlangsung.example',
      'rina@kabarlangsung.example',
    ]);
  });

  test('a second run changes nothing', async () => {
    const before = await rowCounts();
    const again = await runRestImport(app.strapi, fixture.wp.url, fixture.auth, { site: 'live' });
    expect(again.fatal).toBeNull();
    expect(again.posts).toEqual({ created: 0, updated: 0, unchanged: 4, kept: 0 });
    expect(again.authors).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(again.categories).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(again.media).toEqual({ uploaded: 0, reused: 0, failed: 0 });
    expect(await rowCounts()).toEqual(before);
  });

  test('a wrong application password is refused with one clear message, nothing written', async () => {
    const before = await rowCounts();
    const report = await runRestImport(
      app.strapi,
      fixture.wp.url,
      { user: fixture.auth.user, appPassword: 'abcd efgh ijkl mnop qrst uvwx' },
      { site: 'live-wrong' }
    );
    expect(report.fatal).toMatch(
      /^WordPress refused the login \(HTTP 401\) at .*: check --user and --app-password \(an Application Password/
    );
    // WordPress takes a wrong Application Password for no login at all: asking who is logged in tells.
    expect(report.fatal).toContain('/wp-json/wp/v2/users/me');
    expect(await rowCounts()).toEqual(before);
  });

  test("an editor's Application Password is told the import needs an administrator's", async () => {
    const { budi } = fixture.site;
    const created = await fixture.wp.api('POST', `/wp/v2/users/${budi.id}/application-passwords`, { name: 'warta' });
    const before = await rowCounts();
    const report = await runRestImport(
      app.strapi,
      fixture.wp.url,
      { user: 'budi', appPassword: created.password },
      { site: 'live-editor' }
    );
    expect(report.fatal).toMatch(
      /^WordPress lets budi read .*\/wp-json\/wp\/v2\/users\?.* only without context=edit .*: the import needs an administrator's Application Password$/
    );
    expect(await rowCounts()).toEqual(before);
  });
});
