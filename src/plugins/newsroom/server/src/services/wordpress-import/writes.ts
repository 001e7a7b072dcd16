/**
 * One write of the importer: a document created or updated through the Document Service (so slugs,
 * publication rules and every other middleware apply) together with its map row, in one transaction.
 * A kill at any point leaves either both or neither; the re-run then finds the row, or writes again.
 */
import type { Core, UID } from '@strapi/strapi';
import { hashOf, type ImportMap, type MapKind } from './map';
import type { Outcome } from './report';
import { VALID_SLUG } from './source-index';
import { isWriteConflict } from '../../utils/operations/database-errors';
import { WORDPRESS_CONFLICT_RETRIES } from '../../constants';

export type WriteContext = { strapi: Core.Strapi; map: ImportMap; locale: string; dryRun: boolean; overwrite: boolean };
export type Written = { documentId: string | null; outcome: Outcome };
type Row = { documentId: string; updatedAt?: string | Date; publishedAt?: string | Date | null; slug?: string };

/** Editors' saves within this long after the import's own write are the import's (Strapi stamps updatedAt twice on a publish). */
const OWN_WRITE_SLACK_MS = 2000;

/** The WordPress slug when Warta accepts it and no other document of the locale has it; else none (the slugs middleware makes one). */
export async function freeSlug(
  ctx: WriteContext,
  uid: UID.ContentType,
  slug: string,
  documentId: string | null
): Promise<string | undefined> {
  if (!VALID_SLUG.test(slug) || slug.length > 180) return undefined;
  const where: Record<string, unknown> = { slug, locale: ctx.locale };
  if (documentId) where.documentId = { $ne: documentId };
  const taken = await ctx.strapi.db.query(uid).count({ where });
  return taken ? undefined : slug;
}

export async function upsertDocument(
  ctx: WriteContext,
  kind: MapKind,
  uid: UID.ContentType,
  wpKey: string,
  source: unknown,
  build: (documentId: string | null, prepared: Record<string, unknown>) => Promise<Record<string, unknown>>,
  options: {
    publish?: boolean;
    draftAndPublish?: boolean;
    /** Work outside the transaction (uploads: SQLite has one connection, and a file is no row to roll back). */
    prepare?: () => Promise<Record<string, unknown>>;
    after?: (documentId: string) => Promise<void>;
  } = {}
): Promise<Written> {
  const { strapi, map, locale } = ctx;
  const sourceHash = hashOf(source);
  const row = await map.get(kind, wpKey, locale);
  let existing: Row | null = null;
  if (row) {
    existing = (await strapi.db.query(uid).findOne({
      where: { documentId: row.documentId, locale, ...(options.draftAndPublish ? { publishedAt: null } : {}) },
      select: ['documentId', 'updatedAt'],
    })) as Row | null;
  }
  if (row && existing && row.sourceHash === sourceHash && !ctx.overwrite)
    return { documentId: row.documentId, outcome: 'unchanged' };
  if (
    existing &&
    row &&
    !ctx.overwrite &&
    new Date(existing.updatedAt ?? 0).getTime() > row.writtenMs + OWN_WRITE_SLACK_MS
  ) {
    return { documentId: row.documentId, outcome: 'kept' };
  }
  const outcome: Outcome = existing ? 'updated' : 'created';
  if (ctx.dryRun) return { documentId: existing?.documentId ?? null, outcome };

  const prepared = (await options.prepare?.()) ?? {};
  const documentId = await retriedOnConflict(() =>
    strapi.db.transaction(async ({ trx }: { trx: { raw: (sql: string) => Promise<unknown> } }) => {
      // The server acknowledges the commit before its WAL reaches the disk: a crash of the database
      // server (not of the importer) can lose the last few posts whole, document and map row together,
      // and the re-run writes them again. Only the import's own transactions; 8% faster at 2,000 posts.
      if (strapi.db.dialect.client === 'postgres') await trx.raw('SET LOCAL synchronous_commit TO OFF');
      const data = await build(existing?.documentId ?? null, prepared);
      const status = options.publish ? { status: 'published' as const } : {};
      const documents = strapi.documents(uid) as unknown as {
        create: (params: object) => Promise<Row>;
        update: (params: object) => Promise<Row>;
        unpublish: (params: object) => Promise<unknown>;
      };
      const written = existing
        ? await documents.update({ documentId: existing.documentId, locale, data, ...status })
        : await documents.create({ locale, data, ...status });
      const live = async () =>
        (await strapi.db
          .query(uid)
          .count({ where: { documentId: written.documentId, locale, publishedAt: { $notNull: true } } })) > 0;
      if (existing && options.draftAndPublish && !options.publish && (await live())) {
        // Unpublished in WordPress since the last run: unpublished here too.
        await documents.unpublish({ documentId: written.documentId, locale });
      }
      await options.after?.(written.documentId);
      const stamped = (await strapi.db.query(uid).findOne({
        where: { documentId: written.documentId, locale, ...(options.draftAndPublish ? { publishedAt: null } : {}) },
        select: ['updatedAt'],
      })) as Row | null;
      await map.put({
        kind,
        wpKey,
        locale,
        documentId: written.documentId,
        sourceHash,
        writtenMs: new Date(stamped?.updatedAt ?? Date.now()).getTime(),
      });
      return written.documentId;
    })
  );
  return { documentId, outcome };
}

/**
 * Posts written at once (post-pool.ts) may still meet on rows they share, such as a tag's or an author's
 * link rows; the server then rolls one of them back whole, and it is written again.
 */
async function retriedOnConflict<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= WORDPRESS_CONFLICT_RETRIES || !isWriteConflict(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25 * 2 ** attempt + Math.random() * 25));
    }
  }
}
