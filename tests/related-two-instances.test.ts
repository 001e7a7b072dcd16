// Guards "Berita Terkait" behind a load balancer: two Warta instances share one PostgreSQL, and what an
// editor publishes or unpublishes on one is what readers get from the other (nothing shared lives in
// one process's memory). The second instance is a real `strapi start` in its own process.
import { spawn, type ChildProcess } from 'child_process';
import net from 'net';
import path from 'path';
import { databaseKind } from './helpers/database';
import { createNewsFixture, paragraph } from './helpers/fixtures';
import { eventually, useStrapi } from './helpers/strapi';
import { ARTICLE_UID } from '../src/constants';

const APP_DIR = path.resolve(__dirname, '..');
const KOREA = 'Korea Utara kirim amunisi artileri ke Rusia lewat pelabuhan Rajin, kata pejabat Korea Selatan.';
const onPostgres = databaseKind() === 'postgres' ? describe : describe.skip;

let other: ChildProcess;
let otherUrl: string;
let otherLog = '';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function relatedOnSecond(documentId: string): Promise<string[]> {
  const res = await fetch(`${otherUrl}/api/articles/${documentId}/related?locale=id&limit=20`);
  expect(res.status).toBe(200);
  return ((await res.json()) as any).data.map((article: any) => article.documentId);
}

onPostgres('two Warta instances on one PostgreSQL', () => {
  let source: string;
  let neighbour: string;

  // Declared before useStrapi: jest runs afterAll hooks in declaration order, and the second instance
  // stops before the first one drops the shared database.
  afterAll(async () => {
    if (other && other.exitCode === null) {
      const exited = new Promise((resolve) => other.once('exit', resolve));
      other.kill('SIGTERM');
      await exited;
    }
  });

  // Inside the describe: on SQLite and MariaDB the whole block is skipped, boot included.
  const { app, fixture } = useStrapi({ fixture: createNewsFixture });

  async function publishOnFirst(title: string, extra: Record<string, unknown> = {}) {
    const doc = await app.strapi.documents(ARTICLE_UID).create({
      locale: 'id',
      status: 'published',
      data: { title, lead: KOREA, body: [paragraph(KOREA)], category: fixture.internasional.documentId, ...extra },
    } as any);
    return doc.documentId as string;
  }

  beforeAll(async () => {
    source = await publishOnFirst('Korea Utara Kirim Amunisi ke Rusia');
    neighbour = await publishOnFirst('Pelabuhan Rajin Jadi Jalur Amunisi Korea Utara');
    await app.strapi.plugin('newsroom').service('related-news').idle();

    const port = await freePort();
    otherUrl = `http://127.0.0.1:${port}`;
    other = spawn(
      process.execPath,
      [path.join(APP_DIR, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js'), 'start'],
      {
        cwd: APP_DIR,
        // The same database and secrets as the first instance (useStrapi put them in process.env).
        env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), NODE_ENV: 'test' },
        stdio: ['ignore', 'pipe', 'pipe'],
      }
    );
    other.stdout?.on('data', (chunk) => (otherLog += chunk));
    other.stderr?.on('data', (chunk) => (otherLog += chunk));
    await eventually(async () => {
      if (other.exitCode !== null) throw new Error(`second instance exited: ${otherLog}`);
      return (await fetch(`${otherUrl}/_health`).catch(() => null))?.status === 204;
    }, 90_000);
  }, 120_000);

  test('the second instance serves the list the first one computed', async () => {
    expect(await relatedOnSecond(source)).toContain(neighbour);
  });

  test('published on the first, it joins the list served by the second', async () => {
    const fresh = await publishOnFirst('Seoul: Amunisi Korea Utara Mengalir ke Rusia');
    await eventually(async () => (await relatedOnSecond(source)).includes(fresh));
  });

  test('unpublished on the first, it is gone from the second at once', async () => {
    await app.strapi.documents(ARTICLE_UID).unpublish({ documentId: neighbour, locale: 'id' } as any);
    expect(await relatedOnSecond(source)).not.toContain(neighbour);
  });

  test("an editor's pin set on the first is served by the second", async () => {
    const football = await publishOnFirst('Timnas Indonesia Kalahkan Vietnam', {
      lead: 'Sepak bola di Gelora Bung Karno.',
      body: [paragraph('Gol di menit akhir.')],
    });
    await app.strapi
      .documents(ARTICLE_UID)
      .update({ documentId: source, locale: 'id', data: { relatedPinned: [football] } } as any);
    await app.strapi.documents(ARTICLE_UID).publish({ documentId: source, locale: 'id' } as any);
    await eventually(async () => (await relatedOnSecond(source))[0] === football);
  });
});
