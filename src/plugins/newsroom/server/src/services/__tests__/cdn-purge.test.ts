import http from 'http';
import type { AddressInfo } from 'net';
import { CACHE_PURGE_EVENT } from '../../constants';
import cdnPurgeService from '../cdn-purge';

type Received = { method: string; headers: http.IncomingHttpHeaders; body: string };

/** A stand-in CDN on a free port that answers each purge with the next status of `statuses` (then 200). */
async function fakeCdn(statuses: number[] = []) {
  const received: Received[] = [];
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      received.push({ method: request.method ?? '', headers: request.headers, body });
      response.statusCode = statuses.shift() ?? 200;
      response.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The service with a hand-built `strapi`: its config, a log that records warnings, a working event hub. */
function build(cdn: Record<string, unknown>) {
  const warnings: string[] = [];
  const listeners = new Map<string, ((payload: unknown) => Promise<void>)[]>();
  const strapi = {
    config: { get: () => ({ cdn }) },
    log: { warn: (message: string) => warnings.push(message) },
    eventHub: {
      on: (name: string, listener: (payload: unknown) => Promise<void>) =>
        listeners.set(name, [...(listeners.get(name) ?? []), listener]),
      emit: async (name: string, payload: unknown) => {
        for (const listener of listeners.get(name) ?? []) await listener(payload);
      },
    },
  };
  const service = cdnPurgeService({ strapi: strapi as never });
  return { service, strapi, warnings };
}

describe('cdn-purge service', () => {
  describe('purge', () => {
    test('sends one PURGE with the keys in xkey-purge, each once', async () => {
      const cdn = await fakeCdn();
      try {
        const { service } = build({ url: cdn.url });
        expect(await service.purge(['doc:b', 'doc:a', 'doc:b'])).toEqual({ sent: 1, failed: 0, keys: 2 });
        expect(cdn.received).toHaveLength(1);
        expect(cdn.received[0].method).toBe('PURGE');
        expect(cdn.received[0].headers['xkey-purge']).toBe('doc:a doc:b');
      } finally {
        await cdn.close();
      }
    });

    test('retries a failing CDN with backoff and succeeds when it recovers', async () => {
      const cdn = await fakeCdn([503, 502]);
      try {
        const { service, warnings } = build({ url: cdn.url, retries: 3, backoffMs: 20 });
        const started = Date.now();
        expect(await service.purge(['doc:a'])).toEqual({ sent: 1, failed: 0, keys: 1 });
        expect(cdn.received).toHaveLength(3);
        // 20 ms, then 40 ms between the three attempts.
        expect(Date.now() - started).toBeGreaterThanOrEqual(60);
        expect(warnings).toEqual([]);
      } finally {
        await cdn.close();
      }
    });

    test('gives up after the last retry and logs the keys it could not purge', async () => {
      const cdn = await fakeCdn([500, 500, 500]);
      try {
        const { service, warnings } = build({ url: cdn.url, retries: 2, backoffMs: 5 });
        expect(await service.purge(['doc:a', 'list:article:id'])).toEqual({ sent: 0, failed: 1, keys: 2 });
        expect(cdn.received).toHaveLength(3);
        expect(warnings).toHaveLength(1);
        expect(warnings[0]).toMatch(/after 3 attempts \(HTTP 500\): doc:a list:article:id/);
      } finally {
        await cdn.close();
      }
    });

    test('does not retry a refusal such as a wrong token (4xx)', async () => {
      const cdn = await fakeCdn([403]);
      try {
        const { service, warnings } = build({ url: cdn.url, retries: 4, backoffMs: 5 });
        expect((await service.purge(['doc:a'])).failed).toBe(1);
        expect(cdn.received).toHaveLength(1);
        expect(warnings[0]).toMatch(/HTTP 403/);
      } finally {
        await cdn.close();
      }
    });

    test('logs an unreachable CDN instead of throwing', async () => {
      const cdn = await fakeCdn();
      await cdn.close();
      const { service, warnings } = build({ url: cdn.url, retries: 1, backoffMs: 5 });
      expect(await service.purge(['doc:a'])).toEqual({ sent: 0, failed: 1, keys: 1 });
      expect(warnings[0]).toMatch(/after 2 attempts/);
    });

    test('sends nothing when no purge URL is configured', async () => {
      const { service } = build({ url: '' });
      expect(await service.purge(['doc:a'])).toEqual({ sent: 0, failed: 0, keys: 0 });
    });
  });

  describe('listen', () => {
    test("purges the CDN on every response-cache purge event, off the caller's path", async () => {
      const cdn = await fakeCdn();
      try {
        const { service, strapi } = build({ url: cdn.url });
        service.listen();
        await strapi.eventHub.emit(CACHE_PURGE_EVENT, { tags: ['doc:x', 'list:article:en'] });
        await strapi.eventHub.emit(CACHE_PURGE_EVENT, { tags: 'not a list' });
        await service.idle();
        expect(cdn.received.map((request) => request.headers['xkey-purge'])).toEqual(['doc:x list:article:en']);
      } finally {
        await cdn.close();
      }
    });
  });

  describe('schedule', () => {
    test('keys asked for while the CDN is down go together in one purge once it is back, not one retried purge each', async () => {
      const cdn = await fakeCdn([503, 503, 503]);
      try {
        const { service, warnings } = build({ url: cdn.url, retries: 3, backoffMs: 20 });
        service.schedule(['doc:0']);
        for (let write = 1; write <= 9; write += 1) service.schedule([`doc:${write}`, 'list:article:id']);
        await service.idle();
        // doc:0 three times refused, then purged; then everything else in one request.
        expect(cdn.received.map((request) => request.headers['xkey-purge'])).toEqual([
          'doc:0',
          'doc:0',
          'doc:0',
          'doc:0',
          'doc:1 doc:2 doc:3 doc:4 doc:5 doc:6 doc:7 doc:8 doc:9 list:article:id',
        ]);
        expect(warnings).toEqual([]);
      } finally {
        await cdn.close();
      }
    });
  });

  describe('stop', () => {
    test('at shutdown a failing purge is not retried any more and stop() returns at once', async () => {
      const cdn = await fakeCdn([503, 503, 503, 503]);
      try {
        // Ten retries 10 s apart: without stop() this purge would hold the process for a minute and more.
        const { service, warnings } = build({ url: cdn.url, retries: 10, backoffMs: 10_000 });
        service.schedule(['doc:a']);
        await new Promise((resolve) => setTimeout(resolve, 100));
        const started = Date.now();
        await service.stop();
        expect(Date.now() - started).toBeLessThan(2_000);
        expect(cdn.received).toHaveLength(1);
        expect(warnings[0]).toMatch(/doc:a/);
      } finally {
        await cdn.close();
      }
    });
  });
});
