/**
 * bench:api's servers, all up at once so that cells can take turns: `strapi start` once per mode (the
 * database's env plus the mode's), and the bare server replaying recorded bytes. Each is warmed up first.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');
const { duration, msSince, now } = require('../lib/figures');
const { httpClient } = require('../lib/http-client');
const { freePort, health, startStrapi } = require('../lib/strapi-start');

const WARMUP_GETS = 30;

/** The URL a mode's server answers an endpoint at: stock only where Strapi has an equivalent. */
const urlOf = (mode, endpoint) => (mode === 'stock' ? endpoint.stock : endpoint.path);

/** GETs each endpoint a few times (JIT, statement caches, a cache's first fill); `record` keeps Warta's bytes. */
async function warmUp(mode, baseUrl, endpoints, record) {
  const get = httpClient(baseUrl, { json: false });
  try {
    for (const endpoint of Object.values(endpoints)) {
      const url = urlOf(mode, endpoint);
      if (!url) continue;
      for (let i = 0; i < WARMUP_GETS; i += 1) await get(url);
      if (record && !record[endpoint.path]) {
        const { body, headers } = await get(url);
        record[endpoint.path] = { type: headers['content-type'], body: body.toString('base64') };
      }
    }
  } finally {
    get.close();
  }
}

/** One `strapi start` per mode, booted one after the other, warmed up; the first Warta mode's bytes recorded. */
async function startModes({ modes, env, envOf, endpoints, record, servers, label }) {
  for (const mode of modes) {
    const started = now();
    const server = startStrapi({ env: { ...env, ...envOf(mode) }, port: await freePort() });
    servers[mode] = server;
    await server.ready;
    await warmUp(mode, server.baseUrl, endpoints, mode !== 'stock' ? record : null);
    console.error(`[bench] ${mode}: strapi start ready and warm in ${duration(msSince(started))} (${label(mode)})`);
  }
}

/** The ceiling: a bare Node server of its own replaying the recorded bytes. */
async function startBare({ record, endpoints, servers }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-bench-bare-'));
  const file = path.join(dir, 'responses.json');
  fs.writeFileSync(file, JSON.stringify(record));
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(__dirname, 'bare-server.js'), String(port), file], {
    stdio: 'inherit',
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  servers.bare = {
    baseUrl: `http://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  const deadline = Date.now() + 10_000;
  while (!(await health(port))) {
    if (Date.now() > deadline) throw new Error('the bare server did not answer /_health within 10 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await warmUp('bare', servers.bare.baseUrl, endpoints, null);
}

async function stopAll(servers) {
  await Promise.all(Object.values(servers).map((server) => server.stop().catch(() => {})));
}

module.exports = { urlOf, startModes, startBare, stopAll };
