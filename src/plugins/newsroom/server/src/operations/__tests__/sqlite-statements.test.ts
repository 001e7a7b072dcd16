import { keepStatements } from '../sqlite-statements';

/** A connection whose `prepare` makes a new statement object each call and counts the calls. */
function fakeConnection() {
  const prepared: string[] = [];
  return {
    prepared,
    prepare: (sql: string) => {
      prepared.push(sql);
      return { sql, serial: prepared.length };
    },
  };
}

describe('keepStatements', () => {
  test('prepares a text once and hands back the same statement after', () => {
    const connection = keepStatements(fakeConnection(), 10) as ReturnType<typeof fakeConnection>;
    const first = connection.prepare('select 1');
    expect(connection.prepare('select 1')).toBe(first);
    expect(connection.prepare('select 2')).not.toBe(first);
    expect(connection.prepared).toEqual(['select 1', 'select 2']);
  });

  test('drops the least recently used text beyond its limit', () => {
    const connection = keepStatements(fakeConnection(), 2) as ReturnType<typeof fakeConnection>;
    connection.prepare('a');
    connection.prepare('b');
    connection.prepare('a'); // a is now the most recent
    connection.prepare('c'); // drops b
    connection.prepare('a');
    connection.prepare('b');
    expect(connection.prepared).toEqual(['a', 'b', 'c', 'b']);
  });

  test('wraps a connection once, however often it is handed over', () => {
    const raw = fakeConnection();
    keepStatements(raw, 10);
    const wrapped = raw.prepare;
    expect(keepStatements(raw, 10).prepare).toBe(wrapped);
    raw.prepare('x');
    raw.prepare('x');
    expect(raw.prepared).toEqual(['x']);
  });
});
