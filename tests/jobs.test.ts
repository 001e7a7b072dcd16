// Guards the durable job queue: a publish commits its related-news recomputation with it (a process
// gone before indexing loses nothing, another instance finishes it), pending work is coalesced, a job
// whose holder died is taken again when its lease ends, a job asked for again while it runs runs once
// more, failures are retried with doubling backoff and parked with their error for an administrator
// (who may put them back), and the admin home's routes answer and refuse like the rest of Warta.
import type { Core } from '@strapi/strapi';
import { adminToken } from './helpers/admin';
import { eventually, useStrapi } from './helpers/strapi';
import { paragraph } from './helpers/fixtures';
import { ARTICLE_UID, CATEGORY_UID, JOB_TABLES, RELATED_TABLES } from '../src/constants';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function newsroom(strapi: Core.Strapi) {
  const category = await strapi
    .documents(CATEGORY_UID)
    .create({ locale: 'id', data: { name: 'Nasional', slug: 'nasional' } } as never);
  return { category: category.documentId as string };
}

const { app, fixture } = useStrapi({
  fixture: newsroom,
  env: {
    WARTA_JOBS_POLL_SECONDS: '1',
    WARTA_JOBS_LEASE_SECONDS: '2',
    WARTA_JOBS_RETRY_SECONDS: '1',
    WARTA_JOBS_MAX_ATTEMPTS: '3',
  },
});

const jobs = () => app.strapi.plugin('newsroom').service('jobs');
const related = () => app.strapi.plugin('newsroom').service('related-news');
const table = () => app.strapi.db.connection(JOB_TABLES.jobs);
const jobsOf = (key: string) => table().where('job_key', key);
const listOf = (documentId: string) =>
  app.strapi.db.connection(RELATED_TABLES.lists).where({ document_id: documentId, locale: 'id' }).first();

async function publish(title: string) {
  const doc = await app.strapi.documents(ARTICLE_UID).create({
    locale: 'id',
    status: 'published',
    data: { title, lead: title, body: [paragraph(`${title} di Jakarta.`)], category: fixture.category },
  } as never);
  return doc.documentId as string;
}

afterEach(() => {
  jobs().start();
});

describe('the related-news recomputation is a durable job', () => {
  test('a publish commits its job with it; a worker that starts later (another instance) finishes it', async () => {
    await jobs().stop();
    const documentId = await publish('Banjir Rob di Pantai Utara');
    // Committed with the publish, before any worker touched it: a process killed now loses nothing.
    const [job] = await jobsOf(`${documentId}:id`);
    expect(job).toMatchObject({ kind: 'related.refresh', state: 'pending', locked_by: null });
    expect(await listOf(documentId)).toBeUndefined();

    jobs().start();
    await related().idle();
    expect(await listOf(documentId)).toBeDefined();
    expect(await jobsOf(`${documentId}:id`)).toEqual([]);
  });

  test('work asked for again while it is pending is one job', async () => {
    await jobs().stop();
    const documentId = await publish('Harga Cabai Naik');
    for (let i = 0; i < 5; i += 1) await related().schedule(documentId, 'id');
    expect(await jobsOf(`${documentId}:id`).where('kind', 'related.refresh')).toHaveLength(1);
  });

  test('a job whose instance died mid-recomputation is taken again when its lease ends', async () => {
    await jobs().stop();
    const documentId = await publish('Gempa di Cianjur');
    const leaseEnds = Date.now() + 2000;
    // What a SIGKILL leaves behind: the job claimed, its lease running, nobody to finish it.
    await jobsOf(`${documentId}:id`).update({ locked_by: 'dead-host:1:abc', locked_until: leaseEnds, attempts: 1 });
    jobs().start();
    await sleep(1000);
    expect(await jobsOf(`${documentId}:id`)).toHaveLength(1);
    expect(await listOf(documentId)).toBeUndefined();
    await eventually(async () => (await jobsOf(`${documentId}:id`)).length === 0, 10_000);
    expect(Date.now()).toBeGreaterThanOrEqual(leaseEnds);
    expect(await listOf(documentId)).toBeDefined();
  });

  test('a recomputation running longer than its lease keeps it (renewed), and runs once', async () => {
    let runs = 0;
    const leaseSeen: number[] = [];
    jobs().register('test.long', {
      mode: 'lease',
      run: async () => {
        runs += 1;
        // 4.5 s of work on a 2 s lease: without renewal the lease would run out twice.
        for (let i = 0; i < 9; i += 1) {
          await sleep(500);
          const [row] = await table().where({ kind: 'test.long', job_key: 'long' });
          leaseSeen.push(Number(row.locked_until) - Date.now());
        }
      },
    });
    await jobs().enqueue([{ kind: 'test.long', key: 'long', runAt: Date.now(), priority: 50 }]);
    await jobs().idle(['test.long']);
    expect(runs).toBe(1);
    // Every look during the run found the lease still ahead of now.
    expect(leaseSeen).toHaveLength(9);
    expect(Math.min(...leaseSeen)).toBeGreaterThan(0);
    expect(await table().where('kind', 'test.long')).toEqual([]);
  });

  test('a job asked for again while it runs runs once more, then goes', async () => {
    let runs = 0;
    jobs().register('test.rerun', {
      mode: 'lease',
      run: async () => {
        runs += 1;
        if (runs === 1) await jobs().enqueue([{ kind: 'test.rerun', key: 'k', runAt: Date.now(), priority: 50 }]);
      },
    });
    await jobs().enqueue([{ kind: 'test.rerun', key: 'k', runAt: Date.now(), priority: 50 }]);
    await jobs().idle(['test.rerun']);
    expect(runs).toBe(2);
    expect(await table().where('kind', 'test.rerun')).toEqual([]);
  });
});

describe('a job that keeps failing', () => {
  let admin: string;
  let editor: string;
  let failing = true;
  beforeAll(async () => {
    admin = await adminToken(app);
    editor = await adminToken(app, 'strapi-editor');
    jobs().register('test.failing', {
      mode: 'lease',
      run: async () => {
        if (failing) throw new Error('Basis data sibuk');
      },
    });
  });

  test('is retried with doubling backoff, parked with its error, shown to an administrator, and can be put back', async () => {
    await jobs().enqueue([{ kind: 'test.failing', key: 'x', runAt: Date.now(), priority: 50 }]);
    const waits: number[] = [];
    let seen = 0;
    await eventually(async () => {
      const [row] = await table().where('kind', 'test.failing');
      if (row.state === 'pending' && row.locked_by === null && Number(row.attempts) > seen) {
        seen = Number(row.attempts);
        waits.push(Number(row.run_at) - Number(row.updated_ms));
      }
      return row.state === 'parked';
    }, 15_000);
    expect(waits).toEqual([1000, 2000]);

    const list = await app.request().get('/newsroom/jobs?state=parked').set('Authorization', `Bearer ${admin}`);
    expect(list.status).toBe(200);
    const parked = list.body.data.find((job: { kind: string }) => job.kind === 'test.failing');
    expect(parked).toMatchObject({ state: 'parked', attempts: 3, key: 'x', lastError: 'Error: Basis data sibuk' });

    const refused = await app.request().get('/newsroom/jobs?state=parked').set('Authorization', `Bearer ${editor}`);
    expect(refused.status).toBe(403);

    failing = false;
    const retry = await app.request().post(`/newsroom/jobs/${parked.id}/retry`).set('Authorization', `Bearer ${admin}`);
    expect(retry.status).toBe(200);
    await eventually(async () => (await table().where('kind', 'test.failing')).length === 0, 10_000);
  });

  test.each([
    ['/newsroom/jobs?state=done', 400, /^state harus "pending" atau "parked"/],
    ['/newsroom/jobs?sort=id', 400, /^Parameter tidak dikenal: sort/],
  ])('GET %s is a %p', async (url, status, message) => {
    const res = await app.request().get(url).set('Authorization', `Bearer ${admin}`);
    expect(res.status).toBe(status);
    expect(res.body.error.message).toMatch(message);
  });

  test('retrying a job that is not parked is a 404', async () => {
    const res = await app.request().post('/newsroom/jobs/999999/retry').set('Authorization', `Bearer ${admin}`);
    expect(res.status).toBe(404);
    expect(res.body.error.message).toMatch(/^Pekerjaan 999999 tidak ada atau tidak sedang diparkir/);
  });
});

describe('the admin home: what goes out in the next 24 hours', () => {
  let editor: string;
  beforeAll(async () => {
    editor = await adminToken(app, 'strapi-editor');
  });

  test('lists a scheduled article with its time in its zone', async () => {
    const publishAt = new Date(Date.now() + 3_600_000).toISOString();
    const doc = await app.strapi.documents(ARTICLE_UID).create({
      locale: 'id',
      data: { title: 'Edisi Sore', timezone: 'WIT', category: fixture.category, publishAt },
    } as never);
    const res = await app.request().get('/newsroom/schedule/upcoming').set('Authorization', `Bearer ${editor}`);
    expect(res.status).toBe(200);
    const item = res.body.data.find((entry: { documentId: string }) => entry.documentId === doc.documentId);
    expect(item).toMatchObject({
      title: 'Edisi Sore',
      action: 'publish',
      zone: 'WIT',
      state: 'pending',
      at: publishAt,
    });
    expect(item.when).toMatch(/^\w+, \d{1,2} \w+ \d{4} \d\d:\d\d WIT$/);

    const soon = await app
      .request()
      .get('/newsroom/schedule/upcoming?hours=0')
      .set('Authorization', `Bearer ${editor}`);
    expect(soon.status).toBe(400);
    expect(soon.body.error.message).toMatch(/^hours harus bilangan bulat 1 sampai 168/);
  });

  test("an editor whose role reads only `en` sees no `id` article's schedule", async () => {
    const role = await app.strapi
      .service('admin::role')
      .create({ name: `Redaktur EN ${Date.now()}`, description: 'English desk only' });
    await app.strapi.service('admin::role').assignPermissions(role.id, [
      {
        action: 'plugin::content-manager.explorer.read',
        subject: ARTICLE_UID,
        properties: { locales: ['en'] },
        conditions: [],
      },
    ]);
    const englishDesk = await adminToken(app, role.code);
    const publishAt = new Date(Date.now() + 2 * 3_600_000).toISOString();
    const doc = await app.strapi.documents(ARTICLE_UID).create({
      locale: 'id',
      data: { title: 'Edisi Malam Khusus Meja Indonesia', category: fixture.category, publishAt },
    } as never);
    const listed = async (token: string) => {
      const res = await app.request().get('/newsroom/schedule/upcoming').set('Authorization', `Bearer ${token}`);
      expect(res.status).toBe(200);
      return res.body.data.some((entry: { documentId: string }) => entry.documentId === doc.documentId);
    };
    expect(await listed(editor)).toBe(true);
    expect(await listed(englishDesk)).toBe(false);
  });

  test('is for signed-in editors only', async () => {
    expect((await app.request().get('/newsroom/schedule/upcoming')).status).toBe(401);
  });
});
