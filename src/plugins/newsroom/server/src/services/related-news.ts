import type { Core } from '@strapi/strapi';
import { ARTICLE_UID, RELATED_LIST_UID, RELATED_MAX_LIMIT } from '../constants';
import { blocksToText } from '../utils/blocks';
import { DEFAULT_RELATED_WEIGHTS, idfFrom, rankRelated, termsOf, vectorOf, type RelatedDoc, type Vector } from '../utils/related-scoring';

type StoredItem = { documentId: string; score: number };
type QueuedJob = { documentId: string; locale: string; neighbours: boolean };
// Only this process's own pending work, so that it can be coalesced and awaited; the lists live in the database.
const queue = new Map<string, QueuedJob>();
let worker: Promise<void> | null = null;
const DAY = 86_400_000;

/** What a related card needs; everything else stays out of the response. */
const CARD_FIELDS = ['title', 'slug', 'lead', 'datePublished', 'locale'];
const CARD_POPULATE = {
  cover: {
    fields: ['caption', 'credit', 'creditLabel', 'altText'],
    populate: { image: { fields: ['url', 'alternativeText', 'width', 'height', 'formats'] } },
  },
};

/**
 * "Berita Terkait": lists are computed after an article is published (and for its neighbours), stored
 * in the database keyed by documentId and locale so every instance shares them, and read back with a
 * published-only fetch, so an unpublished or deleted article vanishes from every list at once.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async storedList(documentId: string, locale: string) {
    return strapi.db.query(RELATED_LIST_UID).findOne({ where: { articleDocumentId: documentId, articleLocale: locale } });
  },

  async isPublished(documentId: string, locale: string): Promise<boolean> {
    const count = await strapi.db.query(ARTICLE_UID).count({ where: { documentId, locale, publishedAt: { $notNull: true } } });
    return count > 0;
  },

  /** Recomputes one article's list from the published articles of its locale; removes it if the article is not live. */
  async recompute(documentId: string, locale: string): Promise<StoredItem[] | null> {
    const load = (where: Record<string, unknown>) =>
      strapi.db.query(ARTICLE_UID).findMany({
        where: { locale, publishedAt: { $notNull: true }, ...where },
        select: ['documentId', 'title', 'lead', 'body', 'datePublished', 'publishedAt'],
        populate: { tags: { select: ['documentId'] }, category: { select: ['documentId'], populate: { parent: { select: ['documentId'] } } } },
      });
    const [source] = await load({ documentId });
    if (!source) {
      await strapi.db.query(RELATED_LIST_UID).deleteMany({ where: { articleDocumentId: documentId, articleLocale: locale } });
      return null;
    }
    const sourceDate = new Date(source.datePublished ?? source.publishedAt).getTime();
    const now = Date.now();
    const candidates = await load({
      documentId: { $ne: documentId },
      datePublished: { $gte: new Date(sourceDate - DEFAULT_RELATED_WEIGHTS.maxAgeDays * DAY), $lte: new Date(now) },
    });

    const toDoc = (row: any): RelatedDoc & { vector?: Vector } => ({
      key: row.documentId,
      categoryId: row.category?.documentId ?? null,
      categoryParentId: row.category?.parent?.documentId ?? null,
      tags: (row.tags ?? []).map((tag: any) => tag.documentId),
      terms: termsOf({ title: row.title, lead: row.lead, body: blocksToText(row.body) }, locale),
      publishedAt: new Date(row.datePublished ?? row.publishedAt).getTime(),
    });
    const docs = [toDoc(source), ...candidates.map(toDoc)];
    const df = new Map<string, number>();
    for (const doc of docs) for (const term of doc.terms.keys()) df.set(term, (df.get(term) ?? 0) + 1);
    const idf = idfFrom(df, docs.length);
    const withVectors = docs.map((doc) => ({ ...doc, vector: vectorOf(doc.terms, idf) }));
    const items: StoredItem[] = rankRelated(withVectors[0], withVectors.slice(1), RELATED_MAX_LIMIT).map((entry) => ({
      documentId: entry.doc.key,
      score: Math.round(entry.score * 1000) / 1000,
    }));

    const existing = await this.storedList(documentId, locale);
    const data = { articleDocumentId: documentId, articleLocale: locale, items, computedAt: new Date() };
    if (existing) await strapi.db.query(RELATED_LIST_UID).update({ where: { id: existing.id }, data });
    else await strapi.db.query(RELATED_LIST_UID).create({ data });
    return items;
  },

  /**
   * The article's list, then its neighbours' lists, off the request path. Jobs go through one queue per
   * process that coalesces duplicates, so a bulk import does not recompute the same list again and again.
   */
  schedule(documentId: string, locale: string, { neighbours = true }: { neighbours?: boolean } = {}): void {
    const key = `${documentId}\u0000${locale}`;
    const queued = queue.get(key);
    queue.set(key, { documentId, locale, neighbours: neighbours || (queued?.neighbours ?? false) });
    if (!worker) {
      worker = new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => this.drain())
        .finally(() => {
          worker = null;
        });
    }
  },

  async drain(): Promise<void> {
    while (queue.size > 0) {
      const [key, job] = queue.entries().next().value as [string, QueuedJob];
      queue.delete(key);
      try {
        const items = await this.recompute(job.documentId, job.locale);
        if (job.neighbours) for (const item of items ?? []) this.schedule(item.documentId, job.locale, { neighbours: false });
      } catch (error) {
        strapi.log.error(`[newsroom] related news for ${job.documentId}/${job.locale} failed: ${(error as Error).message}`);
      }
    }
  },

  /** Resolves when this process has no recomputation left (scripts and tests wait on it). */
  async idle(): Promise<void> {
    while (worker) await worker;
  },

  /**
   * Public read: published related articles of a published article, in stored order. Returns null when
   * the article is not published in that locale.
   */
  async find(documentId: string, locale: string, limit: number, { cards = true }: { cards?: boolean } = {}) {
    let list = await this.storedList(documentId, locale);
    if (!list) {
      if (!(await this.isPublished(documentId, locale))) return null;
      await this.recompute(documentId, locale);
      list = await this.storedList(documentId, locale);
      if (!list) return null;
    }
    const ids: string[] = (list.items ?? []).map((item: StoredItem) => item.documentId);
    if (ids.length === 0) return { articles: [], computedAt: list.computedAt };
    // Published only, this locale only: whatever was unpublished or deleted since is simply not found.
    const rows = await strapi.documents(ARTICLE_UID).findMany({
      filters: { documentId: { $in: ids } },
      locale,
      status: 'published',
      // GraphQL resolves the fields it is asked for itself: it gets whole rows, REST gets cards.
      ...(cards ? { fields: CARD_FIELDS, populate: CARD_POPULATE } : {}),
    } as any);
    const byId = new Map(rows.map((row: any) => [row.documentId, row]));
    const articles = ids.map((id) => byId.get(id)).filter(Boolean).slice(0, limit);
    return { articles, computedAt: list.computedAt };
  },
});
