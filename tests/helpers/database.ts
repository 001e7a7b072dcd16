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
 * A fresh, empty database for one test file: a temp SQLite file, or a throw-away PostgreSQL/MariaDB
 * database created on the server given by DATABASE_HOST/PORT/USERNAME/PASSWORD and dropped afterwards.
 */
export function createTestDatabase(): Promise<TestDatabase> {
  return lib.freshDatabase({ prefix: 'warta_test' });
}
