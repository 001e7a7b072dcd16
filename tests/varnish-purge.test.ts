// Guards the CDN purge: Varnish (the repo's deploy/varnish/warta.vcl, vmod xkey) in front of two Warta
// instances on one PostgreSQL. A page is served from Varnish; an edit published on the other instance
// and an unpublish on this one reach readers through Varnish on the next read, because every write
// purges Varnish by the surrogate keys (xkey) the responses carry.
import fs from 'fs';
import os from 'os';
import path from 'path';
import { ARTICLE_UID } from '../src/constants';
import { databaseKind } from './helpers/database';
import { createNewsFixture, paragraph } from './helpers/fixtures';
import { freePort, startInstance, type Instance } from './helpers/instance';
import { startVarnish, type Varnish } from './helpers/processes';
import { eventually, useStrapi } from './helpers/strapi';

const hasVarnish = fs.existsSync('/usr/sbin/varnishd');
const onPostgresWithVarnish = databaseKind() === 'postgres' && hasVarnish ? describe : describe.skip;

onPostgresWithVarnish('Varnish in front of two Warta instances', () => {
  let varnishPort: number;
  let varnish: Varnish;
  let other: Instance;
  let token: string;
  let documentId: string;
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-varnish-'));

  // Before useStrapi (hooks run in declaration order): the purge URL must be in the environment at boot,
  // and afterAll stops Varnish and the other instance before the first one drops the database.
  beforeAll(async () => {
    varnishPort = await freePort();
    process.env.WARTA_CDN_PURGE_URL = `http://127.0.0.1:${varnishPort}/`;
  });
  afterAll(async () => {
    await varnish?.stop();
    await other?.stop();
    fs.rmSync(workDir, { recursive: true, force: true });
    delete process.env.WARTA_CDN_PURGE_URL;
  });

  const { app, fixture } = useStrapi({ fixture: createNewsFixture, listen: true });
  const throughVarnish = (pathname: string) => fetch(`${varnish.url}${pathname}`);
  const pagePath = '/read/id/menteri-resmikan-pelabuhan-baru-di-sorong';

  beforeAll(async () => {
    const article = await app.strapi.documents(ARTICLE_UID).create({
      locale: 'id',
      status: 'published',
      data: {
        title: 'Menteri Resmikan Pelabuhan Baru di Sorong',
        lead: 'Pelabuhan itu melayani kapal barang dari Maluku.',
        body: [paragraph('Peresmian berlangsung Jumat pagi.')],
        category: fixture.internasional.documentId,
      },
    } as never);
    documentId = article.documentId;
    const created = await app.strapi
      .service('admin::api-token')
      .create({ name: 'varnish-test', type: 'full-access', lifespan: null, description: '' });
    token = created.accessKey;
    // The same database and secrets as this process (useStrapi put them in process.env).
    other = await startInstance({});
    const first = new URL(app.baseUrl!);
    const second = new URL(other.url);
    varnish = await startVarnish(varnishPort, [first.host, second.host], workDir);
    // What the setup wrote before Varnish listened was purged in vain (and retried): let that settle.
    await app.strapi.plugin('newsroom').service('related-news').idle();
    await app.strapi.plugin('newsroom').service('cdn-purge').idle();
  }, 180_000);

  test('serves a reader page from Varnish, with the surrogate keys Warta gave it', async () => {
    const first = await throughVarnish(pagePath);
    expect(first.status).toBe(200);
    expect(first.headers.get('xkey')).toContain(documentId);
    expect(await first.text()).toContain('Menteri Resmikan Pelabuhan Baru di Sorong');
    // The setup's own follow-up work (the new article's "Berita Terkait" list, computed on either
    // instance) purges its page once more, rightly, when it lands after that first read: Varnish holds
    // the page again on a later read.
    // The hit checked is the one that ended the wait: a read after it could meet another late purge.
    const hits: Response[] = [];
    await eventually(async () => {
      const response = await throughVarnish(pagePath);
      if (response.headers.get('x-varnish-cache') === 'HIT') hits.push(response);
      return hits.length > 0;
    }, 10_000);
    expect(hits[0].headers.get('xkey')).toContain(documentId);
    expect(await hits[0].text()).toContain('Menteri Resmikan Pelabuhan Baru di Sorong');
  });

  test('an edit published on the other instance is what the next read through Varnish shows', async () => {
    expect((await throughVarnish(pagePath)).headers.get('x-varnish-cache')).toBe('HIT');
    const edited = await fetch(`${other.url}/api/articles/${documentId}?locale=id`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ data: { title: 'Presiden Resmikan Pelabuhan Baru di Sorong' } }),
    });
    expect(edited.status).toBe(200);
    // The other instance purges Varnish right after its commit; a few hundred ms at most on this machine.
    await eventually(async () => (await (await throughVarnish(pagePath)).text()).includes('Presiden Resmikan'), 3_000);
    const page = await (await throughVarnish(pagePath)).text();
    expect(page).not.toContain('Menteri Resmikan');
  });

  test('an article unpublished on this instance is gone from Varnish at once', async () => {
    // The edit's follow-up writes ("Berita Terkait" lists recomputed in the background) purge the page
    // again, rightly: wait until Varnish holds it once more.
    await eventually(async () => (await throughVarnish(pagePath)).headers.get('x-varnish-cache') === 'HIT', 10_000);
    await app.strapi.documents(ARTICLE_UID).unpublish({ documentId, locale: 'id' } as never);
    await app.strapi.plugin('newsroom').service('cdn-purge').idle();
    const gone = await throughVarnish(pagePath);
    expect(gone.status).toBe(404);
    expect(await gone.text()).not.toContain('Pelabuhan Baru di Sorong');
  });
});
