/** A row of Strapi's core store (`strapi_core_store_settings`), as its query engine returns it. */
export type StoreRow = { key: string; value: string | null; type: string | null };

/**
 * The value `strapi.store(...).get` returns for a row, decoded the way Strapi's core store does: JSON for
 * objects, arrays, booleans and strings (a date when that fails), a number for numbers, else null.
 */
export function storeValue(row: StoreRow): unknown {
  const { value, type } = row;
  if (value === null) return null;
  if (type === 'object' || type === 'array' || type === 'boolean' || type === 'string') {
    try {
      return JSON.parse(value);
    } catch {
      return new Date(value);
    }
  }
  if (type === 'number') return Number(value);
  return null;
}
