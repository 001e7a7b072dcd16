/**
 * The redirects store (content type api::redirect.redirect, one table shared by every instance, edited in
 * the admin): old paths and where they lead now. A redirect to an article names the document, not its
 * URL, so it follows later slug changes and never points at an unpublished article (resolve answers
 * null then, and the reader sees the 404 the article's absence deserves).
 */
import { createId } from '@paralleldrive/cuid2';
import type { Core } from '@strapi/strapi';
import { ARTICLE_UID, REDIRECT_UID } from '../constants';
import { writeTags } from '../utils/cache/tags';
import { getService } from '../get-service';
import { articlePath } from '../utils/reader/urls';
import { normalizePath } from '../utils/wordpress/permalinks';

export type RedirectTarget = { targetDocumentId: string; targetLocale: string };
export type RedirectEntry = RedirectTarget & { fromPath: string; origin: 'wordpress' | 'slug-change' | 'manual' };
export type Resolved = { from: string; to: string; status: 301 | 302 };
type Row = {
  fromPath: string;
  targetDocumentId?: string | null;
  targetLocale?: string | null;
  toPath?: string | null;
  kind?: string;
};

/** Paths looked up per query when storing many at once. */
const LOOKUP_BATCH = 200;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const redirects = () => strapi.db.query(REDIRECT_UID);

  /** What the cache-purge middleware would purge for redirects written through the Document Service. */
  const purge = (documentIds: string[]) =>
    getService('response-cache', strapi).purgeAfterCommit([
      ...new Set(documentIds.flatMap((documentId) => writeTags({ type: 'redirect', documentId, locales: [] }))),
    ]);

  async function publishedSlug(documentId: string, locale: string): Promise<string | null> {
    const row = (await strapi.db.query(ARTICLE_UID).findOne({
      where: { documentId, locale, publishedAt: { $notNull: true } },
      select: ['slug'],
    })) as { slug?: string } | null;
    return row?.slug ?? null;
  }

  return {
    /** Where `path` leads now, or null (no redirect, or its article is not published in that locale). */
    async resolve(path: string): Promise<Resolved | null> {
      const from = normalizePath(path);
      if (!from) return null;
      const row = (await redirects().findOne({
        where: { fromPath: from },
        select: ['fromPath', 'targetDocumentId', 'targetLocale', 'toPath', 'kind'],
      })) as Row | null;
      if (!row) return null;
      let to: string | null = null;
      if (row.targetDocumentId && row.targetLocale) {
        const slug = await publishedSlug(row.targetDocumentId, row.targetLocale);
        to = slug ? articlePath(row.targetLocale, slug) : null;
      } else if (row.toPath) to = row.toPath;
      // A redirect to itself would loop the reader's browser.
      if (!to || normalizePath(to) === from) return null;
      return { from, to, status: row.kind === 'temporary' ? 302 : 301 };
    },

    /**
     * Stores redirects, each path once: a path already stored is pointed at the new target (a re-import,
     * a slug changed back and forth), never duplicated. Returns how many were created and repointed.
     */
    async upsert(entries: RedirectEntry[]): Promise<{ created: number; updated: number }> {
      const byPath = new Map<string, RedirectEntry>();
      for (const entry of entries) {
        const fromPath = normalizePath(entry.fromPath);
        if (fromPath && fromPath !== '/') byPath.set(fromPath, { ...entry, fromPath });
      }
      let created = 0;
      let updated = 0;
      const paths = [...byPath.keys()];
      for (let start = 0; start < paths.length; start += LOOKUP_BATCH) {
        const part = paths.slice(start, start + LOOKUP_BATCH);
        const existing = (await redirects().findMany({
          where: { fromPath: { $in: part } },
          select: ['documentId', 'fromPath', 'targetDocumentId', 'targetLocale', 'toPath'],
        })) as (Row & { documentId: string })[];
        const found = new Map(existing.map((row) => [row.fromPath, row]));
        // New paths in one insert (an import stores a few per post, tens of thousands in all): nothing but
        // the cache purge below acts on a redirect's write, and the lookup above keeps each path once.
        // The query engine stamps createdAt, updatedAt and publishedAt as the Document Service would.
        const fresh = part
          .filter((fromPath) => !found.has(fromPath))
          .map((fromPath) => {
            const entry = byPath.get(fromPath) as RedirectEntry;
            return {
              documentId: createId(),
              fromPath,
              targetDocumentId: entry.targetDocumentId,
              targetLocale: entry.targetLocale,
              toPath: null,
              kind: 'permanent',
              origin: entry.origin,
            };
          });
        if (fresh.length) {
          await redirects().createMany({ data: fresh });
          created += fresh.length;
          await purge(fresh.map((row) => row.documentId));
        }
        for (const fromPath of part) {
          const entry = byPath.get(fromPath) as RedirectEntry;
          const row = found.get(fromPath);
          const data = {
            fromPath,
            targetDocumentId: entry.targetDocumentId,
            targetLocale: entry.targetLocale,
            toPath: null as unknown as undefined,
            origin: entry.origin,
          };
          if (!row) continue;
          if (
            row.targetDocumentId !== entry.targetDocumentId ||
            row.targetLocale !== entry.targetLocale ||
            row.toPath
          ) {
            await strapi.documents(REDIRECT_UID).update({ documentId: row.documentId, data });
            updated += 1;
          }
        }
      }
      return { created, updated };
    },

    /** The paths that lead to a document, for reports and tests. */
    async pathsTo(documentId: string): Promise<string[]> {
      const rows = (await redirects().findMany({
        where: { targetDocumentId: documentId },
        select: ['fromPath'],
      })) as Row[];
      return rows.map((row) => row.fromPath).sort();
    },

    publishedSlug,
  };
};
