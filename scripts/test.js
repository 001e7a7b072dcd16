#!/usr/bin/env node
/**
 * `npm test`: compile the server (integration tests boot dist/, and a stale dist/ silently tests
 * old code), then run the unit and integration suites. Extra arguments go to jest.
 */
const { spawnSync } = require('child_process');
const path = require('path');

const root = path.join(__dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const run = (command, args, env = {}) => {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

console.log(`[warta] database for integration tests: ${process.env.DATABASE_CLIENT ?? 'sqlite'}`);
run(bin('tsc'), ['-p', 'tsconfig.json']);
run(bin('jest'), ['--runInBand', ...process.argv.slice(2)], { STRAPI_TELEMETRY_DISABLED: 'true' });
