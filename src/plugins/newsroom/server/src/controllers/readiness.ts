import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../get-service';
import { readinessStatus } from '../utils/operations/readiness';

/** `GET /_ready`: a load balancer's readiness probe. Strapi's `GET /_health` says only that the process runs. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async show(ctx: Context) {
    const report = await getService('readiness', strapi).check();
    ctx.status = readinessStatus(report);
    // A cached "ok" would hide an outage from the very probe that is meant to see it.
    ctx.set('Cache-Control', 'no-store');
    ctx.body = report;
  },
});
