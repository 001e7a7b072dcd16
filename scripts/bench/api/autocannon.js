/**
 * One cell of bench:api: autocannon in a process of its own (the server under test keeps the other core),
 * against one URL for `seconds` with `connections` kept-alive connections, read back from its JSON.
 */
const { spawn } = require('child_process');
const path = require('path');
const { root } = require('../../lib/compile');

const AUTOCANNON = path.join(root, 'node_modules', 'autocannon', 'autocannon.js');

/** `{ rps, p50, p99, requests, seconds, non2xx, errors }`: mean requests per second, latency percentiles in ms. */
function autocannon(url, { connections, seconds }) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [AUTOCANNON, '--json', '--no-progress', '-c', String(connections), '-d', String(seconds), url],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] }
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-2000)));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}: ${stderr.trim()}`));
      try {
        const result = JSON.parse(stdout);
        resolve({
          rps: result.requests.average,
          p50: result.latency.p50,
          p99: result.latency.p99,
          requests: result.requests.total,
          seconds: result.duration,
          non2xx: result.non2xx,
          errors: result.errors + result.timeouts,
        });
      } catch (error) {
        reject(new Error(`autocannon printed no JSON (${error.message}): ${stdout.slice(0, 300)} ${stderr.trim()}`));
      }
    });
  });
}

module.exports = { autocannon, AUTOCANNON };
