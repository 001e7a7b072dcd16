#!/usr/bin/env node
/**
 * `npm run import:wordpress -- --file export.xml [--locale id] [--media-dir ./uploads | --media-from URL]
 *   [--dry-run] [--overwrite] [--permalink '/%year%/%monthnum%/%day%/%postname%/'] [--report out.json]`
 * or `-- --url https://old-site.example --user NAME --app-password 'xxxx xxxx'` for a live site's REST API.
 * Imports a WordPress site into Warta (services/wordpress-import/): idempotent, resumable (run it again
 * after an interruption), a text report on stdout and a JSON one in a file. Exit code 1 when anything failed.
 */
const fs = require('fs');
const path = require('path');
const v8 = require('v8');
const cliProgress = require('cli-progress');
const { compileAndLoad, root } = require('./lib/load-app');

const USAGE = `usage: npm run import:wordpress -- (--file export.xml | --url https://site --user NAME --app-password PASS)
  [--locale id] [--media-dir DIR | --media-from URL] [--dry-run] [--overwrite] [--site KEY]
  [--permalink STRUCTURE]... [--report FILE.json] [--no-progress]`;

function parseArgs(argv) {
  const args = { permalinks: [], progress: process.stderr.isTTY };
  const value = (i) => {
    if (i + 1 >= argv.length || argv[i + 1].startsWith('--')) throw new Error(`${argv[i]} needs a value`);
    return argv[i + 1];
  };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const take = (key) => {
      args[key] = value(i);
      i += 1;
    };
    if (flag === '--file') take('file');
    else if (flag === '--url') take('url');
    else if (flag === '--user') take('user');
    else if (flag === '--app-password') take('appPassword');
    else if (flag === '--locale') take('locale');
    else if (flag === '--media-dir') take('mediaDir');
    else if (flag === '--media-from') take('mediaFrom');
    else if (flag === '--site') take('site');
    else if (flag === '--report') take('report');
    else if (flag === '--permalink') args.permalinks.push(value(i++));
    else if (flag === '--dry-run') args.dryRun = true;
    else if (flag === '--overwrite') args.overwrite = true;
    else if (flag === '--no-progress') args.progress = false;
    else if (flag === '--progress') args.progress = true;
    else throw new Error(`unknown option ${flag}`);
  }
  if (!args.file === !args.url) throw new Error('give either --file or --url');
  if (args.mediaDir && args.mediaFrom) throw new Error('give --media-dir or --media-from, not both');
  if (args.file && !fs.existsSync(args.file)) throw new Error(`no such file: ${args.file}`);
  if (args.mediaDir && !fs.statSync(args.mediaDir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new Error(`no such folder: ${args.mediaDir}`);
  }
  return args;
}

/**
 * V8 lets the heap grow to three or four times what is live before a full collection (live ~110 MB, the
 * heap at ~380 MB after 1,000 posts), and the resident size follows it. With --expose-gc (package.json)
 * the import collects whenever the heap passes a budget a little above what the last collection left
 * (a full collection of ~110 MB takes ~70 ms, every few seconds), so its resident size stays near
 * Strapi's own at any number of posts, and nothing caps it (a hard --max-old-space-size would crash an
 * import whose index of old URLs outgrew it). MALLOC_ARENA_MAX=2 (package.json) keeps glibc from giving
 * each of sharp's threads its own arena; --max-semi-space-size=8 halves the young generation (32 MB
 * reserved, rarely a third of it used): 1,000 posts peaked at 264 MB against 277 MB, in time within the noise;
 * 3,000 posts took 168 s against 156 s in one run each, so it may cost up to a tenth (at 4 MB: a fifth slower).
 */
const HEAP_HEADROOM_BYTES = 24 * 1024 * 1024;
const HEAP_BUDGET_FLOOR_BYTES = 128 * 1024 * 1024;
let heapBudget = HEAP_BUDGET_FLOOR_BYTES;
function keepHeapInBudget() {
  if (typeof global.gc !== 'function' || v8.getHeapStatistics().used_heap_size < heapBudget) return;
  global.gc();
  heapBudget = Math.max(HEAP_BUDGET_FLOOR_BYTES, v8.getHeapStatistics().used_heap_size + HEAP_HEADROOM_BYTES);
}

async function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`[warta] ${error.message}\n${USAGE}`);
    process.exit(2);
  }
  // The import refreshes "Berita Terkait" itself at its end; no periodic reconcile beside it.
  process.env.WARTA_RELATED_RECONCILE_MINUTES = '0';
  // Nothing here serves GraphQL: without its schema and Apollo the process boots 40 MB smaller.
  process.env.WARTA_GRAPHQL = 'false';
  const strapi = await compileAndLoad();
  const dist = (module) => require(path.join(root, 'dist', 'src', 'plugins', 'newsroom', 'server', 'src', module));
  let open;
  let source;
  if (args.file) {
    const { readWxr } = dist('utils/wordpress/wxr');
    source = path.resolve(args.file);
    // 256 KB chunks: each is parsed and its records written before the next is read (bounded memory).
    open = () => readWxr(fs.createReadStream(source, { highWaterMark: 256 * 1024 }));
  } else {
    const { restRecords } = dist('services/wordpress-import/rest-source');
    source = args.url;
    open = () => restRecords({ url: args.url, user: args.user, appPassword: args.appPassword });
  }
  const bars = args.progress
    ? new cliProgress.MultiBar(
        {
          format: '{phase} [{bar}] {value}/{total} | {rate}/s | {duration_formatted}',
          hideCursor: true,
          clearOnComplete: false,
          stream: process.stderr,
        },
        cliProgress.Presets.shades_classic
      )
    : null;
  const byPhase = new Map();
  const startedAt = new Map();
  let lastLog = 0;
  const onProgress = (phase, done, total) => {
    if (done % 10 === 0) keepHeapInBudget();
    if (!startedAt.has(phase)) startedAt.set(phase, Date.now());
    const rate = (done / Math.max(0.001, (Date.now() - startedAt.get(phase)) / 1000)).toFixed(1);
    if (bars) {
      if (!byPhase.has(phase)) byPhase.set(phase, bars.create(total, 0, { phase: phase.padEnd(10), rate }));
      byPhase.get(phase).update(done, { phase: phase.padEnd(10), rate });
    } else if (Date.now() - lastLog > 5000 || done === total) {
      lastLog = Date.now();
      console.error(`[warta] ${phase} ${done}/${total} (${rate}/s)`);
    }
  };
  let report;
  try {
    report = await strapi
      .plugin('newsroom')
      .service('wordpress-import')
      .run({
        open,
        source,
        locale: args.locale,
        site: args.site,
        dryRun: args.dryRun,
        overwrite: args.overwrite,
        mediaDir: args.mediaDir ? path.resolve(args.mediaDir) : null,
        mediaFrom: args.mediaFrom ?? null,
        permalinks: args.permalinks,
        onProgress,
      });
  } finally {
    bars?.stop();
  }
  const { reportText, failed } = dist('services/wordpress-import/report');
  const reportFile = path.resolve(args.report ?? path.join(root, '.tmp', `wordpress-import-${Date.now()}.json`));
  fs.mkdirSync(path.dirname(reportFile), { recursive: true });
  fs.writeFileSync(reportFile, JSON.stringify(report, null, 2));
  console.log(reportText(report));
  console.log(`[warta] JSON report: ${reportFile}`);
  await strapi.destroy();
  process.exit(failed(report) ? 1 : 0);
}

main().catch((error) => {
  console.error(`[warta] import:wordpress failed: ${error.stack || error.message}`);
  process.exit(1);
});
