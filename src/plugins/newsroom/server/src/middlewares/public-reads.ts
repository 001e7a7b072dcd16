import type { Core, Modules, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  hasDraftAndPublish,
  publicReadParams,
  publicReadProblem,
  type GetModel,
  type QueryModel,
} from '../utils/public-query';

const READ_ACTIONS = new Set(['findMany', 'findOne', 'findFirst', 'count']);

type RequestLike = { state?: { route?: { info?: { type?: string } }; auth?: unknown } };

/** One answer per request and type: a list page asks the document service several times. */
const draftAccess = new WeakMap<object, Map<string, Promise<boolean>>>();

/** Whoever may edit a type may read its drafts; the Public role and read-only tokens may not. */
export async function mayEdit(strapi: Core.Strapi, auth: unknown, uid: string): Promise<boolean> {
  if (!auth) return false;
  try {
    await strapi.auth.verify(auth as never, { scope: [`${uid}.update`] } as never);
    return true;
  } catch {
    return false;
  }
}

/** `mayEdit` for the caller of the current request, asked once per request and type. */
function mayReadDrafts(strapi: Core.Strapi, request: RequestLike, uid: string): Promise<boolean> {
  let perType = draftAccess.get(request);
  if (!perType) draftAccess.set(request, (perType = new Map()));
  let answer = perType.get(uid);
  if (!answer) {
    answer = mayEdit(strapi, request.state?.auth, uid);
    perType.set(uid, answer);
  }
  return answer;
}

/**
 * Every read the content API makes (REST, GraphQL, and our own routes under /api), whatever route or
 * resolver asked: malformed parameters are a 400 before they reach SQL, callers who may not read
 * drafts get published rows only — also through relations such as `localizations` — and `_q` never
 * searches a private field. Reads made by the admin panel, scripts and our services are left alone.
 */
const publicReadsMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (!READ_ACTIONS.has(context.action)) return next();
    const request = strapi.requestContext.get() as RequestLike | undefined;
    if (request?.state?.route?.info?.type !== 'content-api') return next();

    const model = strapi.getModel(context.uid) as unknown as QueryModel | undefined;
    if (!model) return next();
    const getModel: GetModel = (uid) => strapi.getModel(uid as UID.Schema) as unknown as QueryModel | undefined;
    const params = (context.params ?? {}) as Record<string, unknown>;
    const problem = publicReadProblem(params, model, getModel);
    if (problem) throw new errors.ValidationError(problem);

    const editor = hasDraftAndPublish(model) ? await mayReadDrafts(strapi, request, context.uid) : false;
    (context as { params: unknown }).params = publicReadParams(params, model, getModel, editor);
    return next();
  };

export default publicReadsMiddleware;
