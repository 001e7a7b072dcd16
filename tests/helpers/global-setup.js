/**
 * Jest global setup of the integration and browser suites: the template database every test file's
 * database is copied from (scripts/lib/database-template.js says why). The test files read it from
 * WARTA_TEST_DATABASE_TEMPLATE (runInBand shares this process; workers inherit the environment).
 */
const { freshDatabase } = require('../../scripts/lib/database');
const { makeTemplate } = require('../../scripts/lib/database-template');

module.exports = async function createTemplateDatabase() {
  const started = Date.now();
  const database = await freshDatabase({ prefix: 'warta_template' });
  try {
    process.env.WARTA_TEST_DATABASE_TEMPLATE = JSON.stringify(makeTemplate(database));
  } catch (error) {
    await database.drop();
    throw error;
  }
  console.log(`\n[warta] template database (${database.kind}) booted in ${Date.now() - started} ms`);
};
