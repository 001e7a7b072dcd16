#!/usr/bin/env node
/**
 * `npm run bench:list`: GET /api/articles?pageSize=25 on the demo newsroom, with Warta's computed
 * `newsroom` fields and without them (Strapi's own find on the same data, the same process, interleaved
 * rounds so machine noise hits both alike). Prints latency and SQL statements per request.
 */
const path = require('path');
const { bootForBench, countingGet, summarize, root } = require('./lib/boot');

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);
const PER_ROUND = 10;

async function main() {
  const app = await bootForBench();
  try {
    const { seedDemoContent } = require(path.join(root, 'dist', 'src', 'seed'));
    await seedDemoContent(app.strapi);
    const get = countingGet(app.strapi);
    const url = `${app.baseUrl}/api/articles?locale=id&pagination[pageSize]=25&populate[cover]=true`;
    const toggle = (on) => app.strapi.config.set('plugin::newsroom.computedFields', on);

    for (let i = 0; i < 20; i += 1) await get(url); // warm-up
    const samples = { with: [], without: [] };
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const mode of round % 2 ? ['without', 'with'] : ['with', 'without']) {
        toggle(mode === 'with');
        for (let i = 0; i < PER_ROUND; i += 1) samples[mode].push(await get(url));
      }
    }
    toggle(true);

    const rows = {
      'with newsroom fields': summarize(samples.with),
      'stock find (no fields)': summarize(samples.without),
    };
    const client = process.env.DATABASE_CLIENT ?? 'sqlite';
    console.log(
      `\nGET /api/articles?pageSize=25 (40 demo articles, ${client}), ${ROUNDS * PER_ROUND} requests each, interleaved`
    );
    console.log(
      `${''.padEnd(24)} ${'mean'.padStart(8)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'p99'.padStart(8)} ${'SQL/req'.padStart(8)}`
    );
    for (const [name, s] of Object.entries(rows)) {
      console.log(
        `${name.padEnd(24)} ${s.mean.toFixed(2).padStart(8)} ${s.p50.toFixed(2).padStart(8)} ${s.p95.toFixed(2).padStart(8)} ${s.p99.toFixed(2).padStart(8)} ${String(s.queries).padStart(8)}`
      );
    }
    const a = rows['with newsroom fields'];
    const b = rows['stock find (no fields)'];
    console.log(
      `ratio with/without: mean ${(a.mean / b.mean).toFixed(2)}x, p50 ${(a.p50 / b.p50).toFixed(2)}x, p95 ${(a.p95 / b.p95).toFixed(2)}x; +${a.queries - b.queries} SQL statements per page of 25 (not per article)`
    );
  } finally {
    await app.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
