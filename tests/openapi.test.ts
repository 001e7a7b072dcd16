// Guards the API contract: the committed openapi.json is exactly what the booted app generates; it
// documents the custom article routes (parameters, answers) and the computed article fields; a client
// typed by openapi-typescript from it compiles; and the real answers of the booted app satisfy it
// (JSON Schema checks, each with a control that must fail).
import fs from 'fs';
import os from 'os';
import path from 'path';
import ts from 'typescript';
import Ajv2020 from 'ajv/dist/2020';
import { startStrapi, type TestApp } from './helpers/strapi';
import { spawnSync } from 'child_process';
import { createNewsFixture, paragraph, type NewsFixture } from './helpers/fixtures';

const ARTICLE = 'api::article.article';

const ROOT = path.resolve(__dirname, '..');
const SPEC_FILE = path.join(ROOT, 'openapi.json');
const spec = JSON.parse(fs.readFileSync(SPEC_FILE, 'utf8'));
const { withoutGenerationTime } = require('../scripts/openapi-generate');

let app: TestApp;
let fixture: NewsFixture;

beforeAll(async () => {
  app = await startStrapi();
  fixture = await createNewsFixture(app.strapi);
  // A story on the same subject, so the fixture article has a related list to check.
  await (app.strapi.documents(ARTICLE) as any).create({
    locale: 'id',
    status: 'published',
    data: {
      title: 'Korea Utara Bantah Pasokan Amunisi ke Rusia',
      lead: 'Korea Utara membantah pasokan amunisi dan senjata ke Rusia.',
      body: [
        paragraph(
          'Korea Utara membantah tuduhan Korea Selatan, Amerika Serikat, dan Jepang soal pasokan amunisi ke Rusia.'
        ),
      ],
      datePublished: '2023-10-28T10:00:00.000Z',
      cover: fixture.cover.documentId,
      category: fixture.internasional.documentId,
      tags: [fixture.korut.documentId],
    },
  });
  await app.strapi.plugin('newsroom').service('related-news').idle();
});

afterAll(async () => {
  await app?.close();
});

const get = (url: string) => app.request().get(url);
const operation = (route: string) => spec.paths[route].get;
const okSchema = (route: string) => operation(route).responses['200'].content['application/json'].schema;

describe('openapi.json', () => {
  test('is what the booted app generates (run npm run openapi:generate after changing a route or a schema)', () => {
    const { generate } = require('@strapi/openapi');
    const current = withoutGenerationTime(generate(app.strapi, { type: 'content-api' }).document);
    expect(current).toEqual(spec);
  });

  test('documents the parameters of the related and by-slug routes', () => {
    const params = (route: string) =>
      Object.fromEntries(
        operation(route).parameters.map((p: any) => [`${p.in}:${p.name}`, { required: p.required, schema: p.schema }])
      );
    const related = params('/articles/{documentId}/related');
    expect(Object.keys(related)).toEqual(['path:documentId', 'query:locale', 'query:limit']);
    expect(related['path:documentId'].required).toBe(true);
    expect(related['query:locale']).toMatchObject({
      required: false,
      schema: { type: 'string', pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$' },
    });
    expect(related['query:limit']).toMatchObject({
      required: false,
      schema: { type: 'integer', minimum: 1, maximum: 20, default: 5 },
    });
    const page = params('/articles/by-slug/{slug}');
    expect(Object.keys(page)).toEqual(['path:slug', 'query:locale']);
    expect(page['path:slug'].required).toBe(true);
  });

  test('documents the answers of the custom routes and the computed fields of the core article routes', () => {
    expect(okSchema('/articles/{documentId}/related').properties.data.items.$ref).toBe(
      '#/components/schemas/NewsroomRelatedCard'
    );
    expect(okSchema('/articles/by-slug/{slug}').properties.data.$ref).toBe('#/components/schemas/NewsroomArticlePage');
    for (const [route, pick] of [
      ['/articles', (s: any) => s.properties.data.items],
      ['/articles/{id}', (s: any) => s.properties.data],
    ] as const) {
      const article = pick(okSchema(route));
      expect(JSON.stringify(article.properties.newsroom)).toContain('#/components/schemas/NewsroomArticleFields');
      expect(JSON.stringify(article.properties.whatsappFollow)).toContain(
        '#/components/schemas/NewsroomWhatsappFollow'
      );
      expect(JSON.stringify(article.properties.cover)).toContain('"creditLine"');
    }
    const fields = spec.components.schemas.NewsroomArticleFields;
    expect(Object.keys(fields.properties)).toEqual([
      'byline',
      'publishedAtLocal',
      'updatedAtLocal',
      'readingTimeMinutes',
      'readingTimeLabel',
      'coverCreditLine',
    ]);
  });
});

describe('a client typed from openapi.json', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-client-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const typecheck = (client: string): string[] => {
    fs.writeFileSync(path.join(dir, 'client.ts'), client);
    const program = ts.createProgram([path.join(dir, 'client.ts')], {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2020,
      lib: ['lib.es2020.d.ts', 'lib.dom.d.ts'],
      skipLibCheck: true,
    });
    return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  };

  const CLIENT = `
import type { paths } from './api';
type Ok<P extends keyof paths> = paths[P]['get'] extends { responses: { 200: { content: { 'application/json': infer B } } } } ? B : never;
type RelatedQuery = NonNullable<paths['/articles/{documentId}/related']['get']['parameters']['query']>;

export async function related(base: string, documentId: string, query: RelatedQuery): Promise<string[]> {
  const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
  const body = (await (await fetch(\`\${base}/api/articles/\${documentId}/related?\${search}\`)).json()) as Ok<'/articles/{documentId}/related'>;
  return body.data.map((card) => \`\${card.title} \${card.cover?.creditLine ?? ''} \${body.meta.limit.toFixed(0)}\`);
}

export function page(body: Ok<'/articles/by-slug/{slug}'>): string {
  const when = body.data.newsroom?.publishedAtLocal?.dateTime ?? '';
  const follow = body.data.whatsappFollow ? body.data.whatsappFollow.url : '';
  return [body.data.title, when, follow, body.data.related.map((card) => card.url).join(' '), body.meta.locale].join('|');
}

export function list(body: Ok<'/articles'>): (string | null | undefined)[] {
  return body.data.map((article) => article.newsroom?.byline ?? article.cover?.creditLine);
}

export const limit: RelatedQuery = { locale: 'id', limit: 5 };
`;

  beforeAll(() => {
    // The CLI, not the library: openapi-typescript's dependencies are ES modules jest cannot require.
    const cli = path.join(ROOT, 'node_modules', 'openapi-typescript', 'bin', 'cli.js');
    const run = spawnSync(process.execPath, [cli, SPEC_FILE, '--output', path.join(dir, 'api.ts')], {
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(`openapi-typescript failed: ${run.stderr}`);
  });

  test('compiles with the TypeScript compiler', () => {
    expect(typecheck(CLIENT)).toEqual([]);
  });

  test('fails to compile when it reads a field the contract does not have (control)', () => {
    const errors = typecheck(
      `${CLIENT}\nexport const wrong = (body: Ok<'/articles/by-slug/{slug}'>) => body.data.newsroom?.bylien;\nexport const bad: RelatedQuery = { limit: 'lima' };\n`
    );
    expect(errors.some((message) => message.includes("'bylien'"))).toBe(true);
    expect(errors.some((message) => message.includes("'string' is not assignable to type 'number'"))).toBe(true);
  });
});

describe('the real answers', () => {
  const ajv = new Ajv2020({ strict: false, validateFormats: false });
  // References point into the spec (#/components/schemas/...): compile each schema with the spec's
  // components beside it. `$schema` is dropped from the nested schemas (only a root may carry it).
  const components = JSON.parse(JSON.stringify(spec.components).replace(/"\$schema":"[^"]*",?/g, ''));
  const check = (schema: object, value: unknown): string[] => {
    const { $schema: _dialect, ...root } = schema as Record<string, unknown>;
    const validate = ajv.compile({ ...root, components });
    return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  };

  test('of the related route satisfy its schema', async () => {
    const res = await get(`/api/articles/${fixture.published.documentId}/related?locale=id&limit=5`);
    expect(res.status).toBe(200);
    expect(res.body.data.length).toBeGreaterThan(0);
    expect(check(okSchema('/articles/{documentId}/related'), res.body)).toEqual([]);
    // Control: a card without its title is refused.
    const broken = { ...res.body, data: [{ ...res.body.data[0], title: undefined }] };
    expect(check(okSchema('/articles/{documentId}/related'), JSON.parse(JSON.stringify(broken)))).not.toEqual([]);
  });

  test('of the by-slug route satisfy its schema', async () => {
    const res = await get(`/api/articles/by-slug/${encodeURIComponent(fixture.published.slug)}?locale=id`);
    expect(res.status).toBe(200);
    expect(res.body.data.newsroom.byline).toContain('Salsabila Fitirah Puteri');
    expect(check(okSchema('/articles/by-slug/{slug}'), res.body)).toEqual([]);
    // Control: a wrong type in a computed field is refused.
    const broken = {
      ...res.body,
      data: { ...res.body.data, newsroom: { ...res.body.data.newsroom, readingTimeMinutes: 'tiga' } },
    };
    expect(check(okSchema('/articles/by-slug/{slug}'), broken)).not.toEqual([]);
  });

  test('of the core article routes carry computed fields that satisfy the documented schemas', async () => {
    const list = await get('/api/articles?locale=id&populate[cover]=true');
    const one = await get(`/api/articles/${fixture.published.documentId}?locale=id&populate[cover]=true`);
    expect(list.status).toBe(200);
    expect(one.status).toBe(200);
    const articles = [...list.body.data, one.body.data];
    expect(articles.length).toBeGreaterThan(1);
    const fields = { $ref: '#/components/schemas/NewsroomArticleFields' };
    const follow = { anyOf: [{ $ref: '#/components/schemas/NewsroomWhatsappFollow' }, { type: 'null' }] };
    const withCover = articles.filter((article) => article.cover);
    expect(withCover.length).toBeGreaterThan(0);
    for (const article of articles) {
      expect(check(fields, article.newsroom)).toEqual([]);
      expect(check(follow, article.whatsappFollow)).toEqual([]);
    }
    for (const article of withCover) expect(article.cover.creditLine).toBe('(Foto: Reuters)');
    expect(check(fields, { ...articles[0].newsroom, byline: 7 })).not.toEqual([]);
  });
});
