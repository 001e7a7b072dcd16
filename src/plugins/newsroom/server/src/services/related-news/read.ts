/**
 * The public read: two statements when the list is stored and its cards are current (the list, and
 * which of its articles are published in this locale right now, with the card indexed at their last
 * publish), so an unpublished or deleted article vanishes from every list at once.
 */
import { listTag } from '../../utils/cache/tags';
import type { Core } from '@strapi/strapi';
import { ARTICLE_UID, RELATED_TABLES as T } from '../../constants';
import { CARD_FIELDS, CARD_POPULATE, cardOf, json, ms, type Card } from './rows';
import type { RelatedIndexer } from './indexer';
import type { RelatedQueue } from './queue';
import type { RelatedStore, StoredListRow } from './store';
import { getService } from '../../get-service';
import { editorialConfig } from '../../config';

type Live = Map<string, { current: boolean; card: string | null; sponsored: boolean }>;
type LiveRow = {
  document_id: string;
  published_at: unknown;
  version: unknown;
  card: string | null;
  sponsored_label: string | null;
};
type PublishedArticle = { documentId: string; id: number } & Record<string, unknown>;

/** `pinned`: the documentIds among `articles` the editor pinned (automatic Baca Juga skips them). */
export type RelatedResult<A> = { articles: A[]; computedAt: string; pinned: string[] };

export function relatedReader(strapi: Core.Strapi, store: RelatedStore, indexer: RelatedIndexer, queue: RelatedQueue) {
  const { knex, articleTable } = store;

  /** Which of these are published in this locale right now, with the card indexed at their last publish. */
  async function live(ids: string[], locale: string): Promise<Live> {
    // A cached page depends on each of them, shown or not: one published again reappears in the list.
    getService('response-cache', strapi).depend(ids, listTag('article'));
    const rows: LiveRow[] = await knex()({ a: articleTable() })
      .leftJoin({ f: T.features }, (join) =>
        join.on('f.document_id', '=', 'a.document_id').andOn('f.locale', '=', 'a.locale')
      )
      .select('a.document_id', 'a.published_at', 'f.version', 'f.card', 'a.sponsored_label')
      .where('a.locale', locale)
      .whereNotNull('a.published_at')
      .whereIn('a.document_id', ids);
    return new Map(
      rows.map((row) => [
        row.document_id,
        {
          current: row.card !== null && Number(row.version) === ms(row.published_at),
          card: row.card,
          sponsored: Boolean(row.sponsored_label),
        },
      ])
    );
  }

  const publishedArticles = async (
    ids: string[],
    locale: string,
    query: Record<string, unknown> = {}
  ): Promise<PublishedArticle[]> =>
    ids.length
      ? ((await strapi.documents(ARTICLE_UID).findMany({
          filters: { documentId: { $in: ids } },
          locale,
          status: 'published',
          ...query,
        })) as PublishedArticle[])
      : [];

  /**
   * The published related articles of a published article, in stored order, as cards (REST) or whole
   * published rows (`cards: false`, for GraphQL). Null when the article is not published in that locale.
   */
  async function find(
    documentId: string,
    locale: string,
    limit: number,
    options?: { stored?: StoredListRow | null }
  ): Promise<RelatedResult<Card> | null>;
  async function find(
    documentId: string,
    locale: string,
    limit: number,
    options: { cards: false; stored?: StoredListRow | null }
  ): Promise<RelatedResult<PublishedArticle> | null>;
  /** `stored`: the list's row when the caller's own query read it (null: it has none); else it is read here. */
  async function find(
    documentId: string,
    locale: string,
    limit: number,
    { cards = true, stored }: { cards?: boolean; stored?: StoredListRow | null } = {}
  ) {
    let list = await store.readList(documentId, locale, stored);
    if (!list) {
      if ((await live([documentId], locale)).size === 0) return null;
      // The publish that made this article live has queued the same work; when the two meet (a conflict on
      // PostgreSQL or MariaDB), the page is served without its list rather than failing, and the job fills it.
      const items = await indexer.recompute(documentId, locale).catch((error: Error) => {
        strapi.log.warn(
          `[newsroom] "Berita Terkait" of ${documentId} (${locale}) not computed on read: ${error.message}`
        );
        return [] as Awaited<ReturnType<RelatedIndexer['recompute']>>;
      });
      if (!items) return null;
      list = { items, computedMs: Date.now() };
    }
    // Published only, this locale only, checked now: whatever was unpublished or deleted since is dropped.
    const published = await live([documentId, ...list.items.map((item) => item.documentId)], locale);
    if (!published.has(documentId)) return null;
    // Sponsored stories and ordinary ones are never each other's related news (editorial.separateSponsored),
    // checked against the labels as published now.
    const separate = editorialConfig(strapi).separateSponsored;
    const sponsored = published.get(documentId)!.sponsored;
    const items = list.items
      .filter((item) => published.has(item.documentId))
      .filter((item) => !separate || published.get(item.documentId)!.sponsored === sponsored)
      .slice(0, limit);
    const computedAt = new Date(list.computedMs).toISOString();
    const pinned = items.filter((item) => item.pinned).map((item) => item.documentId);
    if (!cards) {
      const rows = await publishedArticles(
        items.map((item) => item.documentId),
        locale
      );
      const byId = new Map(rows.map((row) => [row.documentId, row]));
      const articles = items
        .map((item) => byId.get(item.documentId))
        .filter((row): row is PublishedArticle => Boolean(row));
      return { articles, computedAt, pinned };
    }
    // An article published again a moment ago may not be re-indexed yet: its card is read afresh.
    const stale = items.filter((item) => !published.get(item.documentId)!.current).map((item) => item.documentId);
    const fresh = new Map<string, Card>();
    if (stale.length) {
      const rows = await publishedArticles(stale, locale, { fields: CARD_FIELDS, populate: CARD_POPULATE });
      for (const row of rows) fresh.set(row.documentId, cardOf(row));
      // Not awaited: the reader gets the fresh cards now; the index catches up in the background.
      queue
        .scheduleMany(
          stale.map((id) => ({ documentId: id, locale })),
          { neighbours: false, reindex: true }
        )
        .catch((error: Error) => strapi.log.warn(`[newsroom] "Berita Terkait" re-index not queued: ${error.message}`));
    }
    const articles = items
      .map((item) => fresh.get(item.documentId) ?? json<Card | null>(published.get(item.documentId)!.card, null))
      .filter((card): card is Card => Boolean(card));
    return { articles, computedAt, pinned };
  }

  return { find };
}
