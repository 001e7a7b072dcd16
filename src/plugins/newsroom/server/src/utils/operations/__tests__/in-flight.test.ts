import http from 'http';
import type { AddressInfo } from 'net';
import { trackRequests } from '../in-flight';

/** A real server whose `/slow` answers when the test says so, and everything else at once. */
async function server() {
  const release: (() => void)[] = [];
  const instance = http.createServer((request, response) => {
    if (request.url === '/slow') release.push(() => response.end('slow done'));
    else response.end('quick');
  });
  const tracker = trackRequests(instance);
  await new Promise<void>((resolve) => instance.listen(0, '127.0.0.1', resolve));
  const { port } = instance.address() as AddressInfo;
  return { instance, tracker, port, release, url: (path: string) => `http://127.0.0.1:${port}${path}` };
}

const get = (url: string, agent?: http.Agent) =>
  new Promise<{ status: number; body: string; connection?: string }>((resolve, reject) => {
    http
      .get(url, { agent }, (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, connection: res.headers.connection }));
      })
      .on('error', reject);
  });

const until = async (check: () => boolean) => {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 5));
};

describe('trackRequests', () => {
  describe('drain', () => {
    test('resolves at once when nothing is in flight, and the server stops listening', async () => {
      const { instance, tracker } = await server();
      expect(await tracker.drain(5000)).toEqual({ unfinished: 0 });
      expect(instance.listening).toBe(false);
    });

    test('waits for a running request, which answers with Connection: close, and refuses new connections', async () => {
      const { tracker, release, url } = await server();
      const slow = get(url('/slow'));
      await until(() => tracker.open === 1);

      const drained = tracker.drain(5000);
      await expect(get(url('/quick'))).rejects.toMatchObject({ code: 'ECONNREFUSED' });
      release[0]();
      expect(await slow).toEqual({ status: 200, body: 'slow done', connection: 'close' });
      expect(await drained).toEqual({ unfinished: 0 });
    });

    test('gives up after the grace period and says how many were still running', async () => {
      const { instance, tracker, url } = await server();
      const slow = get(url('/slow')).catch((error) => error.code);
      await until(() => tracker.open === 1);
      const started = Date.now();
      expect(await tracker.drain(100)).toEqual({ unfinished: 1 });
      expect(Date.now() - started).toBeGreaterThanOrEqual(95);
      instance.closeAllConnections(); // what Strapi's server.destroy() does next
      expect(await slow).toBe('ECONNRESET');
    });

    test('closes an idle keep-alive connection instead of waiting for it', async () => {
      const { tracker, url } = await server();
      const agent = new http.Agent({ keepAlive: true });
      expect((await get(url('/quick'), agent)).status).toBe(200);
      const started = Date.now();
      expect(await tracker.drain(5000)).toEqual({ unfinished: 0 });
      expect(Date.now() - started).toBeLessThan(1000);
      agent.destroy();
    });
  });
});
