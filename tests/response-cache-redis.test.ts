// Guards the response cache on Redis (REDIS_URL set): entries and their tag sets live in Redis, a write
// removes them there and says so on the pub/sub channel, a cold key computed by another instance is
// waited for instead of computed again, and a Redis that goes away costs nothing but the cache: requests
// are served uncached, one log line says so, and caching resumes by itself when it is back. The Redis
// here is a private redis-server on a free port that this file starts and stops.
import { spawn, type ChildProcess } from 'child_process';
import fs from 'fs';
import net from 'net';
import os from 'os';
import path from 'path';
import Redis from 'ioredis';
import { createNewsFixture } from './helpers/fixtures';
import { freePort } from './helpers/instance';
import { eventually, useStrapi } from './helpers/strapi';
import { MEDIA_CAPTION_UID as CAPTION } from '../src/constants';
import { hashKey, requestKey } from '../src/plugins/newsroom/server/src/utils/cache/key';
import { redisStore } from '../src/plugins/newsroom/server/src/services/response-cache/redis-store';

let redisPort = 0;
let redisProcess: ChildProcess | null = null;
const redisDir = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-redis-'));

/**
 * Starts this file's redis-server on `redisPort` and waits until it answers. A PONG alone does not prove
 * it is ours: the suites on the three databases run side by side, and a port another one's Redis took
 * makes ours exit at once (address in use) while the PING reaches theirs. So it must still be running.
 */
async function startRedis(): Promise<void> {
  const child = spawn(
    'redis-server',
    ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', redisDir],
    { stdio: 'ignore' }
  );
  redisProcess = child;
  await eventually(async () => child.exitCode !== null || (await pong(redisPort)));
  await new Promise((resolve) => setTimeout(resolve, 100));
  if (child.exitCode !== null) throw new Error(`redis-server on port ${redisPort} exited (${child.exitCode})`);
}

/** A free port on which this file's own redis-server is up (another port if one was taken meanwhile). */
async function startRedisOnFreePort(): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    redisPort = await freePort();
    try {
      return await startRedis();
    } catch (error) {
      if (attempt >= 5) throw error;
    }
  }
}

/** A PING on a plain socket: a client library would leave reconnect and disconnect timers behind. */
function pong(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.setTimeout(500, () => socket.destroy());
    socket.once('error', () => resolve(false));
    socket.once('close', () => resolve(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      resolve(data.toString().startsWith('+PONG'));
      socket.destroy();
    });
  });
}

async function stopRedis(): Promise<void> {
  const child = redisProcess;
  redisProcess = null;
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

// Before useStrapi: this beforeAll runs first, so REDIS_URL is set when Strapi boots.
const env: Record<string, string> = { WARTA_CACHE_TAG_HEADERS: 'Surrogate-Key,Edge-Cache-Tag' };
beforeAll(async () => {
  await startRedisOnFreePort();
  env.REDIS_URL = `redis://127.0.0.1:${redisPort}`;
});
const { app, fixture } = useStrapi({ env, fixture: createNewsFixture });

// After useStrapi: afterAll hooks run in declaration order, so Redis stops once Strapi is gone.
afterAll(async () => {
  await stopRedis();
  fs.rmSync(redisDir, { recursive: true, force: true });
});

const get = (url: string) => app.request().get(url);
const cacheOf = (res: { headers: Record<string, string> }) => res.headers['x-cache'];
const cache = () => app.strapi.plugin('newsroom').service('response-cache');
const related = () => app.strapi.plugin('newsroom').service('related-news');
const client = () => new Redis(redisPort, '127.0.0.1', { maxRetriesPerRequest: 1 });

async function warm(url: string) {
  await get(url);
  const hit = await get(url);
  expect(cacheOf(hit)).toBe('HIT');
  return hit;
}

/** The Redis key prefix this instance uses (derived from its database). */
async function prefixOf(redis: Redis): Promise<string> {
  const [, keys] = await redis.scan('0', 'MATCH', 'warta:*', 'COUNT', 10_000);
  const found = keys.map((key) => /^(warta:\{[0-9a-f]+\}:)/.exec(key)?.[1]).find(Boolean);
  if (!found) throw new Error('no warta key in Redis');
  return found;
}

beforeAll(async () => {
  await related().idle();
});

describe('response cache on Redis', () => {
  test('the store is Redis, and what it answers lives there with a TTL', async () => {
    expect(cache().kind()).toBe('redis');
    await warm(`/read/id/${fixture.published.slug}`);
    const redis = client();
    try {
      const prefix = await prefixOf(redis);
      const [, entries] = await redis.scan('0', 'MATCH', `${prefix}e:*`, 'COUNT', 10_000);
      expect(entries.length).toBeGreaterThan(0);
      expect(await redis.pttl(entries[0])).toBeGreaterThan(0);
      expect(
        await redis.sismember(`${prefix}t:${fixture.published.documentId}`, entries[0].slice(`${prefix}e:`.length))
      ).toBe(1);
    } finally {
      redis.disconnect();
    }
  });

  test('the tag headers are the configured ones, each with its separator', async () => {
    const res = await get(`/read/id/${fixture.published.slug}?headers=1`);
    const tags = res.headers['surrogate-key'].split(' ');
    expect(tags).toContain(fixture.published.documentId);
    expect(res.headers['edge-cache-tag'].split(',')).toEqual(tags);
    expect(res.headers.xkey).toBeUndefined();
    expect(res.headers['cache-tag']).toBeUndefined();
  });

  test('a write removes the entries from Redis and announces the purge on the channel', async () => {
    const url = `/api/articles/by-slug/${fixture.published.slug}?locale=id`;
    await warm(url);
    const redis = client();
    const listener = client();
    try {
      const prefix = await prefixOf(redis);
      const messages: string[] = [];
      await listener.subscribe(`${prefix}events`);
      listener.on('message', (_channel, message) => messages.push(message));
      await app.strapi.documents(CAPTION as any).update({
        documentId: fixture.cover.documentId,
        locale: 'id',
        data: { caption: 'Keterangan dari Redis' },
      } as any);
      expect(await redis.exists(`${prefix}t:${fixture.cover.documentId}`)).toBe(0);
      const after = await get(url);
      expect(cacheOf(after)).toBe('MISS');
      expect(after.body.data.cover.caption).toBe('Keterangan dari Redis');
      await eventually(async () =>
        messages.some((message) => JSON.parse(message).purge?.includes(fixture.cover.documentId))
      );
    } finally {
      redis.disconnect();
      listener.disconnect();
    }
  });

  test('a cold key another instance is computing is waited for, not computed again', async () => {
    const url = `/read/id/${fixture.published.slug}`;
    await app.strapi
      .documents(CAPTION as any)
      .update({ documentId: fixture.cover.documentId, locale: 'id', data: { caption: 'Dingin lagi' } } as any);
    const redis = client();
    const log = { warn: jest.fn(), info: jest.fn() };
    const prefix = await prefixOf(redis);
    redis.disconnect();
    // The other instance: the same store code on the same Redis.
    const other = redisStore({ log } as any, {
      url: env.REDIS_URL,
      prefix,
      onPurge: () => undefined,
    });
    await other.start();
    await eventually(async () => other.available());
    const pages = app.strapi.plugin('newsroom').service('article-page');
    const spy = jest.spyOn(pages, 'bySlug');
    try {
      const hash = hashKey(requestKey({ method: 'GET', path: url, query: {}, origin: null }));
      const token = await other.claim!(hash);
      expect(token).not.toBeNull();
      const answers = Promise.all(Array.from({ length: 50 }, () => get(url)));
      await new Promise((resolve) => setTimeout(resolve, 300));
      const body = Buffer.from('<!doctype html><p>computed by the other instance</p>');
      const { since } = await other.lookup(hash);
      const entry = {
        key: 'other',
        status: 200,
        headers: { 'content-type': 'text/html; charset=utf-8' },
        body,
        tags: ['all', fixture.published.documentId],
        storedAt: Date.now(),
      };
      expect(await other.put(hash, entry, 60_000, since)).toBe(true);
      await other.release!(hash, token!);
      const results = await answers;
      expect(spy).not.toHaveBeenCalled();
      expect(results.every((res) => cacheOf(res) === 'HIT' && res.text === body.toString())).toBe(true);
    } finally {
      spy.mockRestore();
      await other.stop();
      await app.strapi
        .documents(CAPTION as any)
        .update({ documentId: fixture.cover.documentId, locale: 'id', data: { caption: 'Sesudah uji' } } as any);
    }
  });

  test('Redis down: every request is served uncached, one log line says so; back up, caching resumes by itself', async () => {
    const warn = jest.spyOn(app.strapi.log, 'warn');
    const info = jest.spyOn(app.strapi.log, 'info');
    try {
      const url = '/read/id';
      await warm(url);
      await stopRedis();
      await eventually(async () => !cache().enabled() || cacheOf(await get(url)) === 'BYPASS');
      const started = Date.now();
      for (let i = 0; i < 20; i += 1) {
        const res = await get(i % 2 ? url : `/api/articles?locale=id`);
        expect(res.status).toBe(200);
        expect(cacheOf(res)).toBe('BYPASS');
      }
      expect(Date.now() - started).toBeLessThan(10_000);
      // A write while Redis is down: its purge waits to be sent when Redis is back.
      await app.strapi.documents(CAPTION as any).update({
        documentId: fixture.cover.documentId,
        locale: 'id',
        data: { caption: 'Ditulis saat Redis mati' },
      } as any);
      expect((await get(`/api/articles/by-slug/${fixture.published.slug}?locale=id`)).body.data.cover.caption).toBe(
        'Ditulis saat Redis mati'
      );
      const downLines = warn.mock.calls.filter(
        ([line]) => String(line).includes('Redis') && String(line).includes('unreachable')
      );
      expect(downLines).toHaveLength(1);

      await startRedis();
      await eventually(async () => cacheOf(await get(url)) !== 'BYPASS', 20_000);
      await warm(url);
      expect(info.mock.calls.filter(([line]) => String(line).includes('is back'))).toHaveLength(1);
      expect(warn.mock.calls.filter(([line]) => String(line).includes('unreachable'))).toHaveLength(1);
    } finally {
      warn.mockRestore();
      info.mockRestore();
    }
  });
});
