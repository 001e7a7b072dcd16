import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ARTICLE_UID } from '../constants';

export const DRAFTS_FORBIDDEN_MESSAGE =
  'Draft articles can only be read with a token that may edit articles; public reads always return published articles.';

/**
 * Strapi 5 answers `?status=draft` for anyone who may `find`, so without this guard the Public
 * role could read every unpublished article. Only callers who could edit the article may see drafts.
 */
export async function assertMayReadDrafts(
  strapi: Core.Strapi,
  auth: unknown,
  status: unknown
): Promise<void> {
  if (status === undefined || status === null || status === '' || status === 'published') return;
  try {
    await strapi.auth.verify(auth as any, { scope: [`${ARTICLE_UID}.update`] });
  } catch {
    // A PolicyError is the one 403 whose message Strapi passes on to the caller.
    throw new errors.PolicyError(DRAFTS_FORBIDDEN_MESSAGE);
  }
}

/** Serves both REST routes (`query.status`) and GraphQL resolvers (`args.status`, enum `DRAFT`). */
export default async (policyContext: any, _config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  // A REST policy context copies the Koa context's own properties only: `query` lives on `request`.
  const status = policyContext.request?.query?.status ?? policyContext.args?.status;
  const auth = policyContext.state?.auth ?? policyContext.context?.state?.auth;
  await assertMayReadDrafts(strapi, auth, typeof status === 'string' ? status.toLowerCase() : status);
  return true;
};
