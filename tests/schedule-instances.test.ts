// Guards "exactly once, on time, across instances, through crashes": several real `strapi start`
// processes share one PostgreSQL (three) or MariaDB (two) database; 50 articles scheduled across a
// window are each published exactly once (counted in the execution record) within 30 s of their time,
// with one instance SIGKILLed mid-run and restarted, round after round; and a related-news job whose
// instance was killed mid-recomputation is finished by another. Skipped on SQLite (one writer, one
// process). WARTA_TEST_SCHEDULE_ROUNDS (default 2) and WARTA_TEST_SCHEDULE_WINDOW_SECONDS (default 30;
// the figure is 60) size the run.
import type { Core } from '@strapi/strapi';
import { databaseKind } from './helpers/database';
import { paragraph } from './helpers/fixtures';
import { startInstance, type Instance } from './helpers/instance';
import { eventually, useStrapi } from './helpers/strapi';
import { ARTICLE_UID, CATEGORY_UID, JOB_TABLES, RELATED_TABLES } from '../src/constants';

const kind = databaseKind();
const INSTANCES = kind === 'postgres' ? 3 : 2;
const ROUNDS = Number(process.env.WARTA_TEST_SCHEDULE_ROUNDS ?? 2);
const WINDOW_MS = Number(process.env.WARTA_TEST_SCHEDULE_WINDOW_SECONDS ?? 30) * 1000;
const ARTICLES = 50;
const onServer = kind === 'sqlite' ? describe.skip : describe;

/** The workers' settings in every spawned instance: a short poll and lease so a crash heals within seconds. */
const WORKER_ENV = {
  WARTA_JOBS_WORKER: 'true',
  WARTA_JOBS_POLL_SECONDS: '2',
  WARTA_JOBS_LEASE_SECONDS: '5',
  WARTA_RELATED_RECONCILE_MINUTES: '0',
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

async function newsroom(strapi: Core.Strapi) {
  const category = await strapi
    .documents(CATEGORY_UID)
    .create({ locale: 'id', data: { name: 'Nasional', slug: 'nasional' } } as never);
  return { category: category.documentId as string };
}

onServer(`${INSTANCES} Warta instances on one ${kind === 'postgres' ? 'PostgreSQL' : 'MariaDB'}`, () => {
  const instances: Instance[] = [];
  const delays: number[] = [];

  // Declared before useStrapi: jest runs afterAll hooks in declaration order, and the instances stop
  // before the harness drops the shared database.
  afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
    if (delays.length) {
      console.log(
        `[schedule-instances] ${kind}, ${INSTANCES} instances, ${delays.length} scheduled publishes: fire delay p50 ${percentile(delays, 50)} ms, p95 ${percentile(delays, 95)} ms, max ${Math.max(...delays)} ms`
      );
    }
  });

  // The harness is the editors' desk: it writes, it takes no job (every job goes to the instances).
  const { app, fixture } = useStrapi({ fixture: newsroom, env: { WARTA_JOBS_WORKER: 'false' }, timeout: 180_000 });
  const knex = () => app.strapi.db.connection;

  beforeAll(async () => {
    instances.push(...(await Promise.all(Array.from({ length: INSTANCES }, () => startInstance(WORKER_ENV)))));
  }, 240_000);

  async function draft(title: string, publishAt: string) {
    const doc = await app.strapi.documents(ARTICLE_UID).create({
      locale: 'id',
      data: { title, lead: title, body: [paragraph(`${title}.`)], category: fixture.category, publishAt },
    } as never);
    return doc.documentId as string;
  }

  const rounds = Array.from({ length: ROUNDS }, (_unused, index) => index + 1);
  test.each(rounds)(
    `round %i: ${ARTICLES} articles scheduled across the window each go out exactly once, on time, through a SIGKILL`,
    async (round) => {
      const first = Date.now() + 5000;
      const times = Array.from(
        { length: ARTICLES },
        (_unused, i) => first + Math.round((i * WINDOW_MS) / (ARTICLES - 1))
      );
      const ids: string[] = [];
      for (const [i, at] of times.entries())
        ids.push(await draft(`Ronde ${round} berita ${i + 1}`, new Date(at).toISOString()));

      // Mid-run, one instance dies without a word (SIGKILL: no shutdown hook, a transaction cut off) and
      // comes back.
      await sleep(Math.max(0, first + WINDOW_MS / 2 - Date.now()));
      const victim = (round - 1) % INSTANCES;
      await instances[victim].stop('SIGKILL');
      instances[victim] = await startInstance(WORKER_ENV);

      const live = () =>
        app.strapi.db
          .query(ARTICLE_UID)
          .count({ where: { documentId: { $in: ids }, locale: 'id', publishedAt: { $notNull: true } } });
      await eventually(async () => (await live()) === ARTICLES, Math.max(0, times[ARTICLES - 1] - Date.now()) + 90_000);

      const runs: {
        document_id: string;
        outcome: string;
        scheduled_ms: string;
        executed_ms: string;
        instance: string;
      }[] = await knex()(JOB_TABLES.executions).whereIn('document_id', ids);
      const published = runs.filter((run) => run.outcome === 'published');
      const perArticle = new Map(ids.map((id) => [id, 0]));
      for (const run of published) perArticle.set(run.document_id, (perArticle.get(run.document_id) ?? 0) + 1);
      expect([...perArticle.values()].every((count) => count === 1)).toBe(true);
      expect(published).toHaveLength(ARTICLES);
      // Shared out: more than one instance did the work.
      expect(new Set(published.map((run) => run.instance)).size).toBeGreaterThan(1);

      const roundDelays = published.map((run) => Number(run.executed_ms) - Number(run.scheduled_ms));
      delays.push(...roundDelays);
      expect(Math.max(...roundDelays)).toBeLessThan(30_000);

      const rows: { documentId: string; datePublished: string }[] = await app.strapi.db.query(ARTICLE_UID).findMany({
        where: { documentId: { $in: ids }, locale: 'id', publishedAt: { $notNull: true } },
        select: ['documentId', 'datePublished'],
      });
      const scheduledOf = new Map(ids.map((id, i) => [id, times[i]]));
      for (const row of rows) expect(new Date(row.datePublished).getTime()).toBe(scheduledOf.get(row.documentId));
      expect(await knex()(JOB_TABLES.jobs).whereIn('kind', ['article.publish', 'article.unpublish'])).toEqual([]);
    },
    600_000
  );

  test('a related-news job whose instance is killed mid-recomputation is finished by another instance', async () => {
    type Held = { id: number; job_key: string; locked_by: string; locked_until: string };
    const publishBatch = async (round: number) => {
      for (let i = 0; i < 20; i += 1) {
        await app.strapi.documents(ARTICLE_UID).create({
          locale: 'id',
          status: 'published',
          data: {
            title: `Banjir Jakarta ronde ${round} hari ke-${i + 1}`,
            lead: 'Banjir merendam Jakarta.',
            body: [paragraph('Banjir merendam ribuan rumah di Jakarta; warga mengungsi.')],
            category: fixture.category,
          },
        } as never);
      }
    };
    // Catch an instance holding a recomputation and kill it there. The recomputations run while the batch
    // is being published and can be over by the time it is, so the queue is watched during the batch (and a
    // few seconds after). A recomputation can also finish between the look and the kill; what counts is a
    // job the dead instance still holds, so look again after the kill and, if it let go of everything just
    // in time, restart it and try with a new batch.
    const holderOf = async (): Promise<{ victim: number; holder: string } | null> => {
      const rows: Held[] = await knex()(JOB_TABLES.jobs).where('kind', 'like', 'related.%').whereNotNull('locked_by');
      for (const row of rows) {
        const index = instances.findIndex((instance) => row.locked_by.includes(`:${instance.pid}:`));
        if (index >= 0) return { victim: index, holder: row.locked_by };
      }
      return null;
    };
    let held: Held | undefined;
    let victim = -1;
    for (let round = 1; round <= 8 && !held; round += 1) {
      let publishedAt: number | null = null;
      const watching = (async () => {
        while (publishedAt === null || Date.now() - publishedAt < 5000) {
          const found = await holderOf();
          if (found) return found;
          await sleep(10);
        }
        return null;
      })();
      await publishBatch(round);
      publishedAt = Date.now();
      const found = await watching;
      if (!found) continue;
      victim = found.victim;
      await instances[victim].stop('SIGKILL');
      held = await knex()(JOB_TABLES.jobs).where('kind', 'like', 'related.%').where('locked_by', found.holder).first();
      if (!held) instances[victim] = await startInstance(WORKER_ENV);
    }
    expect(held).toBeDefined();

    // Another instance takes it when the lease ends, and finishes it.
    await eventually(async () => (await knex()(JOB_TABLES.jobs).where('id', held!.id)).length === 0, 60_000);
    expect(Date.now()).toBeGreaterThanOrEqual(Number(held!.locked_until));
    const documentId = held!.job_key.split(':')[0];
    await eventually(async () =>
      Boolean(await knex()(RELATED_TABLES.lists).where({ document_id: documentId }).first())
    );
    instances[victim] = await startInstance(WORKER_ENV);
  }, 400_000);
});
