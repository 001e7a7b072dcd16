import type { Core, Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ARTICLE_UID, ASSIGNEE_FIELD, STAGE_FIELD } from '../constants';
import { workflowConfig } from '../config';
import { getService } from '../get-service';
import { currentIntent } from '../services/workflow/actor';
import { workflowMessages } from '../utils/messages';
import {
  initialStage,
  publishVerdict,
  stageLabel,
  transitionVerdict,
  type WorkflowSettings,
} from '../utils/workflow/rules';
import type { Principal } from '../utils/workflow/principal';
import { affectedLocales } from './locales-of';

type SaveParams = { documentId?: string; locale?: string; data?: Record<string, unknown>; status?: string };
type Saved = { id: number; documentId: string; locale?: string } | null;

function refuse(settings: WorkflowSettings, verdict: { code: string; stage?: string }, from: string): never {
  const to = verdict.stage ?? '';
  const message =
    verdict.code === 'unknown-stage'
      ? workflowMessages.unknownStage(
          to,
          settings.stages.map((stage) => stage.id)
        )
      : verdict.code === 'note-required'
        ? workflowMessages.noteRequired(stageLabel(settings, to))
        : workflowMessages.transitionNotAllowed(stageLabel(settings, from), stageLabel(settings, to));
  throw new errors.ValidationError(message, {
    errors: [{ path: [STAGE_FIELD], message, name: 'ValidationError' }],
  });
}

/**
 * The editorial workflow on every write path (admin, REST, GraphQL, scripts, jobs): a stage changes only
 * along a transition the writer's role may take (a return needs a note), an article locale is published
 * only from the approval stage by roles that need approval, and each stage change, publish, unpublish
 * and delete is in the activity log, written in the same transaction as the change.
 */
const editorialWorkflowMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (context.uid !== ARTICLE_UID) return next();
    const { action } = context;
    if (!['create', 'update', 'publish', 'unpublish', 'discardDraft', 'delete'].includes(action)) return next();

    const settings = workflowConfig(strapi).rules;
    const principal: Principal = getService('workflow-actor', strapi).principal();
    const log = getService('activity-log', strapi);
    const params = (context.params ?? {}) as SaveParams;

    if (action === 'create' || action === 'update') {
      const data = { ...(params.data ?? {}) };
      // The content manager's form sends every field it loaded, and its copy of the stage and assignee is
      // stale as soon as the Redaksi panel moved them: its saves never change either (the panel's routes do).
      const request = strapi.requestContext.get() as { request?: { path?: string } } | undefined;
      if (principal.kind === 'admin' && request?.request?.path?.startsWith('/content-manager/')) {
        delete data[STAGE_FIELD];
        delete data[ASSIGNEE_FIELD];
      }
      const asked = data[STAGE_FIELD];
      return strapi.db.transaction(async () => {
        let from = initialStage(settings);
        if (action === 'update' && params.documentId) {
          const locale = params.locale ?? (await getService('locales', strapi).defaultCode());
          const draft = await getService('workflow', strapi).draftStageOf(params.documentId, locale);
          from = draft?.[STAGE_FIELD] ?? from;
        }
        let change: { from: string; to: string; name: string } | null = null;
        if (asked === undefined || asked === null) {
          // Every new article locale starts in the first stage, whatever the writer sent.
          if (action === 'create') data[STAGE_FIELD] = from;
        } else if (asked !== from || action === 'create') {
          const note = currentIntent().note ?? null;
          const verdict = transitionVerdict(settings, from, asked, principal.roles, note);
          if (!verdict.allowed) refuse(settings, verdict, from);
          if (asked !== from) change = { from, to: asked as string, name: verdict.transition?.name ?? 'move' };
        }
        (context as { params: unknown }).params = { ...params, data };
        const saved = (await next()) as Saved;
        if (change && saved) {
          await log.record({
            documentId: saved.documentId,
            locale: saved.locale ?? params.locale ?? '',
            action: change.name,
            fromStage: change.from,
            toStage: change.to,
            note: currentIntent().note ?? null,
            actor: principal,
          });
        }
        return saved;
      });
    }

    const documentId = (params as { documentId?: string }).documentId;
    if (!documentId) return next();
    return strapi.db.transaction(async () => {
      const locales = await affectedLocales(strapi, documentId, (params as { locale?: unknown }).locale);
      const skipped = new Map<string, string>();
      if (action === 'publish') {
        for (const locale of locales) {
          const draft = await getService('workflow', strapi).draftStageOf(documentId, locale);
          if (!draft) continue;
          const stage = draft[STAGE_FIELD] ?? initialStage(settings);
          const verdict = publishVerdict(settings, stage, principal.roles);
          if (!verdict.allowed) {
            const message = workflowMessages.needsApproval(
              stageLabel(settings, verdict.stage),
              stageLabel(settings, settings.publishStage)
            );
            throw new errors.ValidationError(message, {
              errors: [{ path: [STAGE_FIELD], message, name: 'ValidationError' }],
            });
          }
          // What is live has been approved: a publish by a role that skips approval (a super admin, a seed,
          // an importer) moves the locale to the approval stage, so a later re-publish by an editor needs none.
          if (stage !== settings.publishStage) {
            // updateMany: one statement, where update reads the row before and after.
            await strapi.db
              .query(ARTICLE_UID)
              .updateMany({ where: { id: draft.id }, data: { [STAGE_FIELD]: settings.publishStage } });
            skipped.set(locale, stage);
          }
        }
      }
      const result = await next();
      for (const locale of locales) {
        const from = skipped.get(locale);
        await log.record({
          documentId,
          locale,
          action,
          fromStage: from ?? null,
          toStage: from ? settings.publishStage : null,
          note: currentIntent().note ?? null,
          actor: principal,
        });
      }
      return result;
    });
  };

export default editorialWorkflowMiddleware;
