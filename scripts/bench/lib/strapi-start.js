/**
 * The compiled app as production runs it: `strapi start` in a process of its own (NODE_ENV=production,
 * the throw-away secrets, the given database), ready once /_health answers 204. bench:boot times it;
 * bench:api loads it.
 */
const { spawn } = require('child_process');
const http = require('http');
const net = require('net');
const path = require('path');
const { root } = require('../../lib/compile');
const { THROWAWAY_SECRETS } = require('../../lib/secrets');

const STRAPI_BIN = path.join(root, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js');

/** True when GET /_health answers 204 within half a second. */
const health = (port) =>
  new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/_health', timeout: 500 }, (res) => {
      res.resume();
      resolve(res.statusCode === 204);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
  });

/** A port nothing listens on right now (the kernel's choice, released before use). */
const freePort = () =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** `BENCH_NODE_FLAGS="--cpu-prof --cpu-prof-dir=/tmp/prof"`: V8 flags for every server a bench starts (Node refuses some in NODE_OPTIONS). */
const NODE_FLAGS = (process.env.BENCH_NODE_FLAGS ?? '').split(/\s+/).filter(Boolean);

/**
 * Spawns `strapi start` with `env` on top of production defaults. `ready` resolves once /_health answers
 * (rejects if the process exits first or after `timeoutMs`, with the end of its stderr); `stop()` ends it.
 */
function startStrapi({ env = {}, port, timeoutMs = 120_000, stdout = 'ignore' }) {
  const started = Date.now();
  const child = spawn(process.execPath, [...NODE_FLAGS, STRAPI_BIN, 'start'], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      STRAPI_TELEMETRY_DISABLED: 'true',
      STARTUP_MESSAGE: 'false',
      ...THROWAWAY_SECRETS,
      ...env,
    },
    stdio: ['ignore', stdout, 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  const ready = (async () => {
    while (!(await health(port))) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`strapi start exited with ${child.exitCode ?? child.signalCode}: ${stderr.trim().slice(-800)}`);
      if (Date.now() - started > timeoutMs) throw new Error(`strapi start: no /_health within ${timeoutMs / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return { ms: Date.now() - started };
  })();

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };

  return { child, port, baseUrl: `http://127.0.0.1:${port}`, ready, stop, exited };
}

module.exports = { startStrapi, health, freePort, STRAPI_BIN };
