/** One GET at a time over one kept-alive socket, timed: the latency of a request, not of a TCP handshake. */
const http = require('http');
const { msSince, now } = require('./figures');

/** `get(pathname)` resolves `{ ms, body }` (JSON parsed unless `{ json: false }`), rejects on a non-200. */
function httpClient(baseUrl, { json = true } = {}) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const once = (pathname) =>
    new Promise((resolve, reject) => {
      const started = now();
      const req = http.get(`${baseUrl}${pathname}`, { agent }, (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => {
          const ms = msSince(started);
          const bytes = Buffer.concat(chunks);
          if (res.statusCode !== 200)
            return reject(
              new Error(`GET ${pathname} answered ${res.statusCode}: ${bytes.toString('utf8').slice(0, 300)}`)
            );
          resolve({ ms, body: json ? JSON.parse(bytes.toString('utf8')) : bytes, headers: res.headers });
        });
      });
      req.on('error', (error) => {
        error.reusedSocket = req.reusedSocket;
        reject(error);
      });
    });
  const get = async (pathname) => {
    try {
      return await once(pathname);
    } catch (error) {
      // The server closes a kept-alive socket after 5 idle seconds; a request racing that close is sent again.
      if (error.reusedSocket && error.code === 'ECONNRESET') return once(pathname);
      throw error;
    }
  };
  get.close = () => agent.destroy();
  return get;
}

module.exports = { httpClient };
