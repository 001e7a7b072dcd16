/**
 * The tables of "Berita Terkait" (constants RELATED_TABLES) as the phases share them: the stored lists,
 * the published rows the indexer reads, paged scans, and the locales in a fixed order.
 */
import type { Core } from '@strapi/strapi';
import { ARTICLE_UID, RELATED_EXCLUDED_FIELD, RELATED_PINNED_FIELD, RELATED_TABLES as T } from '../../constants';
import type { ListItem } from '../../utils/related/inverted-index';
import { relatedSettings } from '../../utils/related/settings';
import { getService } from '../../get-service';
import { COVER_FIELDS, IMAGE_FIELDS } from '../../utils/content/fields';
import { chunks, json, type IndexedArticleRow } from './rows';
import { newsroomConfig } from '../../config';
import { relatedTag } from '../../utils/cache/tags';

/** Strapi's query builder (knex); a transaction is one too. */
export type Knex = Core.Strapi['db']['connection'];
export type StoredList = { documentId: string; locale: string; items: ListItem[] };
/** A row of the stored lists' table as read: the items (JSON) and when they were computed. */
export type StoredListRow = { items: unknown; computed_ms: unknown };

export const REBUILD_STORE = { type: 'plugin', name: 'newsroom', key: 'related-rebuild' } as const;

const yieldToRequests = () => new Promise((resolve) => setImmediate(resolve));

export function relatedStore(strapi: Core.Strapi) {
  const knex = (): Knex => strapi.db.connection;
  const articleTable = (): string => strapi.db.metadata.get(ARTICLE_UID).tableName;
  const transaction = async <R>(work: (trx: Knex) => Promise<R>): Promise<R> =>
    strapi.db.transaction(({ trx }: { trx: Knex }) => work(trx));

  return {
    knex,
    articleTable,
    transaction,
    yieldToRequests,
    settings: () => relatedSettings(newsroomConfig(strapi).related),
    rebuildCheckpoints: () => strapi.store(REBUILD_STORE),

    /** Content locale codes in a fixed (alphabetical) order: the rebuild's checkpoint relies on it. */
    localeCodes: (): Promise<string[]> => getService('locales', strapi).codes(),

    /** The published rows `where` selects, with what the index and the cards need. */
    async publishedRows(where: Record<string, unknown>, limit?: number): Promise<IndexedArticleRow[]> {
      const rows = await strapi.db.query(ARTICLE_UID).findMany({
        ...(limit ? { limit } : {}),
        where: { publishedAt: { $notNull: true }, ...where },
        select: [
          'id',
          'documentId',
          'locale',
          'title',
          'slug',
          'lead',
          'body',
          'datePublished',
          'publishedAt',
          'timezone',
        ],
        populate: {
          tags: { select: ['documentId'] },
          category: { select: ['documentId'], populate: { parent: { select: ['documentId'] } } },
          cover: {
            select: ['id', 'documentId', ...COVER_FIELDS],
            populate: { image: { select: ['id', 'documentId', ...IMAGE_FIELDS] } },
          },
          [RELATED_PINNED_FIELD]: { select: ['documentId'] },
          [RELATED_EXCLUDED_FIELD]: { select: ['documentId'] },
        },
        orderBy: { id: 'asc' },
      });
      return rows as IndexedArticleRow[];
    },

    /**
     * The stored list, read here or from `known`: the row a caller's own query already joined (the article
     * page reads it with the document's rows, content-rows.documentRows), null when it found none.
     */
    async readList(
      documentId: string,
      locale: string,
      known?: StoredListRow | null
    ): Promise<{ items: ListItem[]; computedMs: number } | null> {
      // A cached page that shows this list is purged when writeLists changes it.
      getService('response-cache', strapi).depend([relatedTag(documentId, locale)]);
      const row =
        known !== undefined
          ? known
          : ((await knex()(T.lists)
              .select('items', 'computed_ms')
              .where({ document_id: documentId, locale })
              .first()) as StoredListRow | undefined);
      return row ? { items: json<ListItem[]>(row.items, []), computedMs: Number(row.computed_ms) } : null;
    },

    /**
     * Upserts the lists. Those whose articles or order changed purge the cached responses that show them,
     * once the caller's transaction commits: the recompute runs after the publish that caused it, so this
     * is how "Berita Terkait" on a cached page follows a publish elsewhere.
     */
    async writeLists(trx: Knex, lists: StoredList[]): Promise<void> {
      const now = Date.now();
      const changed: string[] = [];
      for (const part of chunks(lists, 200)) {
        const before = new Map<string, string>();
        const stored: { document_id: string; locale: string; items: unknown }[] = await trx(T.lists)
          .select('document_id', 'locale', 'items')
          .whereIn(
            'document_id',
            part.map((list) => list.documentId)
          );
        const order = (items: ListItem[]) => items.map((item) => item.documentId).join(' ');
        for (const row of stored)
          before.set(`${row.document_id} ${row.locale}`, order(json<ListItem[]>(row.items, [])));
        for (const list of part)
          if (before.get(`${list.documentId} ${list.locale}`) !== order(list.items))
            changed.push(relatedTag(list.documentId, list.locale));
        const rows = part.map((list) => ({
          document_id: list.documentId,
          locale: list.locale,
          items: JSON.stringify(list.items),
          computed_ms: now,
        }));
        await trx(T.lists).insert(rows).onConflict(['document_id', 'locale']).merge(['items', 'computed_ms']);
      }
      if (changed.length) await getService('response-cache', strapi).purgeAfterCommit(changed);
    },

    /**
     * Every row of a table that `where` selects, in pages by id, letting requests in between pages
     * (SQLite's driver is synchronous: one read of 100,000 rows would hold every request up).
     */
    async allRows<Row extends { id: number | string }>(
      table: string,
      columns: string[],
      where: (query: ReturnType<Knex>) => ReturnType<Knex>,
      pageSize = 5000
    ): Promise<Row[]> {
      const rows: Row[] = [];
      for (let cursor: number | string = 0; ;) {
        const page: Row[] = await where(knex()(table).select(columns))
          .where('id', '>', cursor)
          .orderBy('id')
          .limit(pageSize);
        rows.push(...page);
        if (page.length < pageSize) return rows;
        cursor = page[page.length - 1].id;
        await yieldToRequests();
      }
    },
  };
}

export type RelatedStore = ReturnType<typeof relatedStore>;
