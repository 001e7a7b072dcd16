import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ARTICLE_UID, WORKFLOW_TABLES } from '../../constants';
import { workflowConfig } from '../../config';
import { formatTime, isZoneLabel, localParts } from '../../utils/format/dates';
import { workflowMessages } from '../../utils/messages';
import type { Principal } from '../../utils/workflow/principal';
import { getService } from '../../get-service';
import { onTable } from './tables';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const createHttpError = require('http-errors') as (status: number, message: string, props?: object) => Error;

type LockRow = {
  document_id: string;
  locale: string;
  holder_id: number;
  holder_name: string;
  taken_ms: number | string;
  expires_ms: number | string;
  previous_holder_id: number | null;
  api_changed_ms: number | string | null;
  api_changed_by: string | null;
};
export type LockHolder = { id: number; name: string };

const iso = (ms: number | string | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

/**
 * Edit locks, one row per article locale in the database, so they hold across instances: taken when
 * the edit view opens, renewed by its heartbeat, free once `lockTtlSeconds` pass without one, released
 * on leaving. Taking and renewing are single conditional statements, so two instances racing for the
 * same lock cannot both win.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const table = () => strapi.db.getConnection(WORKFLOW_TABLES.locks);
  const ttlMs = () => workflowConfig(strapi).lockTtlSeconds * 1000;
  const current = async (documentId: string, locale: string): Promise<LockRow | null> =>
    ((await onTable(strapi, WORKFLOW_TABLES.locks, (query) =>
      query.where({ document_id: documentId, locale }).first()
    )) as LockRow | undefined) ?? null;
  const live = (row: LockRow | null, now = Date.now()) => (row && Number(row.expires_ms) > now ? row : null);

  /** "10:05 WIB" in the article's own zone. */
  const sinceLabel = async (row: LockRow) => {
    const article = await strapi.db
      .query(ARTICLE_UID)
      .findOne({ where: { documentId: row.document_id, locale: row.locale }, select: ['timezone'] });
    const zone = isZoneLabel(article?.timezone) ? article.timezone : 'WIB';
    return formatTime(localParts(new Date(Number(row.taken_ms)), zone, row.locale));
  };

  const describe = async (row: LockRow | null, me: LockHolder | null) => {
    if (!row) return { locked: false, mine: false, holder: null, since: null, sinceLabel: null, apiChangedAt: null };
    return {
      locked: true,
      mine: me !== null && row.holder_id === me.id,
      holder: { id: row.holder_id, name: row.holder_name },
      since: iso(row.taken_ms),
      sinceLabel: await sinceLabel(row),
      expiresAt: iso(row.expires_ms),
      apiChangedAt: iso(row.api_changed_ms),
      apiChangedBy: row.api_changed_by,
    };
  };

  const conflict = async (row: LockRow) => {
    const since = await sinceLabel(row);
    return createHttpError(409, workflowMessages.lockedBy(row.holder_name, since), {
      details: { holder: { id: row.holder_id, name: row.holder_name }, since: iso(row.taken_ms), sinceLabel: since },
    });
  };

  return {
    async status(documentId: string, locale: string, me: LockHolder | null) {
      return describe(live(await current(documentId, locale)), me);
    },

    /**
     * Takes the lock for `me`; someone else's live lock is a 409 unless `takeOver`, which moves it to `me`
     * and leaves the previous holder a mark their next heartbeat reads.
     */
    async take(documentId: string, locale: string, me: LockHolder, { takeOver = false } = {}) {
      const draft = await getService('workflow', strapi).draftOf(documentId, locale);
      if (!draft) throw new errors.NotFoundError(workflowMessages.documentNotFound(documentId, locale));
      const now = Date.now();
      const fresh = {
        holder_id: me.id,
        holder_name: me.name.slice(0, 255),
        taken_ms: now,
        expires_ms: now + ttlMs(),
        previous_holder_id: null,
        api_changed_ms: null,
        api_changed_by: null,
      };
      const inserted = await table()
        .insert({ document_id: documentId, locale, ...fresh })
        .then(() => true)
        .catch(() => false);
      if (!inserted) {
        // Mine already, or expired: renew in place (one statement, so a racing instance cannot also win).
        const renewed = await table()
          .where({ document_id: documentId, locale })
          .andWhere((where) => where.where('holder_id', me.id).orWhere('expires_ms', '<=', now))
          .update({ ...fresh, taken_ms: now });
        if (!renewed) {
          const holder = live(await current(documentId, locale));
          if (holder && !takeOver) throw await conflict(holder);
          await table()
            .where({ document_id: documentId, locale })
            .update({ ...fresh, previous_holder_id: holder?.holder_id ?? null });
          if (holder) {
            await getService('activity-log', strapi).record({
              documentId,
              locale,
              action: 'takeover',
              note: `Diambil alih dari ${holder.holder_name}`,
              actor: { kind: 'admin', id: me.id, name: me.name, roles: [] },
            });
          }
        }
      }
      return describe(await current(documentId, locale), me);
    },

    /** Renews `me`'s lock; when it is gone or someone took it over, says who holds it now instead. */
    async heartbeat(documentId: string, locale: string, me: LockHolder) {
      const now = Date.now();
      const renewed = await table()
        .where({ document_id: documentId, locale, holder_id: me.id })
        .update({ expires_ms: now + ttlMs() });
      const row = await current(documentId, locale);
      const state = await describe(live(row, now), me);
      return { ...state, held: renewed > 0, takenOver: !renewed && row !== null && row.previous_holder_id === me.id };
    },

    async release(documentId: string, locale: string, me: LockHolder) {
      await table().where({ document_id: documentId, locale, holder_id: me.id }).delete();
      return { released: true };
    },

    /** A save by an admin who does not hold the live lock is refused (409). No lock, or an expired one, lets it through. */
    async assertMaySave(documentId: string, locale: string, principal: Principal) {
      const holder = live(await current(documentId, locale));
      if (holder && holder.holder_id !== principal.id) throw await conflict(holder);
    },

    /** An API or system write under someone's lock: not blocked, but the holder's next heartbeat shows it. */
    async noteApiChange(documentId: string, locale: string, principal: Principal) {
      await onTable(strapi, WORKFLOW_TABLES.locks, (query) =>
        query
          .where({ document_id: documentId, locale })
          .andWhere('expires_ms', '>', Date.now())
          .update({ api_changed_ms: Date.now(), api_changed_by: principal.name.slice(0, 255) })
      );
    },
  };
};
