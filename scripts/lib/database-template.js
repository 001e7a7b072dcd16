/**
 * A booted-once database that test files start from. A boot on an empty database creates some 70 tables
 * with their indexes and foreign keys and writes the roles, permissions and locales; on a database that
 * already has them Strapi finds its stored schema hash unchanged and only checks. Measured here: 10-15 s
 * against 4-6 s per boot. So the test run boots the compiled app once on a fresh database (the template),
 * and each test file gets a copy of it, a database as a restart finds it, with no content.
 *
 * The copy: a file copy on SQLite, `CREATE DATABASE ... TEMPLATE` on PostgreSQL, a replay of the
 * template's `mysqldump` (tables, foreign keys, rows) on MariaDB, which has no template databases.
 */
const { execFileSync, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.join(__dirname, '..', '..');

/** Boots dist/ once on `database` (freshDatabase's result) in a child process, so no module or env stays here. */
function bootOnce(database, env = {}) {
  const { THROWAWAY_SECRETS } = require('./secrets');
  const script = `
    const { createStrapi } = require(${JSON.stringify(path.join(root, 'node_modules', '@strapi', 'strapi'))});
    createStrapi({ appDir: ${JSON.stringify(root)}, distDir: ${JSON.stringify(path.join(root, 'dist'))} })
      .load()
      .then((strapi) => strapi.destroy())
      .then(() => process.exit(0), (error) => { console.error(error); process.exit(1); });`;
  const result = spawnSync(process.execPath, ['-e', script], {
    cwd: root,
    encoding: 'utf8',
    env: {
      ...process.env,
      ...THROWAWAY_SECRETS,
      ...database.env,
      STRAPI_TELEMETRY_DISABLED: 'true',
      STARTUP_MESSAGE: 'false',
      NODE_ENV: process.env.NODE_ENV ?? 'test',
      ...env,
    },
  });
  if (result.status !== 0) {
    throw new Error(`booting the template database failed (exit ${result.status}):\n${result.stderr}${result.stdout}`);
  }
}

/**
 * Creates the template: a fresh database (freshDatabase's `{ info, env, drop }`) booted once. Returns plain
 * data (it crosses from jest's global setup to the test files through an environment variable).
 */
function makeTemplate(database) {
  bootOnce(database);
  const template = { ...database.info };
  if (template.kind === 'mysql') {
    template.dump = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'warta-template-')), 'template.sql');
    const { host, port, user, password, name } = template;
    const dump = execFileSync(
      'mysqldump',
      ['-h', host, '-P', String(port), '-u', user, '--single-transaction', '--skip-triggers', '--no-tablespaces', name],
      { env: { ...process.env, MYSQL_PWD: password }, maxBuffer: 256 * 1024 * 1024 }
    );
    fs.writeFileSync(template.dump, dump);
  }
  return template;
}

/** Fills the just-created database `target` (freshDatabase's info) with a copy of `template`. */
async function copyInto(template, target) {
  if (template.kind === 'sqlite') {
    for (const suffix of ['', '-wal']) {
      const from = path.join(template.dir, `data.db${suffix}`);
      if (fs.existsSync(from)) fs.copyFileSync(from, path.join(target.dir, `data.db${suffix}`));
    }
    return;
  }
  if (template.kind === 'mysql') {
    const { host, port, user, password, name } = target;
    execFileSync('mysql', ['-h', host, '-P', String(port), '-u', user, name], {
      input: fs.readFileSync(template.dump),
      env: { ...process.env, MYSQL_PWD: password },
    });
  }
  // PostgreSQL: the copy was made by CREATE DATABASE ... TEMPLATE (createStatement).
}

/** The CREATE DATABASE statement for PostgreSQL, from the template when there is one. */
function createStatement(name, template) {
  return template?.kind === 'postgres'
    ? `CREATE DATABASE "${name}" TEMPLATE "${template.name}"`
    : `CREATE DATABASE "${name}"`;
}

/** Removes what makeTemplate left beside the database itself (the MariaDB dump). */
function removeTemplateFiles(template) {
  if (template.dump) fs.rmSync(path.dirname(template.dump), { recursive: true, force: true });
}

module.exports = { bootOnce, makeTemplate, copyInto, createStatement, removeTemplateFiles };
