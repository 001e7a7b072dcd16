import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ARTICLE_UID } from '../constants';
import { mayEdit } from '../middlewares/public-reads';
import { queryMessages } from '../utils/public-query';

export const DRAFTS_FORBIDDEN_MESSAGE =
  'Draft articles can only be read with a token that may edit articles; public reads always return published articles.';

type PublicationParams = { status?: unknown; publicationFilter?: unknown; hasPublishedVersion?: unknown };

/**
 * What this policy reads of its context: a REST one (Strapi's copy of the Koa context) or a GraphQL
 * one (the resolver's `args`, and the Koa context under `context`).
 */
type ReadPolicyContext = {
  request?: { query?: PublicationParams };
  args?: PublicationParams;
  state?: { auth?: unknown };
  context?: { state?: { auth?: unknown } };
};

/**
 * Strapi 5 answers `?status=draft` for anyone who may `find`, and reads any other value, even an empty
 * one, as "draft" too. Only callers who could edit the article may ask for anything but published
 * rows, or for publication-state filters (`publicationFilter=modified` vs `unmodified` would tell the
 * public whether a live article has unpublished edits). Everyone else gets a 403 for a draft and a
 * 400 for any other value. The `public-reads` document middleware enforces the same below HTTP.
 */
export async function assertMayReadDrafts(
  strapi: Core.Strapi,
  auth: unknown,
  params: PublicationParams,
  uid: string = ARTICLE_UID
): Promise<void> {
  const onlyPublished = params.status === undefined || params.status === null || params.status === 'published';
  const asksPublicationState = params.publicationFilter !== undefined || params.hasPublishedVersion !== undefined;
  if (onlyPublished && !asksPublicationState) return;
  if (await mayEdit(strapi, auth, uid)) return;
  // A PolicyError is the one 403 whose message Strapi passes on to the caller.
  if (typeof params.status === 'string' && params.status.toLowerCase() === 'draft')
    throw new errors.PolicyError(DRAFTS_FORBIDDEN_MESSAGE);
  if (!onlyPublished) throw new errors.ValidationError(queryMessages.status());
  throw new errors.ValidationError(
    queryMessages.publicationOnlyForEditors(
      params.publicationFilter !== undefined ? 'publicationFilter' : 'hasPublishedVersion'
    )
  );
}

/** Serves both REST routes (`query.status`) and GraphQL resolvers (`args.status`, enum `DRAFT`). */
export default async (policyContext: ReadPolicyContext, _config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  // A REST policy context copies the Koa context's own properties only: `query` lives on `request`.
  const params: PublicationParams = policyContext.request?.query ?? policyContext.args ?? {};
  const auth = policyContext.state?.auth ?? policyContext.context?.state?.auth;
  await assertMayReadDrafts(strapi, auth, params);
  return true;
};
