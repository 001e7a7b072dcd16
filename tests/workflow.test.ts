/**
 * Guards the newsroom workflow (issue 15) on a booted Strapi: editorial stages and who may move them and
 * publish, over the admin API, REST and GraphQL alike; the activity log; a revision for every write path
 * (content manager, REST, GraphQL, Document Service, a job run as someone); restore as a draft; edit locks
 * with take-over and the 409; and that no revision, log entry or workflow field reaches a public answer.
 */
import { ARTICLE_UID, CATEGORY_UID, JOB_TABLES, WORKFLOW_TABLES } from '../src/constants';
import { adminUser } from './helpers/admin';
import { paragraph } from './helpers/fixtures';
import { countQueries, createFullAccessToken, eventually, useStrapi, type TestApp } from './helpers/strapi';

const SENTINEL = {
  oldTitle: 'SENTINEL-REVISION-OLD-TITLE-9c41',
  note: 'SENTINEL-ACTIVITY-NOTE-3be7',
  body: 'SENTINEL-REVISION-BODY-51da',
};
const CM = '/content-manager/collection-types/api::article.article';

type Admin = { id: number; name: string; token: string };

async function customToken(app: TestApp): Promise<string> {
  const token = await app.strapi.service('admin::api-token').create({
    name: `Desk tool ${Date.now()}`,
    type: 'custom',
    lifespan: null,
    permissions: [
      ...['find', 'findOne', 'create', 'update'].map((action) => `api::article.article.${action}`),
      'api::category.category.find',
      'api::category.category.findOne',
    ],
  } as any);
  return token.accessKey;
}

const { app, fixture } = useStrapi({
  timeout: 120_000,
  fixture: async (strapi, testApp) => {
    const category = await strapi
      .documents(CATEGORY_UID)
      .create({ data: { name: 'Nasional' }, locale: 'id', status: 'published' } as any);
    return {
      category: category.documentId as string,
      journalist: await adminUser(testApp, 'strapi-author', 'Jurnalis'),
      editor: await adminUser(testApp, 'strapi-editor', 'Redaktur'),
      admin: await adminUser(testApp, 'strapi-super-admin', 'Admin'),
      custom: await customToken(testApp),
      full: await createFullAccessToken(strapi, 'Importer'),
    };
  },
});

const as = (who: Admin) => ({
  get: (url: string) => app.request().get(url).set('Authorization', `Bearer ${who.token}`),
  post: (url: string, body: object = {}) =>
    app.request().post(url).set('Authorization', `Bearer ${who.token}`).send(body),
  put: (url: string, body: object = {}) =>
    app.request().put(url).set('Authorization', `Bearer ${who.token}`).send(body),
  del: (url: string) => app.request().delete(url).set('Authorization', `Bearer ${who.token}`),
});
const rest = (token: string) => ({
  post: (url: string, body: object) => app.request().post(url).set('Authorization', `Bearer ${token}`).send(body),
  put: (url: string, body: object) => app.request().put(url).set('Authorization', `Bearer ${token}`).send(body),
});
const graphql = (token: string, query: string, variables: object = {}) =>
  app.request().post('/graphql').set('Authorization', `Bearer ${token}`).send({ query, variables });

async function fileArticle(title: string): Promise<string> {
  const created = await as(fixture.journalist).post(`${CM}?locale=id`, {
    title,
    category: { connect: [{ documentId: fixture.category }] },
    body: [paragraph('Isi awal.')],
  });
  expect(created.status).toBe(201);
  return created.body.data.documentId;
}
const stageOf = async (documentId: string, locale = 'id') =>
  (await app.strapi.db.query(ARTICLE_UID).findOne({ where: { documentId, locale, publishedAt: null } })).editorialStage;
const transition = (who: Admin, documentId: string, to: string, note?: string) =>
  as(who).post('/newsroom/workflow/transition', { documentId, locale: 'id', to, ...(note ? { note } : {}) });
const publishInCm = (who: Admin, documentId: string) =>
  as(who).post(`${CM}/${documentId}/actions/publish?locale=id`, {});
const isPublished = async (documentId: string) =>
  (await app.strapi.db.query(ARTICLE_UID).count({ where: { documentId, publishedAt: { $notNull: true } } })) > 0;

describe('editorial stages over the admin API', () => {
  test("an editor's scheduled publish meets the approval rule at its time: refused until Siap Terbit, then out", async () => {
    const documentId = await fileArticle('Jadwal Terbit Menunggu Persetujuan');
    const publishAt = new Date(Date.now() + 3_000).toISOString();
    const scheduled = await as(fixture.editor).put(`${CM}/${documentId}?locale=id`, { publishAt });
    expect(scheduled.status).toBe(200);
    const executions = () =>
      app.strapi.db.connection(JOB_TABLES.executions).where({ document_id: documentId }).orderBy('id');
    // At its time the job runs with the editor's roles: still Draf, so it is refused and parked, nothing public.
    await eventually(async () => (await executions()).some((row: any) => row.outcome === 'refused'), 20_000);
    expect(await isPublished(documentId)).toBe(false);
    const [refused] = (await executions()).filter((row: any) => row.outcome === 'refused');
    expect(refused.message).toMatch(/Siap Terbit/);

    // Each stage change saves the article, which puts the parked publish back (its time has passed): refused
    // again while in review, out once approved. Published exactly once, by the scheduler.
    expect((await transition(fixture.journalist, documentId, 'review')).status).toBe(200);
    expect((await transition(fixture.editor, documentId, 'ready')).status).toBe(200);
    await eventually(() => isPublished(documentId), 20_000);
    const outcomes = (await executions()).map((row: any) => row.outcome);
    expect(outcomes.at(-1)).toBe('published');
    expect(outcomes.slice(0, -1).every((outcome: string) => outcome === 'refused')).toBe(true);
  }, 60_000);

  test('a new article starts in Draf, and an editor cannot publish it before approval', async () => {
    const documentId = await fileArticle('Banjir di Jakarta Timur');
    expect(await stageOf(documentId)).toBe('draft');
    const refused = await publishInCm(fixture.editor, documentId);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/masih "Draf".*"Siap Terbit"/);
    expect(refused.body.error.message).toMatch(/still "Draft"/);
    expect(await isPublished(documentId)).toBe(false);
  });

  test('the journalist files, the editor returns with a note, approves and publishes; each step is logged', async () => {
    const documentId = await fileArticle('Gempa di Cianjur');
    expect((await transition(fixture.journalist, documentId, 'review')).status).toBe(200);
    expect(await stageOf(documentId)).toBe('review');

    const selfApproval = await transition(fixture.journalist, documentId, 'ready');
    expect(selfApproval.status).toBe(400);
    expect(selfApproval.body.error.message).toMatch(/tidak boleh memindahkan.*"Perlu Disunting" ke "Siap Terbit"/);
    expect(await stageOf(documentId)).toBe('review');

    const journalistPublish = await publishInCm(fixture.journalist, documentId);
    expect(journalistPublish.status).toBe(403);

    const noNote = await transition(fixture.editor, documentId, 'draft');
    expect(noNote.status).toBe(400);
    expect(noNote.body.error.message).toMatch(/catatan/);
    expect(await stageOf(documentId)).toBe('review');

    expect((await transition(fixture.editor, documentId, 'draft', `Tambah narasumber ${SENTINEL.note}`)).status).toBe(
      200
    );
    expect((await transition(fixture.journalist, documentId, 'review')).status).toBe(200);
    const approved = await transition(fixture.editor, documentId, 'ready');
    expect(approved.status).toBe(200);
    expect(approved.body.data).toMatchObject({ stage: 'ready', label: { id: 'Siap Terbit' }, mayPublish: true });

    const published = await publishInCm(fixture.editor, documentId);
    expect(published.status).toBe(200);
    expect(await isPublished(documentId)).toBe(true);

    const log = await as(fixture.editor).get(`/newsroom/activity?documentId=${documentId}&locale=id`);
    expect(log.status).toBe(200);
    const steps = [...log.body.results]
      .reverse()
      .map((entry: any) => [entry.action, entry.fromStage, entry.toStage, entry.actor.name]);
    expect(steps).toEqual([
      ['file', 'draft', 'review', 'Jurnalis Uji'],
      ['return', 'review', 'draft', 'Redaktur Uji'],
      ['file', 'draft', 'review', 'Jurnalis Uji'],
      ['approve', 'review', 'ready', 'Redaktur Uji'],
      ['publish', null, null, 'Redaktur Uji'],
    ]);
    expect(log.body.results[3].note).toBe(`Tambah narasumber ${SENTINEL.note}`);
  });

  test("the content manager's saves leave the stage alone, and bad transitions are 4xx", async () => {
    const documentId = await fileArticle('Harga Beras Naik');
    // Its form sends the stage it loaded, stale once the panel moved it: ignored, whatever it says.
    const res = await as(fixture.journalist).put(`${CM}/${documentId}?locale=id`, {
      editorialStage: 'ready',
      lead: 'x',
    });
    expect(res.status).toBe(200);
    expect(await stageOf(documentId)).toBe('draft');
    expect((await transition(fixture.editor, documentId, 'ready')).status).toBe(200);
    const stale = await as(fixture.editor).put(`${CM}/${documentId}?locale=id`, { editorialStage: 'draft', lead: 'y' });
    expect(stale.status).toBe(200);
    expect(await stageOf(documentId)).toBe('ready');
    const unknown = await transition(fixture.editor, documentId, 'published');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/Tahap "published" tidak dikenal.*draft, review, ready/);
    const missing = await as(fixture.editor).post('/newsroom/workflow/transition', {
      documentId: 'tidak-ada',
      locale: 'id',
      to: 'review',
    });
    expect(missing.status).toBe(404);
    const badBody = await as(fixture.editor).post('/newsroom/workflow/transition', {
      documentId,
      locale: 'id',
      to: 'review',
      stage: 'x',
    });
    expect(badBody.status).toBe(400);
    expect(badBody.body.error.message).toMatch(/kunci tak dikenal "stage"/);
  });

  test('the edit form hides the stage and assignee fields (the panel moves them)', async () => {
    const res = await as(fixture.admin).get('/content-manager/content-types/api::article.article/configuration');
    expect(res.status).toBe(200);
    const metadatas = res.body.data.contentType.metadatas;
    expect(metadatas.editorialStage.edit.visible).toBe(false);
    expect(metadatas.assignee.edit.visible).toBe(false);
  });

  test('a super admin skips approval (config skipApproval)', async () => {
    const documentId = await fileArticle('Pemilu Serentak');
    expect((await publishInCm(fixture.admin, documentId)).status).toBe(200);
    // What is live counts as approved: an editor's later re-publish needs no new approval.
    expect(await stageOf(documentId)).toBe('ready');
    const log = await as(fixture.admin).get(`/newsroom/activity?documentId=${documentId}&action=publish`);
    expect(log.body.results[0]).toMatchObject({ fromStage: 'draft', toStage: 'ready', actor: { name: 'Admin Uji' } });
    expect((await publishInCm(fixture.editor, documentId)).status).toBe(200);
  });

  test('a live, approved locale reads "Terbit" until its draft changes; the list learns the labels in one request', async () => {
    const documentId = await fileArticle('Harga Beras Naik');
    const state = async () =>
      (await as(fixture.editor).get(`/newsroom/workflow?documentId=${documentId}&locale=id`)).body.data;
    expect(await state()).toMatchObject({ stage: 'draft', label: { id: 'Draf' }, publication: 'draft' });
    expect((await transition(fixture.editor, documentId, 'ready')).status).toBe(200);
    expect((await publishInCm(fixture.editor, documentId)).status).toBe(200);
    expect(await state()).toMatchObject({
      stage: 'ready',
      label: { id: 'Terbit', en: 'Published' },
      publication: 'published',
    });

    // updatedAt has millisecond precision on every database but MariaDB's DATETIME (seconds).
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const edited = await as(fixture.editor).put(`${CM}/${documentId}?locale=id`, { lead: 'Naik 10 persen.' });
    expect(edited.status).toBe(200);
    expect(await state()).toMatchObject({ stage: 'ready', label: { id: 'Siap Terbit' }, publication: 'modified' });

    const stages = await as(fixture.journalist).get('/newsroom/workflow/stages');
    expect(stages.status).toBe(200);
    expect(stages.body.data).toEqual({
      stages: [
        { id: 'draft', label: { id: 'Draf', en: 'Draft' } },
        { id: 'review', label: { id: 'Perlu Disunting', en: 'Needs editing' } },
        { id: 'ready', label: { id: 'Siap Terbit', en: 'Ready to publish' } },
      ],
      publishStage: 'ready',
      publishedLabel: { id: 'Terbit', en: 'Published' },
    });
    expect((await app.request().get('/newsroom/workflow/stages')).status).toBe(401);
  });
  test('the assignee is set, shown and refused when unknown', async () => {
    const documentId = await fileArticle('Tol Baru Dibuka');
    const assigned = await as(fixture.editor).put('/newsroom/workflow/assignee', {
      documentId,
      locale: 'id',
      assigneeId: fixture.editor.id,
    });
    expect(assigned.status).toBe(200);
    expect(assigned.body.data.assignee).toEqual({ id: fixture.editor.id, name: 'Redaktur Uji' });
    const unknown = await as(fixture.editor).put('/newsroom/workflow/assignee', {
      documentId,
      locale: 'id',
      assigneeId: 999999,
    });
    expect(unknown.status).toBe(400);
    const mine = await as(fixture.editor).get(
      `${CM}?locale=id&filters[$and][0][assignee][id][$eq]=${fixture.editor.id}&filters[$and][1][editorialStage][$eq]=draft`
    );
    expect(mine.status).toBe(200);
    expect(mine.body.results.map((row: any) => row.documentId)).toEqual([documentId]);
  });
});

describe('editorial stages over REST and GraphQL', () => {
  test('a custom token may file but not publish before approval; after approval it may', async () => {
    const created = await rest(fixture.custom).post('/api/articles?status=draft', {
      data: { title: 'Kebakaran Pasar', category: fixture.category },
    });
    expect([created.status, created.body.error?.message]).toEqual([201, undefined]);
    const documentId = created.body.data.documentId;
    const refused = await rest(fixture.custom).put(`/api/articles/${documentId}?status=published`, {
      data: { lead: 'Baru' },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/Siap Terbit/);
    expect(await isPublished(documentId)).toBe(false);
    const approve = await rest(fixture.custom).put(`/api/articles/${documentId}?status=draft`, {
      data: { editorialStage: 'ready' },
    });
    expect(approve.status).toBe(400);
    const filed = await rest(fixture.custom).put(`/api/articles/${documentId}?status=draft`, {
      data: { editorialStage: 'review' },
    });
    expect(filed.status).toBe(200);
    expect(filed.body.data.editorialStage).toBeUndefined();
    expect((await transition(fixture.editor, documentId, 'ready')).status).toBe(200);
    const published = await rest(fixture.custom).put(`/api/articles/${documentId}?status=published`, {
      data: { lead: 'Terbit' },
    });
    expect(published.status).toBe(200);
    expect(await isPublished(documentId)).toBe(true);
  });

  test('GraphQL refuses the same publish with the same reason', async () => {
    const created = await rest(fixture.custom).post('/api/articles?status=draft', {
      data: { title: 'Longsor di Bogor', category: fixture.category },
    });
    const documentId = created.body.data.documentId;
    const res = await graphql(
      fixture.custom,
      'mutation ($id: ID!) { updateArticle(documentId: $id, status: PUBLISHED, data: { lead: "x" }) { documentId } }',
      { id: documentId }
    );
    expect(res.body.errors?.[0]?.message).toMatch(/Siap Terbit/);
    expect(await isPublished(documentId)).toBe(false);
  });

  test('a full-access token (an importer) publishes from any stage', async () => {
    const created = await rest(fixture.full).post('/api/articles?status=published', {
      data: { title: 'Arsip Impor', category: fixture.category },
    });
    expect([created.status, created.body.error?.message]).toEqual([201, undefined]);
  });
});

describe('revisions', () => {
  test('every write path leaves a revision naming who wrote', async () => {
    const documentId = await fileArticle('Revisi Jalur Tulis');
    await as(fixture.journalist).put(`${CM}/${documentId}?locale=id`, { lead: 'dari content manager' });
    await rest(fixture.full).put(`/api/articles/${documentId}?status=draft`, { data: { lead: 'dari REST' } });
    await graphql(
      fixture.full,
      'mutation ($id: ID!) { updateArticle(documentId: $id, status: DRAFT, data: { lead: "dari GraphQL" }) { documentId } }',
      { id: documentId }
    );
    await app.strapi.documents(ARTICLE_UID).update({ documentId, locale: 'id', data: { lead: 'dari skrip' } } as any);
    await app.strapi
      .plugin('newsroom')
      .service('workflow-actor')
      .runAs('jadwal terbit', () => app.strapi.documents(ARTICLE_UID).publish({ documentId, locale: 'id' } as any));

    const list = await as(fixture.editor).get(`/newsroom/revisions?documentId=${documentId}&locale=id`);
    expect(list.status).toBe(200);
    const rows = [...list.body.data]
      .reverse()
      .map((row: any) => [row.action, row.status, row.actor.kind, row.actor.name.replace(/ \d+$/, '')]);
    expect(rows).toEqual([
      ['create', 'draft', 'admin', 'Jurnalis Uji'],
      ['update', 'draft', 'admin', 'Jurnalis Uji'],
      ['update', 'draft', 'api-token', 'Importer'],
      ['update', 'draft', 'api-token', 'Importer'],
      ['update', 'draft', 'system', 'sistem'],
      ['publish', 'published', 'system', 'jadwal terbit'],
    ]);
    const leads = [];
    for (const row of [...list.body.data].reverse())
      leads.push((await as(fixture.editor).get(`/newsroom/revisions/${row.id}`)).body.data.content.lead);
    expect(leads).toEqual([null, 'dari content manager', 'dari REST', 'dari GraphQL', 'dari skrip', 'dari skrip']);
  });

  test('compare shows the changed fields with word diffs, and restore writes the old one back as a draft only', async () => {
    const created = await rest(fixture.full).post('/api/articles?status=published', {
      data: {
        title: SENTINEL.oldTitle,
        category: fixture.category,
        body: [paragraph(`Kalimat lama ${SENTINEL.body}.`)],
      },
    });
    const documentId = created.body.data.documentId;
    await rest(fixture.full).put(`/api/articles/${documentId}?status=published`, {
      data: { title: 'Judul Baru Sudah Terbit', body: [paragraph('Kalimat baru.')] },
    });
    const revisions = (await as(fixture.editor).get(`/newsroom/revisions?documentId=${documentId}&locale=id`)).body
      .data;
    const [newest, oldest] = [revisions[0], revisions[revisions.length - 1]];
    const compared = await as(fixture.editor).get(`/newsroom/revisions/compare?from=${oldest.id}&to=${newest.id}`);
    expect(compared.status).toBe(200);
    const fields = compared.body.data.changes.map((change: any) => change.field);
    expect(fields).toEqual(['body', 'dateModified', 'title']);
    const body = compared.body.data.changes.find((change: any) => change.field === 'body');
    expect(
      body.text
        .filter((part: any) => part.removed)
        .map((part: any) => part.value)
        .join('')
    ).toMatch(/lama/);
    expect(
      body.text
        .filter((part: any) => part.added)
        .map((part: any) => part.value)
        .join('')
    ).toMatch(/baru/);

    const other = await fileArticle('Artikel Lain');
    const wrong = await as(fixture.editor).post(`/newsroom/revisions/${oldest.id}/restore`, {
      documentId: other,
      locale: 'id',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toMatch(/milik artikel atau bahasa lain/);

    const restored = await as(fixture.editor).post(`/newsroom/revisions/${oldest.id}/restore`, {
      documentId,
      locale: 'id',
    });
    expect(restored.status).toBe(200);
    const draft = await app.strapi.documents(ARTICLE_UID).findOne({ documentId, locale: 'id' } as any);
    const live = await app.strapi
      .documents(ARTICLE_UID)
      .findOne({ documentId, locale: 'id', status: 'published' } as any);
    expect(draft!.title).toBe(SENTINEL.oldTitle);
    expect(live!.title).toBe('Judul Baru Sudah Terbit');
    const after = (await as(fixture.editor).get(`/newsroom/revisions?documentId=${documentId}&locale=id`)).body.data;
    expect(after[0]).toMatchObject({ action: 'restore', status: 'draft', actor: { name: 'Redaktur Uji' } });
  });

  test('listing 100 revisions of an article is one statement', async () => {
    const documentId = await fileArticle('Seratus Revisi');
    for (let i = 0; i < 100; i += 1) {
      await app.strapi.documents(ARTICLE_UID).update({ documentId, locale: 'id', data: { lead: `versi ${i}` } } as any);
    }
    // Saves purge caches and re-index after commit: let that settle before counting.
    await app.strapi.plugin('newsroom').service('related-news').idle();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const { result, queries } = await countQueries(app, () =>
      app.strapi.plugin('newsroom').service('revisions').list(documentId, 'id')
    );
    expect(result).toHaveLength(100);
    expect(queries).toBe(1);
  });
});

describe('edit locks', () => {
  test("a lock refuses other editors' saves with 409, lets API writes through with a notice, and can be taken over", async () => {
    const documentId = await fileArticle('Breaking: Kereta Anjlok');
    const take = await as(fixture.journalist).post('/newsroom/locks', { documentId, locale: 'id' });
    expect(take.status).toBe(200);
    expect(take.body.data).toMatchObject({ locked: true, mine: true, holder: { id: fixture.journalist.id } });

    const blocked = await as(fixture.editor).post('/newsroom/locks', { documentId, locale: 'id' });
    expect(blocked.status).toBe(409);
    expect(blocked.body.error.message).toMatch(/^Sedang disunting oleh Jurnalis Uji sejak \d\d:\d\d WIB/);
    const save = await as(fixture.editor).put(`${CM}/${documentId}?locale=id`, { lead: 'tertimpa' });
    expect(save.status).toBe(409);
    expect((await app.strapi.documents(ARTICLE_UID).findOne({ documentId, locale: 'id' } as any))!.lead).toBeNull();
    expect((await as(fixture.journalist).put(`${CM}/${documentId}?locale=id`, { lead: 'milik penulis' })).status).toBe(
      200
    );

    const api = await rest(fixture.full).put(`/api/articles/${documentId}?status=draft`, {
      data: { lead: 'dari API' },
    });
    expect(api.status).toBe(200);
    const beat = await as(fixture.journalist).put('/newsroom/locks', { documentId, locale: 'id' });
    expect(beat.body.data).toMatchObject({ held: true, apiChangedBy: expect.stringMatching(/^Importer/) });
    expect(beat.body.data.apiChangedAt).toEqual(expect.any(String));

    const takeover = await as(fixture.editor).post('/newsroom/locks', { documentId, locale: 'id', takeOver: true });
    expect(takeover.status).toBe(200);
    expect(takeover.body.data).toMatchObject({ mine: true, holder: { id: fixture.editor.id } });
    const lost = await as(fixture.journalist).put('/newsroom/locks', { documentId, locale: 'id' });
    expect(lost.body.data).toMatchObject({ held: false, takenOver: true, holder: { name: 'Redaktur Uji' } });
    expect((await as(fixture.journalist).put(`${CM}/${documentId}?locale=id`, { lead: 'terlambat' })).status).toBe(409);
    const log = await as(fixture.editor).get(`/newsroom/activity?documentId=${documentId}&action=takeover`);
    expect(log.body.results[0]).toMatchObject({
      actor: { name: 'Redaktur Uji' },
      note: 'Diambil alih dari Jurnalis Uji',
    });

    // No heartbeat for the lock's lifetime: it is free again.
    await app.strapi.db
      .connection(WORKFLOW_TABLES.locks)
      .where({ document_id: documentId })
      .update({ expires_ms: Date.now() - 1 });
    expect((await as(fixture.journalist).post('/newsroom/locks', { documentId, locale: 'id' })).status).toBe(200);
    expect((await as(fixture.journalist).del(`/newsroom/locks?documentId=${documentId}&locale=id`)).status).toBe(200);
    expect((await as(fixture.editor).put(`${CM}/${documentId}?locale=id`, { lead: 'bebas' })).status).toBe(200);
  });

  test('a lock on an unknown document is 404', async () => {
    const res = await as(fixture.editor).post('/newsroom/locks', { documentId: 'tidak-ada', locale: 'id' });
    expect(res.status).toBe(404);
  });
});

describe('the activity log page', () => {
  test('filters and exports CSV', async () => {
    const page = await as(fixture.admin).get('/newsroom/activity?action=approve&pageSize=5');
    expect(page.status).toBe(200);
    expect(page.body.results.length).toBeGreaterThan(0);
    expect(page.body.results.every((entry: any) => entry.action === 'approve')).toBe(true);
    const csv = await as(fixture.admin).get('/newsroom/activity?format=csv&action=return');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text.split('\r\n')[0]).toBe('\uFEFFid,waktu,artikel,bahasa,aksi,dari,ke,catatan,jenis_pelaku,pelaku');
    expect(csv.text).toContain(SENTINEL.note);
    expect((await as(fixture.admin).get('/newsroom/activity?since=kemarin')).status).toBe(400);
  });
});

describe('nothing of the workflow is public', () => {
  test('revisions, log notes and workflow fields appear in no public answer', async () => {
    const urls = [
      '/api/articles?locale=id&pagination[pageSize]=100',
      '/api/articles?locale=id&populate=*&pagination[pageSize]=100',
      '/read/id',
      '/rss/id.xml',
    ];
    const bodies: string[] = [];
    for (const url of urls) bodies.push((await app.request().get(url)).text);
    bodies.push(
      (
        await app
          .request()
          .post('/graphql')
          .send({ query: '{ articles(pagination: { pageSize: 100 }) { documentId title lead } }' })
      ).text
    );
    for (const body of bodies) {
      for (const sentinel of Object.values(SENTINEL)) expect(body).not.toContain(sentinel);
      expect(body).not.toMatch(/editorialStage|"assignee"|Redaktur Uji|Jurnalis Uji/);
    }
    const filter = await app.request().get('/api/articles?filters[editorialStage][$eq]=ready');
    expect(filter.status).toBe(400);
    const gql = await app.request().post('/graphql').send({ query: '{ articles { editorialStage } }' });
    expect(gql.body.errors?.[0]?.message).toMatch(/editorialStage/);
    for (const path of [
      '/newsroom/revisions?documentId=x&locale=id',
      '/newsroom/activity',
      '/newsroom/locks?documentId=x&locale=id',
    ]) {
      expect((await app.request().get(path)).status).toBe(401);
    }
    expect((await app.request().get('/api/newsroom-revisions')).status).toBe(404);
  });
});
