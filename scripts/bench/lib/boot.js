/**
 * Shared by the bench scripts: boots the compiled app on a throw-away database (SQLite temp file, or a
 * fresh PostgreSQL/MariaDB database when DATABASE_CLIENT says so; scripts/lib/database.js makes it) and
 * listens on a free loopback port.
 */
const path = require('path');
const { compile, root } = require('../../lib/compile');
const { freshDatabase } = require('../../lib/database');
const { THROWAWAY_SECRETS } = require('../../lib/secrets');
const { percentile } = require('./figures');

/** Boots the compiled app on `databaseEnv` with the throw-away secrets, listening on a free local port. */
async function bootListening(databaseEnv) {
  Object.assign(process.env, databaseEnv, {
    NODE_ENV: 'test',
    STRAPI_TELEMETRY_DISABLED: 'true',
    STARTUP_MESSAGE: 'false',
    BROWSER: 'false',
    // The benches measure computation: the response cache would answer every repeat from memory.
    WARTA_CACHE: databaseEnv.WARTA_CACHE ?? process.env.WARTA_CACHE ?? 'off',
    ...THROWAWAY_SECRETS,
  });
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({ appDir: root, distDir: path.join(root, 'dist') }).load();
  strapi.server.mount();
  await new Promise((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
  return { strapi, baseUrl: `http://127.0.0.1:${strapi.server.httpServer.address().port}` };
}

async function bootForBench() {
  compile();
  const database = await freshDatabase({ prefix: 'warta_bench' });
  const { strapi, baseUrl } = await bootListening(database.env);
  return {
    strapi,
    baseUrl,
    close: async () => {
      await strapi.destroy();
      await database.drop();
    },
  };
}

/** Milliseconds of one GET, and the number of SQL statements it caused. */
function countingGet(strapi) {
  const http = require('http');
  return (url) =>
    new Promise((resolve, reject) => {
      let queries = 0;
      const onQuery = () => (queries += 1);
      strapi.db.connection.on('query', onQuery);
      const started = process.hrtime.bigint();
      http
        .get(url, (res) => {
          res.resume();
          res.on('end', () => {
            strapi.db.connection.off('query', onQuery);
            if (res.statusCode !== 200) return reject(new Error(`${url} answered ${res.statusCode}`));
            resolve({ ms: Number(process.hrtime.bigint() - started) / 1e6, queries });
          });
        })
        .on('error', reject);
    });
}

function summarize(samples) {
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
  return {
    n: sorted.length,
    mean,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    queries: samples[samples.length - 1].queries,
  };
}

module.exports = { bootForBench, bootListening, countingGet, summarize, root };
