#!/usr/bin/env node
/**
 * `npm test`: compile the server (integration tests boot dist/, and a stale dist/ silently tests
 * old code), then run the unit and integration suites. Extra arguments go to jest.
 */
const { bin, compile, run } = require('./lib/compile');

console.log(`[warta] database for integration tests: ${process.env.DATABASE_CLIENT ?? 'sqlite'}`);
compile();
run(bin('jest'), ['--runInBand', ...process.argv.slice(2)], { STRAPI_TELEMETRY_DISABLED: 'true' });
