#!/usr/bin/env node
/**
 * `npm run develop`: a newcomer's first command. Writes a .env if there is none, then runs
 * `strapi develop` (SQLite by default) and imports the demo content when the database is empty.
 */
const { spawn } = require('child_process');
const { bin, root } = require('./lib/compile');
const { ensureEnv } = require('./lib/secrets');

ensureEnv();
const child = spawn(bin('strapi'), ['develop', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { STRAPI_TELEMETRY_DISABLED: 'true', WARTA_SEED_IF_EMPTY: 'true', ...process.env },
});
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
