// Guards the "Ikuti Saluran WhatsApp" block: site defaults per locale kept in the database, category
// overrides inherited down the tree, article overrides and switch-offs, UTM parameters, the REST and
// GraphQL shapes, and that bad links or placeholders get a 400 that says what is valid, saving nothing.
import { createFullAccessToken, useStrapi } from './helpers/strapi';
import { createNewsFixture } from './helpers/fixtures';
import { adminToken } from './helpers/admin';
import { ARTICLE_UID, CATEGORY_UID } from '../src/constants';

const SITE_URL = 'https://whatsapp.com/channel/0029VaFh4bQ9Bb5ypnHA5G1v';
const DESK_URL = 'https://www.whatsapp.com/channel/0029VaNewsDesk9Bb5ypnHA';

let admin: string;
let writer: string;

const { app, fixture } = useStrapi({ fixture: createNewsFixture });

beforeAll(async () => {
  admin = await adminToken(app);
  writer = await createFullAccessToken(app.strapi);
});

const putSettings = (data: unknown, token = admin) =>
  app.request().put('/newsroom/whatsapp-follow').set('Authorization', `Bearer ${token}`).send({ data });
const getSettings = () => app.request().get('/newsroom/whatsapp-follow').set('Authorization', `Bearer ${admin}`);
const publicArticle = async (locale = 'id') =>
  (await app.request().get(`/api/articles/${fixture.published.documentId}?locale=${locale}`)).body.data;
const setCategoryOverride = (documentId: string, locale: string, override: Record<string, unknown> | null) =>
  app.strapi.documents(CATEGORY_UID).update({ documentId, locale, data: { whatsappFollowOverride: override } } as any);
const setArticleOverride = (override: Record<string, unknown> | null) =>
  app.strapi.documents(ARTICLE_UID).update({
    documentId: fixture.published.documentId,
    locale: 'id',
    status: 'published',
    data: { whatsappFollowOverride: override },
  } as any);

describe('site settings', () => {
  test('start switched off, with the Indonesian and English default wording', async () => {
    const res = await getSettings();
    expect(res.status).toBe(200);
    expect(res.body.data.id).toMatchObject({
      enabled: false,
      headline: 'Ikuti Saluran WhatsApp {channelName} untuk update berita terbaru setiap hari',
      buttonLabel: 'Ikuti',
      placement: 'end',
    });
    expect(res.body.data.en).toMatchObject({
      headline: 'Follow {channelName} on WhatsApp for the latest news every day',
      buttonLabel: 'Follow',
    });
    expect((await publicArticle()).whatsappFollow).toBeNull();
  });

  test('are closed to the public and to editors without the settings permission', async () => {
    expect((await app.request().get('/newsroom/whatsapp-follow')).status).toBe(401);
    const editor = await adminToken(app, 'strapi-editor');
    expect(
      (await putSettings({ id: { enabled: true, channelUrl: SITE_URL, channelName: 'Warta' } }, editor)).status
    ).toBe(403);
    expect((await getSettings()).body.data.id.enabled).toBe(false);
  });

  test.each([
    ['http instead of https', 'http://whatsapp.com/channel/0029VaFh4bQ9Bb5ypnHA5G1v'],
    ['a javascript: link', 'javascript:alert(document.cookie)'],
    ['another host', 'https://evil.example/channel/0029VaFh4bQ9Bb5ypnHA5G1v'],
    ['a look-alike host', 'https://whatsapp.com.evil.example/channel/0029VaFh4bQ9'],
    ['a query trick', 'https://whatsapp.com/channel/0029VaFh4bQ9Bb5ypnHA5G1v?next=https://evil.example'],
    ['a group invite instead of a channel', 'https://chat.whatsapp.com/AbCdEf123456'],
    ['an over-long link', `https://whatsapp.com/channel/${'a'.repeat(400)}`],
  ])('refuse %s with a 400 that shows a valid link, and save nothing', async (_what, channelUrl) => {
    const res = await putSettings({ id: { enabled: true, channelUrl, channelName: 'Warta' } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('https://whatsapp.com/channel/<kode>');
    expect(res.body.error.details.errors[0].path).toEqual(['id', 'channelUrl']);
    expect((await getSettings()).body.data.id).toMatchObject({ enabled: false, channelUrl: null });
  });

  test.each([
    [{ headline: 'Ikuti {saluran} sekarang' }, /\{saluran\}/],
    [{ headline: 'x'.repeat(161) }, /160/],
    [{ buttonLabel: 'y'.repeat(31) }, /30/],
    [{ placement: 'after-paragraph' }, /paragraf/],
  ])('refuse %j', async (fields, message) => {
    const res = await putSettings({ id: { enabled: true, channelUrl: SITE_URL, channelName: 'Warta', ...fields } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
    expect((await getSettings()).body.data.id.enabled).toBe(false);
  });

  test('a valid Indonesian default applies to the next request, English stays off', async () => {
    const res = await putSettings({ id: { enabled: true, channelUrl: SITE_URL, channelName: 'Warta' } });
    expect(res.status).toBe(200);
    expect((await publicArticle('id')).whatsappFollow).toEqual({
      url: SITE_URL,
      channelName: 'Warta',
      headline: 'Ikuti Saluran WhatsApp Warta untuk update berita terbaru setiap hari',
      buttonLabel: 'Ikuti',
      placement: 'end',
      afterParagraph: null,
    });
    expect((await publicArticle('en')).whatsappFollow).toBeNull();
  });

  test('the English default reads in English, and UTM parameters are appended', async () => {
    expect(
      (
        await putSettings({
          en: { enabled: true, channelUrl: SITE_URL, channelName: 'Warta' },
          utm: { source: 'warta', medium: 'artikel', campaign: 'wa-follow' },
        })
      ).status
    ).toBe(200);
    const en = (await publicArticle('en')).whatsappFollow;
    expect(en).toMatchObject({
      headline: 'Follow Warta on WhatsApp for the latest news every day',
      buttonLabel: 'Follow',
      url: `${SITE_URL}?utm_source=warta&utm_medium=artikel&utm_campaign=wa-follow`,
    });
    expect((await putSettings({ utm: { source: '', medium: '', campaign: '' } })).status).toBe(200);
    expect((await publicArticle('en')).whatsappFollow.url).toBe(SITE_URL);
  });
});

describe('overrides', () => {
  test('a parent category channel is inherited by its child category', async () => {
    await setCategoryOverride(fixture.news.documentId, 'id', {
      mode: 'custom',
      channelUrl: DESK_URL,
      channelName: 'Warta News',
    });
    const block = (await publicArticle()).whatsappFollow;
    expect(block).toMatchObject({
      url: DESK_URL,
      channelName: 'Warta News',
      headline: 'Ikuti Saluran WhatsApp Warta News untuk update berita terbaru setiap hari',
    });
  });

  test('the nearest category wins, and a category can switch the block off', async () => {
    await setCategoryOverride(fixture.internasional.documentId, 'id', {
      mode: 'custom',
      headline: 'Berita {categoryName} di {channelName}',
    });
    expect((await publicArticle()).whatsappFollow).toMatchObject({
      url: DESK_URL,
      headline: 'Berita Internasional di Warta News',
    });
    await setCategoryOverride(fixture.internasional.documentId, 'id', { mode: 'off' });
    expect((await publicArticle()).whatsappFollow).toBeNull();
    // The English category was not touched: English still follows the site default.
    expect((await publicArticle('en')).whatsappFollow).toMatchObject({ url: SITE_URL });
    await setCategoryOverride(fixture.internasional.documentId, 'id', { mode: 'inherit' });
  });

  test('an article override beats its category, and an article can switch the block off', async () => {
    await setArticleOverride({
      mode: 'custom',
      headline: 'Pantau perang ini di {channelName}',
      placement: 'after-paragraph',
      afterParagraph: 3,
    });
    expect((await publicArticle()).whatsappFollow).toMatchObject({
      url: DESK_URL,
      headline: 'Pantau perang ini di Warta News',
      placement: 'after-paragraph',
      afterParagraph: 3,
    });
    await setArticleOverride({ mode: 'off' });
    expect((await publicArticle()).whatsappFollow).toBeNull();
    await setArticleOverride({ mode: 'inherit' });
    expect((await publicArticle()).whatsappFollow).toMatchObject({ url: DESK_URL });
  });

  test('GraphQL gives the same block', async () => {
    const res = await app
      .request()
      .post('/graphql')
      .send({
        query:
          'query ($id: ID!) { article(documentId: $id, locale: "id") { whatsappFollow { url channelName headline buttonLabel placement afterParagraph } } }',
        variables: { id: fixture.published.documentId },
      });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.article.whatsappFollow).toEqual({
      url: DESK_URL,
      channelName: 'Warta News',
      headline: 'Ikuti Saluran WhatsApp Warta News untuk update berita terbaru setiap hari',
      buttonLabel: 'Ikuti',
      placement: 'end',
      afterParagraph: null,
    });
    const list = await app
      .request()
      .post('/graphql')
      .send({ query: '{ articles(locale: "id") { title whatsappFollow { channelName } } }' });
    // Both published Indonesian articles of the fixture (the desk's category holds them), so that "every" has a list to check.
    expect(list.body.data.articles).toHaveLength(2);
    expect(list.body.data.articles.every((article: any) => article.whatsappFollow?.channelName === 'Warta News')).toBe(
      true
    );
  });

  test.each([
    ['a javascript: link', { mode: 'custom', channelUrl: 'javascript:alert(1)' }, /whatsapp\.com\/channel/],
    ['an unknown placeholder', { mode: 'custom', headline: 'Ikuti {kanal}' }, /\{kanal\}/],
  ])('an API write with %s is a 400 and saves nothing', async (_what, override, message) => {
    const before = await app.strapi.db.query(ARTICLE_UID).count();
    const res = await app
      .request()
      .post('/api/articles?status=draft')
      .set('Authorization', `Bearer ${writer}`)
      .send({ data: { title: 'Artikel dengan blok WhatsApp', whatsappFollowOverride: override } });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
    expect(await app.strapi.db.query(ARTICLE_UID).count()).toBe(before);

    const category = await app
      .request()
      .put(`/api/categories/${fixture.news.documentId}?locale=id`)
      .set('Authorization', `Bearer ${writer}`)
      .send({ data: { whatsappFollowOverride: override } });
    expect(category.status).toBe(400);
  });
});
