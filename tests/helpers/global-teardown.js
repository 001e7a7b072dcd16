/** Drops the template database of global-setup.js. */
const { dropDatabase } = require('../../scripts/lib/database');
const { removeTemplateFiles } = require('../../scripts/lib/database-template');

module.exports = async function dropTemplateDatabase() {
  const template = process.env.WARTA_TEST_DATABASE_TEMPLATE;
  if (!template) return;
  const info = JSON.parse(template);
  await dropDatabase(info);
  removeTemplateFiles(info);
  delete process.env.WARTA_TEST_DATABASE_TEMPLATE;
};
