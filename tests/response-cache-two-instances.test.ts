// Guards the response cache behind a load balancer: two Warta instances on one PostgreSQL, once sharing a
// Redis and once each with its own in-process cache (kept in step by the purge log). What an editor
// writes on one is what the other serves on its very next read, and a burst of requests for a cold key
// spread over both is computed once with Redis (once per instance without). The second instance is a real
// `strapi start` in its own process.
import { databaseKind } from './helpers/database';
import { createNewsFixture, paragraph } from './helpers/fixtures';
import { startInstance, type Instance } from './helpers/instance';
import { createFullAccessToken, useStrapi } from './helpers/strapi';
import { ARTICLE_UID as ARTICLE, AUTHOR_UID as AUTHOR } from '../src/constants';

const onPostgres = databaseKind() === 'postgres' ? describe : describe.skip;

type Answer = { status: number; cache: string | null; text: string };

function twoInstances(
  name: string,
  env: Record<string, string>,
  { sharedComputation }: { sharedComputation: boolean }
) {
  onPostgres(name, () => {
    let other: Instance | undefined;

    // Before useStrapi: afterAll hooks run in declaration order, the second instance stops first.
    afterAll(async () => {
      await other?.stop();
    });

    const { app, fixture } = useStrapi({ env, fixture: createNewsFixture });

    const onFirst = async (url: string): Promise<Answer> => {
      const res = await app.request().get(url);
      return { status: res.status, cache: res.headers['x-cache'] ?? null, text: res.text };
    };
    const onSecond = async (url: string): Promise<Answer> => {
      const res = await fetch(`${other!.url}${url}`);
      return { status: res.status, cache: res.headers.get('x-cache'), text: await res.text() };
    };
    const warmSecond = async (url: string) => {
      await onSecond(url);
      expect([url, (await onSecond(url)).cache]).toEqual([url, 'HIT']);
    };
    const related = () => app.strapi.plugin('newsroom').service('related-news');
    const publishOnFirst = async (title: string, slug: string) => {
      const doc = await app.strapi.documents(ARTICLE).create({
        locale: 'id',
        status: 'published',
        data: {
          title,
          slug,
          lead: 'Ringkasan.',
          body: [paragraph('Isi.')],
          category: fixture.internasional.documentId,
        },
      } as any);
      await related().idle();
      return doc;
    };

    beforeAll(async () => {
      await related().idle();
      // The same database, secrets and cache settings as the first instance (useStrapi put them in process.env).
      other = await startInstance(env);
    }, 120_000);

    test('the first instance uses the cache the configuration names', () => {
      expect(app.strapi.plugin('newsroom').service('response-cache').kind()).toBe(env.REDIS_URL ? 'redis' : 'memory');
    });

    test("published on the first, it is on the second's very next read", async () => {
      const slug = `terbit-di-satu-${Date.now()}`;
      const urls = ['/read/id', '/api/articles?locale=id', '/rss/id.xml', `/api/articles/by-slug/${slug}?locale=id`];
      for (const url of urls) await warmSecond(url);
      await publishOnFirst('Terbit di Instans Pertama', slug);
      for (const url of urls) {
        const answer = await onSecond(url);
        expect([url, answer.status, answer.text.includes('Terbit di Instans Pertama')]).toEqual([url, 200, true]);
      }
    });

    test('unpublished on the first, it is gone from the second at once', async () => {
      const slug = `ditarik-${Date.now()}`;
      const doc = await publishOnFirst('Ditarik dari Instans Pertama', slug);
      const urls = ['/read/id', `/read/id/${slug}`];
      for (const url of urls) await warmSecond(url);
      await app.strapi.documents(ARTICLE).unpublish({ documentId: doc.documentId, locale: 'id' } as any);
      expect((await onSecond(`/read/id/${slug}`)).status).toBe(404);
      expect((await onSecond('/read/id')).text).not.toContain('Ditarik dari Instans Pertama');
    });

    test("an author renamed on the first shows in the second's byline at once", async () => {
      const url = `/read/id/${fixture.published.slug}`;
      await warmSecond(url);
      await app.strapi.documents(AUTHOR).update({
        documentId: fixture.salsabila.documentId,
        locale: 'id',
        data: { name: 'Salsabila F. Puteri' },
      } as any);
      expect((await onSecond(url)).text).toContain('Salsabila F. Puteri');
    });

    test('a write through the second instance is on the first at once as well', async () => {
      const url = '/api/tags?locale=id';
      await onFirst(url);
      expect((await onFirst(url)).cache).toBe('HIT');
      const token = await createFullAccessToken(app.strapi);
      const created = await fetch(`${other!.url}/api/tags?locale=id`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ data: { name: 'Ditulis di Instans Kedua' } }),
      });
      expect(created.status).toBe(201);
      expect((await onFirst(url)).text).toContain('Ditulis di Instans Kedua');
    });

    test(`a burst for a cold key over both instances is computed ${sharedComputation ? 'once' : 'once per instance'}`, async () => {
      const url = `/read/id/${fixture.published.slug}?burst=${Date.now()}`;
      const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => (i % 2 ? onSecond(url) : onFirst(url))));
      expect(answers.every((answer) => answer.status === 200)).toBe(true);
      expect(answers.filter((answer) => answer.cache === 'MISS')).toHaveLength(sharedComputation ? 1 : 2);
      // Each computation renders its own page (its own CSP nonce): one text per computation.
      expect(new Set(answers.map((answer) => answer.text)).size).toBe(sharedComputation ? 1 : 2);
    });
  });
}

twoInstances(
  'two instances sharing Redis',
  { REDIS_URL: 'redis://127.0.0.1:6379', WARTA_CACHE: '' },
  { sharedComputation: true }
);
twoInstances('two instances without Redis (the purge log)', { WARTA_CACHE: 'memory' }, { sharedComputation: false });

// An admin-only instance, or a script, may run with the cache off: its writes must still reach the
// instances that cache, whichever way they cache. Here Redis is configured on the uncached instance and the
// other caches in process: the purge must go to the purge log as well as to Redis.
onPostgres('an instance with the cache off beside one that caches', () => {
  let other: Instance | undefined;
  afterAll(async () => {
    await other?.stop();
  });
  const { app, fixture } = useStrapi({
    env: { WARTA_CACHE: 'off', REDIS_URL: 'redis://127.0.0.1:6379' },
    fixture: createNewsFixture,
  });

  beforeAll(async () => {
    await app.strapi.plugin('newsroom').service('related-news').idle();
    other = await startInstance({ WARTA_CACHE: 'memory', REDIS_URL: '' });
  }, 120_000);

  test("what the uncached instance publishes is on the caching one's very next read", async () => {
    const url = `/api/articles/by-slug/${fixture.published.slug}?locale=id`;
    const read = async () => {
      const res = await fetch(`${other!.url}${url}`);
      return { cache: res.headers.get('x-cache'), text: await res.text() };
    };
    await read();
    expect((await read()).cache).toBe('HIT');
    expect((await app.request().get(url)).headers['x-cache']).toBeUndefined();

    const title = `Judul Baru dari Meja Tanpa Cache ${Date.now()}`;
    const { documentId } = fixture.published;
    await app.strapi.documents(ARTICLE).update({ documentId, locale: 'id', data: { title } } as any);
    await app.strapi.documents(ARTICLE).publish({ documentId, locale: 'id' } as any);
    const after = await read();
    expect(after.cache).toBe('MISS');
    expect(after.text).toContain(title);
  });
});
