import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { publicReadProblem, type GetModel, type QueryModel } from '../utils/public-query';

/** What this policy reads of Strapi's copy of the Koa context. */
type QueryPolicyContext = { state?: { route?: { handler?: unknown } }; request?: { query?: Record<string, unknown> } };

/**
 * REST reads check their query here, before Strapi's own validation: the same rules as the
 * `public-reads` document middleware (which also covers GraphQL), answered with the sentence for
 * the parameter at fault in Indonesian and English rather than Strapi's terse "Invalid key".
 * The content type comes from the route's handler, e.g. `api::article.article.find`.
 */
export default (policyContext: QueryPolicyContext, _config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const handler: unknown = policyContext.state?.route?.handler;
  const uid = typeof handler === 'string' ? handler.split('.').slice(0, 2).join('.') : '';
  const model = strapi.contentTypes[uid as UID.ContentType] as unknown as QueryModel | undefined;
  if (!model) return true;
  const getModel: GetModel = (target) => strapi.getModel(target as UID.Schema) as unknown as QueryModel | undefined;
  const problem = publicReadProblem(policyContext.request?.query ?? {}, model, getModel);
  if (problem) throw new errors.ValidationError(problem);
  return true;
};
