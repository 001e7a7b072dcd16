#!/usr/bin/env node
/**
 * `npm run test:browser`: the admin panel as an editor sees it, in Debian's Chromium (`apt-get install
 * chromium`). Builds the admin when dist/build is missing, compiles the server, runs tests/browser.
 * Screenshots land in test-artifacts/.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const run = (command, args) => {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, STRAPI_TELEMETRY_DISABLED: 'true' } });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!fs.existsSync(chromium)) {
  console.error(`[warta] no Chromium at ${chromium}: install Debian's package with "apt-get install chromium"`);
  process.exit(1);
}
if (!fs.existsSync(path.join(root, 'dist', 'build', 'index.html')) || process.argv.includes('--rebuild')) {
  run(bin('strapi'), ['build']);
}
run(bin('tsc'), ['-p', 'tsconfig.json']);
run(bin('jest'), ['-c', 'jest.browser.config.js', '--runInBand', ...process.argv.slice(2).filter((arg) => arg !== '--rebuild')]);
