/**
 * The ceiling of bench:api: a bare Node HTTP server, in a process of its own, answering each recorded path
 * with the bytes and content type Warta answered it with, and nothing else (204 at /_health).
 *
 *   node scripts/bench/api/bare-server.js <port> <responses.json>
 */
const fs = require('fs');
const http = require('http');

const [port, file] = process.argv.slice(2);
const responses = new Map(
  Object.entries(JSON.parse(fs.readFileSync(file, 'utf8'))).map(([url, { type, body }]) => [
    url,
    { type, body: Buffer.from(body, 'base64') },
  ])
);

http
  .createServer((req, res) => {
    if (req.url === '/_health') {
      res.writeHead(204);
      return res.end();
    }
    const found = responses.get(req.url);
    if (!found) {
      res.writeHead(404);
      return res.end();
    }
    res.writeHead(200, { 'Content-Type': found.type, 'Content-Length': found.body.length });
    res.end(found.body);
  })
  .listen(Number(port), '127.0.0.1');
