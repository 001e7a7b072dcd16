import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { getService } from '../get-service';
import { workflowMessages } from '../utils/messages';
import {
  activityQuery,
  articleLocaleQuery,
  assignBody,
  compareQuery,
  lockBody,
  restoreBody,
  revisionId,
  transitionBody,
  validateQuery,
} from '../validation';

const check = {
  articleLocale: validateQuery(articleLocaleQuery),
  transition: validateQuery(transitionBody),
  assign: validateQuery(assignBody),
  lock: validateQuery(lockBody),
  id: validateQuery(revisionId),
  compare: validateQuery(compareQuery),
  restore: validateQuery(restoreBody),
  activity: validateQuery(activityQuery),
};

/** Admin: stages, revisions, the activity log and edit locks of articles (the edit view's panel and the log page). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const me = () => {
    const principal = getService('workflow-actor', strapi).principal();
    return { principal, holder: { id: principal.id ?? 0, name: principal.name } };
  };
  return {
    async state(ctx: Context) {
      const { documentId, locale } = check.articleLocale(ctx.query);
      ctx.body = { data: await getService('workflow', strapi).state(documentId, locale, me().principal) };
    },
    async stages(ctx: Context) {
      ctx.body = { data: getService('workflow', strapi).stages() };
    },
    async transition(ctx: Context) {
      const { documentId, locale, to, note } = check.transition(ctx.request.body);
      await getService('workflow', strapi).transition(documentId, locale, to, note ?? null);
      ctx.body = { data: await getService('workflow', strapi).state(documentId, locale, me().principal) };
    },
    async assign(ctx: Context) {
      const { documentId, locale, assigneeId } = check.assign(ctx.request.body);
      await getService('workflow', strapi).assign(documentId, locale, assigneeId);
      ctx.body = { data: await getService('workflow', strapi).state(documentId, locale, me().principal) };
    },
    async revisions(ctx: Context) {
      const { documentId, locale } = check.articleLocale(ctx.query);
      ctx.body = { data: await getService('revisions', strapi).list(documentId, locale) };
    },
    async revision(ctx: Context) {
      ctx.body = { data: await getService('revisions', strapi).show(check.id(ctx.params.id)) };
    },
    async compare(ctx: Context) {
      const { from, to } = check.compare(ctx.query);
      ctx.body = { data: await getService('revisions', strapi).compare(from, to) };
    },
    async restore(ctx: Context) {
      const { documentId, locale } = check.restore(ctx.request.body);
      const draft = await getService('revisions', strapi).restore(check.id(ctx.params.id), documentId, locale);
      ctx.body = { data: { documentId: draft.documentId, locale: (draft as { locale?: string }).locale ?? locale } };
    },
    async activity(ctx: Context) {
      const { page, pageSize, format, since, until, ...rest } = check.activity(ctx.query);
      // The log of one article is its edit view's; the whole log is for who holds "Activity log" (Settings → Roles).
      const ability = (ctx.state as { userAbility?: { can(action: string): boolean } }).userAbility;
      if (!rest.documentId && !ability?.can('plugin::newsroom.settings.activity-log')) {
        throw new errors.ForbiddenError(workflowMessages.wholeLogForbidden);
      }
      const filters = { ...rest, since: since?.getTime(), until: until?.getTime() };
      const log = getService('activity-log', strapi);
      if (format === 'csv') {
        ctx.set('Content-Type', 'text/csv; charset=utf-8');
        ctx.set('Content-Disposition', 'attachment; filename="warta-log-aktivitas.csv"');
        ctx.body = await log.csv(filters);
        return;
      }
      ctx.body = await log.list(filters, page, pageSize);
    },
    async lockStatus(ctx: Context) {
      const { documentId, locale } = check.articleLocale(ctx.query);
      ctx.body = { data: await getService('edit-locks', strapi).status(documentId, locale, me().holder) };
    },
    async lockTake(ctx: Context) {
      const { documentId, locale, takeOver } = check.lock(ctx.request.body);
      ctx.body = { data: await getService('edit-locks', strapi).take(documentId, locale, me().holder, { takeOver }) };
    },
    async lockHeartbeat(ctx: Context) {
      const { documentId, locale } = check.lock(ctx.request.body);
      ctx.body = { data: await getService('edit-locks', strapi).heartbeat(documentId, locale, me().holder) };
    },
    async lockRelease(ctx: Context) {
      const { documentId, locale } = check.articleLocale(ctx.query);
      ctx.body = { data: await getService('edit-locks', strapi).release(documentId, locale, me().holder) };
    },
  };
};
