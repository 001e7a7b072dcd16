// Guards "Terbitkan pada", "Tarik pada" and "Embargo hingga": a past, inverted, pre-embargo or malformed
// schedule is a bilingual 400 with nothing saved, on the admin API, REST and the Document Service alike;
// an embargo refuses every publish path (admin, REST, GraphQL, imports) until its instant, saying until
// when in the article's zone; only someone who may publish may schedule a publish.
import type { Core } from '@strapi/strapi';
import { adminToken } from './helpers/admin';
import { createFullAccessToken, useStrapi } from './helpers/strapi';
import { paragraph } from './helpers/fixtures';
import { ARTICLE_UID, CATEGORY_UID } from '../src/constants';

const CM = `/content-manager/collection-types/${ARTICLE_UID}`;
const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function newsroom(strapi: Core.Strapi) {
  const category = await strapi
    .documents(CATEGORY_UID)
    .create({ locale: 'id', data: { name: 'Nasional', slug: 'nasional' } } as never);
  return { category: category.documentId as string };
}

// The scheduler stays off here: these tests are about what is accepted, not about what fires (scheduler.test.ts).
const { app, fixture } = useStrapi({ fixture: newsroom, env: { WARTA_JOBS_WORKER: 'false' } });
let token: string;
let admin: string;

beforeAll(async () => {
  token = await createFullAccessToken(app.strapi);
  admin = await adminToken(app);
});

const articleData = (title: string, extra: Record<string, unknown> = {}) => ({
  title,
  lead: 'Ringkasan.',
  body: [paragraph('Isi berita.')],
  category: fixture.category,
  ...extra,
});

const draftCount = () => app.strapi.db.query(ARTICLE_UID).count({ where: { publishedAt: null } });

async function draftArticle(title: string, extra: Record<string, unknown> = {}) {
  const doc = await app.strapi
    .documents(ARTICLE_UID)
    .create({ locale: 'id', data: articleData(title, extra) } as never);
  return doc.documentId as string;
}

const storedDraft = (documentId: string) =>
  app.strapi.db.query(ARTICLE_UID).findOne({
    where: { documentId, locale: 'id', publishedAt: null },
    select: ['publishAt', 'unpublishAt', 'embargoUntil'],
  });

const isPublished = async (documentId: string) =>
  (await app.strapi.db
    .query(ARTICLE_UID)
    .count({ where: { documentId, locale: 'id', publishedAt: { $notNull: true } } })) > 0;

/** The same write through each path that takes one: the admin's content manager, REST with a token, a script. */
const WRITE_PATHS = {
  async admin(data: Record<string, unknown>, documentId?: string) {
    const req = documentId ? app.request().put(`${CM}/${documentId}?locale=id`) : app.request().post(`${CM}?locale=id`);
    const res = await req.set('Authorization', `Bearer ${admin}`).send(data);
    return { status: res.status, message: res.body?.error?.message as string | undefined };
  },
  async rest(data: Record<string, unknown>, documentId?: string) {
    // REST publishes on create and update unless told status=draft (Strapi 5): a schedule is saved on a draft.
    const req = documentId
      ? app.request().put(`/api/articles/${documentId}?locale=id&status=draft`)
      : app.request().post('/api/articles?locale=id&status=draft');
    const res = await req.set('Authorization', `Bearer ${token}`).send({ data });
    return { status: res.status, message: res.body?.error?.message as string | undefined };
  },
  async script(data: Record<string, unknown>, documentId?: string) {
    const documents = app.strapi.documents(ARTICLE_UID);
    try {
      if (documentId) await documents.update({ documentId, locale: 'id', data } as never);
      else await documents.create({ locale: 'id', data } as never);
      return { status: 200, message: undefined };
    } catch (error) {
      return { status: (error as Error).name === 'ValidationError' ? 400 : 500, message: (error as Error).message };
    }
  },
};

describe('schedule validation', () => {
  const BAD: [string, () => Record<string, unknown>, RegExp][] = [
    ['a publish time in the past', () => ({ publishAt: inSeconds(-60) }), /^Terbitkan pada .+ sudah lewat/],
    ['an unpublish time in the past', () => ({ unpublishAt: inSeconds(-60) }), /^Tarik pada .+ sudah lewat/],
    [
      'an unpublish before the publish',
      () => ({ publishAt: inSeconds(7200), unpublishAt: inSeconds(3600) }),
      /^Tarik pada .+ harus setelah Terbitkan pada/,
    ],
    [
      'a publish before the embargo lifts',
      () => ({ publishAt: inSeconds(3600), embargoUntil: inSeconds(7200) }),
      /^Terbitkan pada .+ jatuh sebelum embargo berakhir/,
    ],
    ['a malformed date', () => ({ publishAt: '27/10/2023 05:00' }), /^Terbitkan pada bukan tanggal dan jam yang sah/],
    ['a date without its zone', () => ({ publishAt: '2030-10-27T05:00:00' }), /tulis lengkap dengan zonanya/],
  ];
  const paths = Object.keys(WRITE_PATHS) as (keyof typeof WRITE_PATHS)[];

  describe.each(paths)('through %s', (path) => {
    test.each(BAD)('a create with %s is a 400 and saves nothing', async (_case, schedule, message) => {
      const before = await draftCount();
      const res = await WRITE_PATHS[path](articleData(`Dijadwalkan salah ${path}`, schedule()));
      expect(res.status).toBe(400);
      expect(res.message).toMatch(message);
      // Indonesian first, then English in brackets.
      expect(res.message).toMatch(/\. \(.+\.\)$/);
      expect(await draftCount()).toBe(before);
    });

    test.each(BAD)('an update with %s is a 400 and changes nothing', async (_case, schedule, message) => {
      const documentId = await draftArticle(`Sudah ada ${path}`, { lead: 'Lead lama.' });
      const res = await WRITE_PATHS[path]({ lead: 'Lead baru.', ...schedule() }, documentId);
      expect(res.status).toBe(400);
      expect(res.message).toMatch(message);
      const row = await app.strapi.db
        .query(ARTICLE_UID)
        .findOne({ where: { documentId, publishedAt: null }, select: ['lead', 'publishAt', 'unpublishAt'] });
      expect(row).toMatchObject({ lead: 'Lead lama.', publishAt: null, unpublishAt: null });
    });

    test('a sound schedule is saved', async () => {
      const publishAt = inSeconds(3600);
      const res = await WRITE_PATHS[path](
        articleData(`Dijadwalkan benar ${path}`, { publishAt, unpublishAt: inSeconds(7200) })
      );
      expect(res.status).toBeLessThan(300);
    });
  });

  test('the message names the time in the article zone', async () => {
    const res = await WRITE_PATHS.rest(
      articleData('Zona WIT', { timezone: 'WIT', publishAt: '2020-01-01T05:00:00+09:00' })
    );
    expect(res.message).toContain('Terbitkan pada Rabu, 1 Januari 2020 05:00 WIT sudah lewat');
    expect(res.message).toContain('(Publish at Wednesday, 1 January 2020 05:00 WIT is in the past');
  });

  test('a publish time that has come due does not block an unrelated edit', async () => {
    const publishAt = inSeconds(2);
    const documentId = await draftArticle('Jatuh tempo', { publishAt });
    await sleep(2100);
    const res = await WRITE_PATHS.admin({ lead: 'Suntingan.', publishAt }, documentId);
    expect(res.status).toBe(200);
  });

  test('a schedule can be changed and cleared', async () => {
    const documentId = await draftArticle('Diubah', { publishAt: inSeconds(3600) });
    const later = inSeconds(7200);
    expect((await WRITE_PATHS.rest({ publishAt: later }, documentId)).status).toBe(200);
    expect(new Date((await storedDraft(documentId)).publishAt).toISOString()).toBe(later);
    expect((await WRITE_PATHS.rest({ publishAt: null }, documentId)).status).toBe(200);
    expect((await storedDraft(documentId)).publishAt).toBeNull();
  });
});

describe('embargo', () => {
  const EMBARGOED =
    /^Artikel ini diembargo hingga .+ WITA; belum boleh diterbitkan\. \(This article is embargoed until .+ WITA: it cannot be published yet\.\)$/;

  async function embargoed(title: string, seconds = 3600) {
    return draftArticle(title, { timezone: 'WITA', embargoUntil: inSeconds(seconds) });
  }

  test('the admin publish button is refused, saying until when', async () => {
    const documentId = await embargoed('Embargo admin');
    const res = await app
      .request()
      .post(`${CM}/${documentId}/actions/publish?locale=id`)
      .set('Authorization', `Bearer ${admin}`)
      .send({});
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(EMBARGOED);
    expect(await isPublished(documentId)).toBe(false);
  });

  test('a REST publish is refused', async () => {
    const documentId = await embargoed('Embargo REST');
    const res = await app
      .request()
      .put(`/api/articles/${documentId}?locale=id&status=published`)
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { lead: 'Bocor lewat REST.' } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(EMBARGOED);
    expect(await isPublished(documentId)).toBe(false);
    // Refused as a whole: the edit that came with the publish is not saved either.
    const draft = await app.strapi.db.query(ARTICLE_UID).findOne({ where: { documentId, publishedAt: null } });
    expect(draft.lead).toBe('Ringkasan.');
  });

  test('a REST create that publishes an embargoed article is refused and leaves nothing', async () => {
    const before = await draftCount();
    const res = await app
      .request()
      .post('/api/articles?locale=id&status=published')
      .set('Authorization', `Bearer ${token}`)
      .send({ data: articleData('Embargo REST baru', { timezone: 'WITA', embargoUntil: inSeconds(3600) }) });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(EMBARGOED);
    expect(await draftCount()).toBe(before);
  });

  test('a GraphQL publish is refused', async () => {
    const documentId = await embargoed('Embargo GraphQL');
    const res = await app
      .request()
      .post('/graphql')
      .set('Authorization', `Bearer ${token}`)
      .send({
        query:
          'mutation ($id: ID!) { updateArticle(documentId: $id, locale: "id", status: PUBLISHED, data: { lead: "Bocor." }) { documentId } }',
        variables: { id: documentId },
      });
    expect(res.body.errors?.[0]?.message).toMatch(EMBARGOED);
    expect(await isPublished(documentId)).toBe(false);
  });

  test('an import or script publishing through the Document Service is refused', async () => {
    const documentId = await embargoed('Embargo impor');
    await expect(app.strapi.documents(ARTICLE_UID).publish({ documentId, locale: 'id' } as never)).rejects.toThrow(
      EMBARGOED
    );
    await expect(
      app.strapi.documents(ARTICLE_UID).create({
        locale: 'id',
        status: 'published',
        data: articleData('Impor', { embargoUntil: inSeconds(60) }),
      } as never)
    ).rejects.toThrow(/diembargo hingga/);
    expect(await isPublished(documentId)).toBe(false);
  });

  test('the same publish goes through from the instant the embargo lifts', async () => {
    const documentId = await embargoed('Embargo berakhir', 1.5);
    await expect(app.strapi.documents(ARTICLE_UID).publish({ documentId, locale: 'id' } as never)).rejects.toThrow(
      EMBARGOED
    );
    await sleep(1600);
    await app.strapi.documents(ARTICLE_UID).publish({ documentId, locale: 'id' } as never);
    expect(await isPublished(documentId)).toBe(true);
  });

  test('an embargo holds for its own locale only', async () => {
    const documentId = await draftArticle('Embargo per bahasa');
    await app.strapi.documents(CATEGORY_UID).update({
      documentId: fixture.category,
      locale: 'en',
      data: { name: 'National', slug: 'national' },
    } as never);
    await app.strapi.documents(ARTICLE_UID).update({
      documentId,
      locale: 'en',
      data: articleData('Embargo per locale', { embargoUntil: inSeconds(3600) }),
    } as never);
    await app.strapi.documents(ARTICLE_UID).publish({ documentId, locale: 'id' } as never);
    await expect(app.strapi.documents(ARTICLE_UID).publish({ documentId, locale: 'en' } as never)).rejects.toThrow(
      /diembargo/
    );
    await expect(app.strapi.documents(ARTICLE_UID).publish({ documentId, locale: '*' } as never)).rejects.toThrow(
      /diembargo/
    );
  });
});

describe('who may schedule', () => {
  let author: string;
  beforeAll(async () => {
    author = await adminToken(app, 'strapi-author');
  });

  const authorSaves = (data: Record<string, unknown>) =>
    app
      .request()
      .post(`${CM}?locale=id`)
      .set('Authorization', `Bearer ${author}`)
      .send(articleData('Tulisan penulis', data));

  test('an Author, who may not publish, may not schedule a publish or an unpublish', async () => {
    for (const field of ['publishAt', 'unpublishAt']) {
      const res = await authorSaves({ [field]: inSeconds(3600) });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/^Hanya yang boleh menerbitkan artikel/);
    }
  });

  test('an Author may set an embargo, which only holds a story back', async () => {
    const res = await authorSaves({ embargoUntil: inSeconds(3600) });
    expect(res.status).toBe(201);
  });
});
