/**
 * Takedowns ("Dicabut"): an editor withdraws a published article locale with a public reason. Different
 * from unpublishing (a 404 with no trace): the article is unpublished through the Document Service, so the
 * whole write pipeline runs (the response cache and the CDN are purged, "Berita Terkait" re-indexed; lists,
 * feeds, sitemaps and Baca Juga drop it because they read published rows only), and a row in
 * TAKEDOWN_TABLE keeps what the 410 page at its URL shows: the title, the instant and the reason.
 */
import { listTag } from '../utils/cache/tags';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ARTICLE_UID, TAKEDOWN_REASON_MAX, TAKEDOWN_TABLE } from '../constants';
import { getService } from '../get-service';
import { editorialMessages as M } from '../utils/messages';
import { newsroomConfig } from '../config';
import { parseArticleRef } from '../utils/editorial/notices';

export type Takedown = {
  documentId: string;
  locale: string;
  slug: string;
  title: string;
  reason: string;
  withdrawnAt: string;
  withdrawnBy: string | null;
};
type TakedownRow = {
  document_id: string;
  locale: string;
  slug: string;
  title: string;
  reason: string;
  withdrawn_ms: number | string;
  withdrawn_by: string | null;
};
/** `documentId`, or `article`: its reader URL or warta://article/<documentId>, as an editor copies it. */
export type WithdrawInput = { documentId?: unknown; article?: unknown; locale?: unknown; reason?: unknown };

const toTakedown = (row: TakedownRow): Takedown => ({
  documentId: row.document_id,
  locale: row.locale,
  slug: row.slug,
  title: row.title,
  reason: row.reason,
  withdrawnAt: new Date(Number(row.withdrawn_ms)).toISOString(),
  withdrawnBy: row.withdrawn_by ?? null,
});

const invalid = (path: string, message: string) =>
  new errors.ValidationError(message, { errors: [{ path: [path], message, name: 'ValidationError' }] });

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const table = () => strapi.db.connection(TAKEDOWN_TABLE);

  return {
    /**
     * Withdraws one published locale. Checked first (a reason, a published row), then in one transaction:
     * the record, and the unpublish. A refused takedown leaves the article as it was.
     */
    async withdraw(input: unknown, by: string | null = null): Promise<Takedown> {
      if (!input || typeof input !== 'object' || Array.isArray(input)) throw invalid('data', M.takedownBody);
      const { article, reason } = input as WithdrawInput;
      const ref = parseArticleRef(article, newsroomConfig(strapi).siteUrl);
      const locale = (input as WithdrawInput).locale ?? (ref && 'locale' in ref ? ref.locale : undefined);
      const code = typeof locale === 'string' && locale ? locale : await getService('locales', strapi).defaultCode();
      let documentId = (input as WithdrawInput).documentId ?? (ref && 'documentId' in ref ? ref.documentId : undefined);
      if (!documentId && ref && 'slug' in ref) {
        const bySlug = (await strapi.db.query(ARTICLE_UID).findOne({
          where: { slug: ref.slug, locale: code, publishedAt: { $notNull: true } },
          select: ['documentId'],
        })) as { documentId: string } | null;
        if (!bySlug) throw new errors.NotFoundError(M.takedownNotPublished(ref.slug, code));
        documentId = bySlug.documentId;
      }
      if (typeof documentId !== 'string' || !documentId) throw invalid('documentId', M.takedownBody);
      const text = typeof reason === 'string' ? reason.trim() : '';
      if (!text) throw invalid('reason', M.takedownReasonRequired);
      if (text.length > TAKEDOWN_REASON_MAX) throw invalid('reason', M.takedownReasonTooLong(TAKEDOWN_REASON_MAX));
      const live = (await strapi.db.query(ARTICLE_UID).findOne({
        where: { documentId, locale: code, publishedAt: { $notNull: true } },
        select: ['title', 'slug'],
      })) as { title: string; slug: string } | null;
      if (!live) throw new errors.NotFoundError(M.takedownNotPublished(documentId, code));

      const row: TakedownRow = {
        document_id: documentId,
        locale: code,
        slug: live.slug,
        title: live.title.slice(0, 255),
        reason: text,
        withdrawn_ms: Date.now(),
        withdrawn_by: by ? by.slice(0, 100) : null,
      };
      await strapi.db.transaction(async ({ trx }) => {
        await strapi.db
          .connection(TAKEDOWN_TABLE)
          .transacting(trx)
          .where({ document_id: documentId, locale: code })
          .del();
        await strapi.db.connection(TAKEDOWN_TABLE).transacting(trx).insert(row);
        await strapi.documents(ARTICLE_UID).unpublish({ documentId, locale: code });
      });
      return toTakedown(row);
    },

    /** The takedown at a slug's old URL, or null. A cached 410 goes when the document is published again. */
    async ofSlug(slug: string, locale: string): Promise<Takedown | null> {
      const row = (await table().where({ slug, locale }).orderBy('withdrawn_ms', 'desc').first()) as
        TakedownRow | undefined;
      if (!row) return null;
      getService('response-cache', strapi).depend([row.document_id], listTag('article'));
      return toTakedown(row);
    },

    async list(locale?: string): Promise<Takedown[]> {
      const query = table().select('*').orderBy('withdrawn_ms', 'desc').limit(200);
      if (locale) query.where({ locale });
      return ((await query) as TakedownRow[]).map(toTakedown);
    },

    /** Publishing the article again reinstates it: its takedown record goes (called by the publish middleware). */
    async reinstate(documentId: string, locales: string[] | null): Promise<void> {
      // Inside the publish's own transaction: on SQLite a second connection would wait for it forever.
      await strapi.db.transaction(async ({ trx }) => {
        const query = strapi.db.connection(TAKEDOWN_TABLE).transacting(trx).where({ document_id: documentId });
        if (locales) query.whereIn('locale', locales);
        await query.del();
      });
    },
  };
};
