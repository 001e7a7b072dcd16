/**
 * Running a due schedule job: the same Document Service publish (or unpublish) an editor's button
 * makes, so the publication rules, slugs, datePublished, related news and any cache purge all apply;
 * run "as of" the scheduled time. The worker runs it inside the claim's transaction, so the publish,
 * its execution record and the job's removal commit together: exactly once, also across instances
 * and crashes. A refusal (no category, an embargo moved later) parks the job and is recorded with the
 * newsroom's own message, for the admin home to show.
 */
import type { Core } from '@strapi/strapi';
import { getService } from '../../get-service';
import { errors } from '@strapi/utils';
import { ARTICLE_UID, JOB_KINDS, JOB_TABLES as T } from '../../constants';
import type { Job, JobHandler } from '../jobs';
import { onCurrentTransaction } from '../jobs/store';
import { publishingAsOf } from './as-of';
import type { DraftSchedule } from '.';

export type ScheduleAction = 'publish' | 'unpublish';
export type ExecutionOutcome = 'published' | 'unpublished' | 'skipped' | 'refused' | 'failed';
export type ScheduleTarget = { documentId: string; locale: string };

type Deps = {
  drafts: (documentId: string, locale: string) => Promise<DraftSchedule[]>;
  sync: (documentId: string, locales: string[]) => Promise<void>;
};

const MESSAGE_CHARS = 2000;

export const scheduleKey = (documentId: string, locale: string) => `${documentId}:${locale}`;

const targetOf = (job: Job): ScheduleTarget => ({
  documentId: String(job.payload.documentId),
  locale: String(job.payload.locale),
});

/** Refusals by the newsroom's rules (ValidationError and the like) stay refused until an editor acts. */
const permanent = (error: Error) => error instanceof errors.ApplicationError;
/** Who a scheduled publish or unpublish is by, in revisions and the activity log. */
const SCHEDULER_NAME = 'jadwal terbit';

export function scheduleExecutor(strapi: Core.Strapi, deps: Deps) {
  async function record(
    job: Job,
    action: ScheduleAction,
    outcome: ExecutionOutcome,
    instance: string,
    message?: string
  ) {
    const { documentId, locale } = targetOf(job);
    await onCurrentTransaction(strapi, (db) =>
      db(T.executions).insert({
        document_id: documentId,
        locale,
        action,
        scheduled_ms: job.runAt,
        executed_ms: Date.now(),
        outcome,
        instance,
        requested_by: typeof job.payload.requestedBy === 'string' ? job.payload.requestedBy : null,
        attempt: job.attempts,
        message: message ? message.slice(0, MESSAGE_CHARS) : null,
      })
    );
  }

  /** The job no longer matches the draft (written behind the pipeline's back): the draft's own schedule stands. */
  async function stale(job: Job, action: ScheduleAction, instance: string) {
    const { documentId, locale } = targetOf(job);
    await deps.sync(documentId, [locale]);
    await record(job, action, 'skipped', instance, 'no longer scheduled at this time');
  }

  const handler = (action: ScheduleAction): JobHandler => ({
    mode: 'transaction',
    permanent,
    async run(job, { instance }) {
      const { documentId, locale } = targetOf(job);
      const [draft] = await deps.drafts(documentId, locale);
      const due = draft?.schedule[action === 'publish' ? 'publishAt' : 'unpublishAt'];
      if (!draft || due?.getTime() !== job.runAt) return stale(job, action, instance);
      const documents = strapi.documents(ARTICLE_UID);
      const roles = Array.isArray(job.payload.requestedRoles)
        ? job.payload.requestedRoles.filter((role): role is string => typeof role === 'string')
        : ['system'];
      // Revisions and the activity log name the scheduler; the approval rule sees the scheduler's roles.
      const asScheduler = <T>(work: () => Promise<T>) =>
        getService('workflow-actor', strapi).runAs(SCHEDULER_NAME, work, roles);
      if (action === 'publish') {
        await asScheduler(() => publishingAsOf(new Date(job.runAt), () => documents.publish({ documentId, locale })));
        return record(job, action, 'published', instance);
      }
      const result = await asScheduler(() => documents.unpublish({ documentId, locale }));
      return result.entries.length
        ? record(job, action, 'unpublished', instance)
        : record(job, action, 'skipped', instance, 'was not published');
    },
    async onFailure(job, error, after, { instance }) {
      await record(job, action, permanent(error) ? 'refused' : 'failed', instance, error.message);
      if (after.state === 'parked') {
        strapi.log.error(
          `[newsroom] scheduled ${action} of ${job.key} parked after ${job.attempts} attempt(s): ${error.message}`
        );
      }
    },
  });

  return {
    handlers: { [JOB_KINDS.publish]: handler('publish'), [JOB_KINDS.unpublish]: handler('unpublish') },
  };
}
