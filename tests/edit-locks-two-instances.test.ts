/**
 * Guards edit locks behind a load balancer: two Warta instances on one PostgreSQL (the second a real
 * `strapi start`), an editor on each. A lock taken on one refuses the other's take and save (409), two
 * instances racing for one lock give it to exactly one, a lock without heartbeat expires, and a take-over
 * on one instance is what the previous holder's heartbeat on the other reports.
 */
import { adminUser } from './helpers/admin';
import { databaseKind } from './helpers/database';
import { startInstance, type Instance } from './helpers/instance';
import { useStrapi } from './helpers/strapi';
import { ARTICLE_UID, CATEGORY_UID } from '../src/constants';

const onPostgres = databaseKind() === 'postgres' ? describe : describe.skip;
const TTL_SECONDS = 15;
const CM = '/content-manager/collection-types/api::article.article';

onPostgres('edit locks across two instances on one PostgreSQL', () => {
  let second: Instance;
  // Declared before useStrapi: afterAll hooks run in order, and the second instance stops before the database goes.
  afterAll(async () => {
    await second?.stop();
  });
  const { app, fixture } = useStrapi({
    env: { WARTA_LOCK_TTL_SECONDS: String(TTL_SECONDS) },
    timeout: 120_000,
    fixture: async (strapi, testApp) => {
      const category = await strapi
        .documents(CATEGORY_UID)
        .create({ data: { name: 'Nasional' }, locale: 'id', status: 'published' } as any);
      const article = async (title: string) =>
        (
          await strapi
            .documents(ARTICLE_UID)
            .create({ data: { title, category: category.documentId }, locale: 'id' } as any)
        ).documentId as string;
      return {
        // Two redaktur: Author accounts may only save what they created themselves.
        rina: await adminUser(testApp, 'strapi-editor', 'Rina'),
        budi: await adminUser(testApp, 'strapi-editor', 'Budi'),
        story: await article('Breaking: Gempa Banten'),
        raced: await article('Breaking: Banjir Bandang'),
      };
    },
  });

  beforeAll(async () => {
    second = await startInstance({ ...app.database.env, WARTA_LOCK_TTL_SECONDS: String(TTL_SECONDS) });
  }, 120_000);

  // Rina works on the first instance (supertest), Budi on the second (fetch).
  const onFirst = (method: 'post' | 'put', url: string, body: object) =>
    (app.request() as any)[method](url).set('Authorization', `Bearer ${fixture.rina.token}`).send(body);
  const onSecond = async (method: string, url: string, body: object) => {
    const res = await fetch(`${second.url}${url}`, {
      method,
      headers: { Authorization: `Bearer ${fixture.budi.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as any };
  };
  const lock = (documentId: string, extra: object = {}) => ({ documentId, locale: 'id', ...extra });

  test('a lock taken on one instance refuses the take and the save on the other', async () => {
    expect((await onFirst('post', '/newsroom/locks', lock(fixture.story))).status).toBe(200);
    const take = await onSecond('POST', '/newsroom/locks', lock(fixture.story));
    expect(take.status).toBe(409);
    expect(take.body.error.message).toMatch(/^Sedang disunting oleh Rina Uji sejak \d\d:\d\d WIB/);
    const save = await onSecond('PUT', `${CM}/${fixture.story}?locale=id`, { lead: 'ditimpa' });
    expect(save.status).toBe(409);
    const row = await app.strapi.db.query(ARTICLE_UID).findOne({ where: { documentId: fixture.story } });
    expect(row.lead).toBeNull();
  });

  test("a take-over on the other instance reaches the previous holder's heartbeat", async () => {
    const takeover = await onSecond('POST', '/newsroom/locks', lock(fixture.story, { takeOver: true }));
    expect(takeover.status).toBe(200);
    expect(takeover.body.data).toMatchObject({ mine: true, holder: { id: fixture.budi.id } });
    const beat = await onFirst('put', '/newsroom/locks', lock(fixture.story));
    expect(beat.body.data).toMatchObject({ held: false, takenOver: true, holder: { name: 'Budi Uji' } });
    expect((await onFirst('put', `${CM}/${fixture.story}?locale=id`, { lead: 'terlambat' })).status).toBe(409);
    expect((await onSecond('PUT', `${CM}/${fixture.story}?locale=id`, { lead: 'suntingan redaktur' })).status).toBe(
      200
    );
  });

  test('two instances racing for one lock: exactly one gets it', async () => {
    const [first, other] = await Promise.all([
      onFirst('post', '/newsroom/locks', lock(fixture.raced)),
      onSecond('POST', '/newsroom/locks', lock(fixture.raced)),
    ]);
    expect([first.status, other.status].sort()).toEqual([200, 409]);
  });

  test('a lock without heartbeat expires, and the other instance may take it', async () => {
    // Budi holds the story's lock since the take-over and stops sending heartbeats.
    expect((await onFirst('post', '/newsroom/locks', lock(fixture.story))).status).toBe(409);
    await new Promise((resolve) => setTimeout(resolve, (TTL_SECONDS + 1) * 1000));
    const take = await onFirst('post', '/newsroom/locks', lock(fixture.story));
    expect(take.status).toBe(200);
    expect(take.body.data).toMatchObject({ mine: true, holder: { id: fixture.rina.id } });
  }, 40_000);
});
