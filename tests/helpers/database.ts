// The fresh-database code lives once, in scripts/lib/database.js (the benches use it too); this gives it types.
const lib = require('../../scripts/lib/database');

export type DatabaseKind = 'sqlite' | 'postgres' | 'mysql';

export type TestDatabase = {
  kind: DatabaseKind;
  env: Record<string, string>;
  drop: () => Promise<void>;
};

export function databaseKind(): DatabaseKind {
  return lib.databaseKind();
}

/**
 * A fresh database for one test file: a temp SQLite file, or a throw-away PostgreSQL/MariaDB database
 * created on the server given by DATABASE_HOST/PORT/USERNAME/PASSWORD and dropped afterwards. It is a
 * copy of the run's template (tests/helpers/global-setup.js) when there is one: the schema, roles and
 * locales of a first boot, no content.
 */
export function createTestDatabase(): Promise<TestDatabase> {
  const template = process.env.WARTA_TEST_DATABASE_TEMPLATE;
  return lib.freshDatabase({ prefix: 'warta_test', template: template ? JSON.parse(template) : undefined });
}
