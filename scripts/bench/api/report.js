/** What bench:api prints: one markdown table, each cell set against stock Strapi and the bare server. */
const os = require('os');
const path = require('path');
const { root } = require('../../lib/compile');
const { f, int } = require('../lib/figures');

/** 2.25x, 0.79x, and the few thousandths a Node server on top of a database is of a bare one: 0.0041x. */
const ratio = (value, base) => {
  if (!value || !base) return '—';
  const r = value / base;
  return `${r >= 0.1 ? f(r) : r.toPrecision(2)}x`;
};

/**
 * `cells`: `{ endpoint, mode, env, connections, rps, p50, p99, non2xx, errors }`. "vs stock" and "vs bare"
 * divide requests per second by those of the stock and bare cells of the same endpoint and connections.
 */
function printTable({ options, load, cells, startedAt, endpoints }) {
  const find = (endpoint, mode, connections) =>
    cells.find((cell) => cell.endpoint === endpoint && cell.mode === mode && cell.connections === connections);
  const lines = [
    '',
    '## bench:api',
    '',
    `- command: \`${['node', path.relative(root, process.argv[1]), ...process.argv.slice(2)].join(' ')}\``,
    `- machine: ${os.cpus().length} x ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}; \`strapi start\` (NODE_ENV=production) and autocannon each in a process of its own`,
    `- data: ${options.db}, ${int(options.articles)} generated articles (two locales; ${int(load.total)} published in id) with authors, a category, tags and a cover; related lists rebuilt`,
    `- ${options.duration} s per cell in ${options.bursts} bursts, the modes taking turns (p50/p99: median of the bursts'), started ${startedAt.toISOString()}; page endpoints read \`${load.slug}\` (${load.sample.authors} authors, ${load.sample.tags} tags, ${load.sample.related} related)`,
    '',
  ];
  for (const [key, endpoint] of Object.entries(endpoints)) lines.push(`- ${key}: \`${endpoint.path}\``);
  lines.push(
    "- stock page: Strapi's own find by slug with the populate the page needs (no computed fields, no related, no JSON-LD)",
    '',
    '| endpoint | mode | env | conns | req/s | p50 ms | p99 ms | vs stock | vs bare | non-2xx / errors |',
    '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |'
  );
  for (const key of Object.keys(endpoints)) {
    for (const connections of options.connections) {
      const stock = find(key, 'stock', connections);
      const bare = find(key, 'bare', connections);
      for (const cell of cells.filter((c) => c.endpoint === key && c.connections === connections)) {
        if (cell.error) {
          lines.push(
            `| ${key} | ${cell.mode} | ${cell.env} | ${connections} | FAILED: ${cell.error.slice(0, 100)} | | | | | |`
          );
          continue;
        }
        lines.push(
          `| ${key} | ${cell.mode} | ${cell.env} | ${connections} | ${int(cell.rps)} | ${f(cell.p50, 1)} | ${f(cell.p99, 1)} | ${cell.mode === 'stock' ? '1.00x' : ratio(cell.rps, stock?.rps)} | ${ratio(cell.rps, bare?.rps)} | ${cell.non2xx} / ${cell.errors} |`
        );
      }
    }
  }
  lines.push(
    '',
    "Modes: stock = the same app with NEWSROOM_COMPUTED_FIELDS=false (Strapi's own find, where there is an equivalent); " +
      'uncached = Warta with WARTA_CACHE=off; memory and redis = Warta with its response cache in process or in Redis ' +
      '(after the warm-up every request is a hit); bare = a Node http server returning the bytes Warta returned.'
  );
  console.log(lines.join('\n'));
}

module.exports = { printTable };
