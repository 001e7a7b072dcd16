import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { getService } from '../get-service';
import { requestMessages } from '../utils/messages';
import { jobIdParams, jobsQuery, validateQuery } from '../validation';
import type { Job } from '../services/jobs';

const validQuery = validateQuery(jobsQuery);
const validParams = validateQuery(jobIdParams);

/** What an administrator sees of a job: what, for which key, when, how often it failed and why. */
const view = (job: Job) => ({
  id: job.id,
  kind: job.kind,
  key: job.key,
  state: job.state,
  runAt: new Date(job.runAt).toISOString(),
  attempts: job.attempts,
  lastError: job.lastError,
  lockedBy: job.lockedBy,
});

/** Admin: the durable job queue, and putting a parked job back. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    const { state } = validQuery(ctx.query);
    ctx.body = { data: (await getService('jobs', strapi).list({ state }, 200)).map(view) };
  },
  async retry(ctx: Context) {
    const { id } = validParams(ctx.params);
    if (!(await getService('jobs', strapi).retry(id))) throw new errors.NotFoundError(requestMessages.jobNotParked(id));
    ctx.body = { data: { id, state: 'pending' } };
  },
});
