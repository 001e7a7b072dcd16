import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ARTICLE_UID } from '../constants';
import { getService } from '../get-service';
import type { DraftSchedule } from '../services/schedule';
import { scheduleMessages } from '../utils/messages';
import { zoneOf } from '../utils/schedule/labels';
import {
  checkSchedule,
  embargoRefusal,
  EMPTY_SCHEDULE,
  touchesSchedule,
  type ScheduleProblem,
} from '../utils/schedule/rules';

/** What this middleware reads of an article write's parameters and result. */
type WriteParams = { documentId?: string; locale?: unknown; data?: Record<string, unknown> };
type Written = { documentId?: string; locale?: string; entries?: { locale?: string }[] } | null | undefined;

/** The actions after which a document's schedule jobs are brought in line with its drafts. */
const LIFECYCLE = new Set(['publish', 'unpublish', 'delete', 'discardDraft']);
/** An admin request carries the editor's CASL ability (Strapi's admin auth puts it on ctx.state). */
type AdminState = { userAbility?: { can: (action: string, subject: string) => boolean } };

const PUBLISH_PERMISSION = 'plugin::content-manager.explorer.publish';

function refuse(problems: ScheduleProblem[]): never {
  throw new errors.ValidationError(problems[0].message, {
    errors: problems.map((problem) => ({ path: [problem.path], message: problem.message, name: 'ValidationError' })),
  });
}

/**
 * "Terbitkan pada", "Tarik pada" and "Embargo hingga", per article and locale:
 * - a create or update that sets or moves a schedule is checked first (not in the past, the unpublish
 *   after the publish, the publish not before the embargo, a well-formed instant with its zone), and
 *   refused with a 400 before anything is written;
 * - setting a publish or unpublish time is publishing at that time: in the admin it needs the publish
 *   permission, or an Author could get a story out through the scheduler;
 * - a publish of a locale still under embargo is refused, whoever asks: the admin, REST, GraphQL, an
 *   import, the scheduler. Only the Document Service publishes, so holding here holds everywhere;
 * - after every write that changes what a locale's draft says (a saved schedule, a publish that
 *   consumes "Terbitkan pada", an unpublish that consumes "Tarik pada", a delete, a discarded draft),
 *   the durable jobs are made to match it in the same transaction: a schedule changed or cleared before
 *   it fires is replaced, an article deleted or published by hand before its time is not published again.
 */
const articleScheduleMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (context.uid !== ARTICLE_UID) return next();
    const params = (context.params ?? {}) as WriteParams;
    const schedule = getService('schedule', strapi);
    const { action } = context;

    if (action === 'create' || action === 'update') {
      const data = params.data ?? {};
      const scheduled = touchesSchedule(data);
      // An update is synced even when it carries no schedule: a publish the rules refused (parked) is
      // tried again once an editor saves the article, perhaps with what it lacked.
      if (!scheduled && action === 'create') return next();
      const locale = await getService('locales', strapi).orDefault(params.locale as string | undefined);
      if (scheduled) {
        const [stored] =
          action === 'update' && params.documentId ? await schedule.drafts(params.documentId, locale) : [];
        const zone = zoneOf(data.timezone ?? stored?.timezone);
        const checked = checkSchedule(data, stored?.schedule ?? EMPTY_SCHEDULE, new Date(), zone);
        if (checked.problems.length) refuse(checked.problems);
        if (checked.changed.some((field) => field !== 'embargoUntil') && !mayPublish(strapi)) {
          const field = checked.changed.find((name) => name !== 'embargoUntil')!;
          refuse([{ path: field, message: scheduleMessages.publishNeedsPermission }]);
        }
      }
      return strapi.db.transaction(async () => {
        const saved = await next();
        const documentId = params.documentId ?? (saved as Written)?.documentId;
        if (documentId) await schedule.sync(documentId, [locale]);
        return saved;
      });
    }

    if (!params.documentId || !LIFECYCLE.has(action)) return next();
    const documentId = params.documentId;

    if (action === 'publish') {
      const now = new Date();
      const drafts = await schedule.drafts(documentId, params.locale);
      for (const draft of drafts) {
        const refusal = embargoRefusal(draft.schedule.embargoUntil, now, zoneOf(draft.timezone));
        if (refusal) refuse([{ path: 'embargoUntil', message: refusal }]);
      }
      return strapi.db.transaction(async () => {
        // Published now, by hand or by the scheduler: the publish it was waiting for has happened, and the
        // published copy made from the draft must not carry it.
        await clear(strapi, drafts, 'publishAt');
        const result = await next();
        // The drafts as read above with "Terbitkan pada" cleared: a publish changes nothing else of them.
        const cleared = drafts.map((draft) => ({ ...draft, schedule: { ...draft.schedule, publishAt: null } }));
        await schedule.sync(
          documentId,
          drafts.map((draft) => draft.locale),
          cleared
        );
        return result;
      });
    }

    return strapi.db.transaction(async () => {
      // Unpublished now: a pending "Tarik pada" has nothing left to take down.
      if (action === 'unpublish') await clear(strapi, await schedule.drafts(documentId, params.locale), 'unpublishAt');
      const result = await next();
      await schedule.sync(documentId, await getService('locales', strapi).touchedBy(params.locale, result as Written));
      return result;
    });
  };

/** Clears a consumed schedule field on the draft rows that carry it (inside the action's transaction). */
async function clear(strapi: Core.Strapi, drafts: DraftSchedule[], field: 'publishAt' | 'unpublishAt') {
  const ids = drafts.filter((draft) => draft.schedule[field]).map((draft) => draft.id);
  if (ids.length)
    await strapi.db.query(ARTICLE_UID).updateMany({ where: { id: { $in: ids } }, data: { [field]: null } });
}

/** Outside the admin (REST, GraphQL, scripts) whoever may write may publish; in the admin it is a permission. */
function mayPublish(strapi: Core.Strapi): boolean {
  const state = strapi.requestContext.get()?.state as AdminState | undefined;
  return !state?.userAbility || state.userAbility.can(PUBLISH_PERMISSION, ARTICLE_UID);
}

export default articleScheduleMiddleware;
