/** SQL statements an in-process piece of work causes, counted on Strapi's knex connection. */
const { f, msSince, now } = require('./figures');

/**
 * Runs `work` and counts the SQL statements (knex 'query' events) it causes, keeping each one's offset
 * from the start and its SQL for `trace` lines (BENCH_TRACE=1, or a read costing more than expected).
 */
async function counting(strapi, work) {
  let statements = 0;
  const trace = [];
  const started = now();
  const onQuery = (query) => {
    statements += 1;
    trace.push(`+${f(msSince(started), 1)} ms ${String(query.sql).replace(/\s+/g, ' ').slice(0, 160)}`);
  };
  strapi.db.connection.on('query', onQuery);
  try {
    const result = await work();
    return { result, statements, trace };
  } finally {
    strapi.db.connection.off('query', onQuery);
  }
}

const showTrace = (log, label, measured, force = false) => {
  if (force || process.env.BENCH_TRACE === '1')
    log(`trace ${label}: ${measured.statements} statements\n    ${measured.trace.join('\n    ')}`);
};

module.exports = { counting, showTrace };
