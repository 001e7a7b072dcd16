// Guards the article page payload (REST by-slug and GraphQL articleBySlug): its shape, published-only and
// same-locale reads, no private field, and a fixed number of SQL statements whatever the article.
import { startStrapi, countQueries, type TestApp } from './helpers/strapi';
import { createNewsFixture, SENTINELS, type NewsFixture } from './helpers/fixtures';

let app: TestApp;
let fixture: NewsFixture;

beforeAll(async () => {
  app = await startStrapi({ WARTA_SITE_URL: 'https://warta.example' });
  fixture = await createNewsFixture(app.strapi);
  await app.strapi.plugin('newsroom').service('related-news').idle();
});

afterAll(async () => {
  await app?.close();
});

describe('REST article page', () => {
  test('smoke', async () => {
    const slug = fixture.published.slug;
    const { result, queries } = await countQueries(app, () => app.request().get(`/api/articles/by-slug/${slug}?locale=id`));
    console.log(queries, JSON.stringify(result.body, null, 1));
  });
});
