/**
 * Timing and the figures the benches print: percentiles, summaries, number and duration formats, and a
 * progress line on stderr.
 */
const now = () => process.hrtime.bigint();
const msSince = (start) => Number(process.hrtime.bigint() - start) / 1e6;

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1],
    min: sorted[0],
    mean: sorted.reduce((a, b) => a + b, 0) / sorted.length,
  };
}

const f = (value, digits = 2) =>
  value === undefined || value === null || Number.isNaN(value) ? '-' : Number(value).toFixed(digits);
const duration = (ms) =>
  ms >= 60_000 ? `${Math.floor(ms / 60_000)} min ${Math.floor((ms % 60_000) / 1000)} s` : `${(ms / 1000).toFixed(1)} s`;
const int = (n) => Math.round(n).toLocaleString('en-US');

// A progress line on stderr: rewritten in place on a terminal, one line every 10 s in a log file.
let lastProgressAt = 0;
const progress = (line) => {
  const tty = process.stderr.isTTY;
  if (Date.now() - lastProgressAt < (tty ? 500 : 10_000)) return;
  lastProgressAt = Date.now();
  process.stderr.write(tty ? `\r${line}\x1b[K` : `${line}\n`);
};
const progressEnd = (line) => process.stderr.write(process.stderr.isTTY ? `\r${line}\x1b[K\n` : `${line}\n`);

module.exports = { now, msSince, percentile, stats, f, duration, int, progress, progressEnd };
