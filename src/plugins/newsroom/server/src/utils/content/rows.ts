/**
 * Rows read as joins (services/content-rows.ts) turned into the shapes Strapi's query engine returns:
 * a joined record's columns come back side by side under a prefix (`override.mode`) and are nested again
 * here, values converted as Strapi converts them, so what is computed from them cannot tell the difference.
 */
export type RawRow = Record<string, unknown>;

/** Strapi's JSON field as read (`fromDB`): a string is parsed (twice, for values 5.0 RCs stringified twice). */
export function jsonValue(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'string' ? JSON.parse(parsed) : parsed;
  } catch {
    return value;
  }
}

/** Strapi's datetime as read: an ISO string, or null for what is no date. */
export function isoValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const date = value instanceof Date ? value : new Date(value as string | number);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The columns of a record joined under `prefix`, as that record; null when the join found none (no id). */
export function nested<T extends object>(row: RawRow, prefix: string, names: readonly string[]): T | null {
  if (row[`${prefix}id`] === null || row[`${prefix}id`] === undefined) return null;
  return Object.fromEntries(names.map((name) => [name, row[`${prefix}${name}`] ?? null])) as T;
}

/** One row per id, the first one read: a to-one link stored twice must not repeat an article. */
export function firstPerId<R extends { id: number }>(rows: R[]): R[] {
  const seen = new Set<number>();
  return rows.filter((row) => !seen.has(row.id) && Boolean(seen.add(row.id)));
}

/** Rows grouped by a key, each group in the order read. */
export function groupBy<R, K>(rows: R[], keyOf: (row: R) => K): Map<K, R[]> {
  const groups = new Map<K, R[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

/** Whole ids only, each once: what an `IN (...)` of a batch is given. */
export function uniqueIds(ids: unknown[]): number[] {
  return [...new Set(ids.filter((id): id is number => Number.isInteger(id)))];
}
