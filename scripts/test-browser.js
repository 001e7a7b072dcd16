#!/usr/bin/env node
/**
 * `npm run test:browser`: the admin panel as an editor sees it, in Debian's Chromium (`apt-get install
 * chromium`). Builds the admin when dist/build is missing, compiles the server, runs tests/browser.
 * Screenshots land in test-artifacts/.
 */
const fs = require('fs');
const path = require('path');
const { bin, compile, root, run: runIn } = require('./lib/compile');

const run = (command, args) => runIn(command, args, { STRAPI_TELEMETRY_DISABLED: 'true' });

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!fs.existsSync(chromium)) {
  console.error(`[warta] no Chromium at ${chromium}: install Debian's package with "apt-get install chromium"`);
  process.exit(1);
}
if (!fs.existsSync(path.join(root, 'dist', 'build', 'index.html')) || process.argv.includes('--rebuild')) {
  run(bin('strapi'), ['build']);
}
compile();
run(bin('jest'), [
  '-c',
  'jest.browser.config.js',
  '--runInBand',
  ...process.argv.slice(2).filter((arg) => arg !== '--rebuild'),
]);
