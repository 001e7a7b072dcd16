/** The importer's map table (constants WORDPRESS_MAP_TABLE): what each WordPress thing of a site became. */
import { createHash } from 'crypto';
import type { Core } from '@strapi/strapi';
import { WORDPRESS_MAP_TABLE as TABLE } from '../../constants';

export type MapKind = 'author' | 'category' | 'tag' | 'post' | 'caption' | 'media';
export type MapRow = {
  kind: MapKind;
  wpKey: string;
  locale: string;
  documentId: string;
  sourceHash: string;
  writtenMs: number;
};
type Knex = Core.Strapi['db']['connection'];

export const hashOf = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex');

export function importMap(strapi: Core.Strapi, site: string) {
  const knex = (): Knex => strapi.db.connection;
  const toRow = (row: Record<string, unknown>): MapRow => ({
    kind: row.kind as MapKind,
    wpKey: String(row.wp_key),
    locale: String(row.locale),
    documentId: String(row.document_id),
    sourceHash: String(row.source_hash),
    writtenMs: Number(row.written_ms),
  });
  return {
    /** Every row of one kind and locale (a site has thousands, not millions, of terms; posts are read per batch). */
    async all(kind: MapKind, locale: string): Promise<Map<string, MapRow>> {
      const rows = await knex()(TABLE).where({ site, kind, locale }).select('*');
      return new Map(rows.map((row: Record<string, unknown>) => [String(row.wp_key), toRow(row)]));
    },
    async get(kind: MapKind, wpKey: string, locale: string): Promise<MapRow | null> {
      const row = await knex()(TABLE).where({ site, kind, wp_key: wpKey, locale }).first();
      return row ? toRow(row) : null;
    },
    /** Writes the row inside the caller's transaction when there is one (Strapi's ambient transaction). */
    async put(row: MapRow): Promise<void> {
      const values = {
        site,
        kind: row.kind,
        wp_key: row.wpKey,
        locale: row.locale,
        document_id: row.documentId,
        source_hash: row.sourceHash,
        written_ms: row.writtenMs,
      };
      await strapi.db.transaction(async ({ trx }: { trx: Knex }) => {
        await trx(TABLE)
          .insert(values)
          .onConflict(['site', 'kind', 'wp_key', 'locale'])
          .merge(['document_id', 'source_hash', 'written_ms']);
      });
    },
    async count(): Promise<number> {
      const [row] = (await knex()(TABLE).where({ site }).count({ count: '*' })) as { count: number | string }[];
      return Number(row.count);
    },
  };
}

export type ImportMap = ReturnType<typeof importMap>;
