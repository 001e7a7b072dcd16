/**
 * Public-query checks: what a content-API read may ask for, as pure functions over a schema. The
 * document service middleware `public-reads` applies them to every REST and GraphQL read.
 */
import { filterProblem, normalisedFilters } from './filters';
import { queryMessages } from '../messages';
import { hasDraftAndPublish, type GetModel, type QueryModel } from './model';
import {
  fieldsProblem,
  paginationProblem,
  populateProblem,
  normalisedPopulate,
  searchFilters,
  sortProblem,
} from './params';

export { queryMessages } from '../messages';
export { hasDraftAndPublish, type GetModel, type QueryModel } from './model';

const LOCALE_FORMAT = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8}){0,3}$/;

/** The first problem with a read's parameters, as the sentence of a 400; null when the read may run. */
export function publicReadProblem(
  params: Record<string, unknown>,
  model: QueryModel,
  getModel: GetModel
): string | null {
  if (params.filters !== undefined) {
    const problem = filterProblem(params.filters, model, getModel);
    if (problem) return problem;
  }
  if (params.fields !== undefined) {
    const problem = fieldsProblem(params.fields, model);
    if (problem) return problem;
  }
  if (params.sort !== undefined) {
    const problem = sortProblem(params.sort, model, getModel);
    if (problem) return problem;
  }
  if (params.populate !== undefined) {
    const problem = populateProblem(params.populate, model, getModel);
    if (problem) return problem;
  }
  const pagination = paginationProblem(params);
  if (pagination) return pagination;
  if (params._q !== undefined && typeof params._q !== 'string') return queryMessages.search();
  if (params.locale !== undefined && params.locale !== null) {
    if (typeof params.locale !== 'string' || params.locale === '') return queryMessages.localeShape();
    if (params.locale !== '*' && !LOCALE_FORMAT.test(params.locale))
      return queryMessages.locale(params.locale.slice(0, 40));
  }
  return null;
}

/**
 * The parameters a public read actually runs with: published rows only (status, and every walk into a
 * draft-and-publish relation), no publication-state filters for callers who may not read drafts, and
 * `_q` over public fields only. `mayReadDrafts` is asked only for draft-and-publish types.
 */
export function publicReadParams(
  params: Record<string, unknown>,
  model: QueryModel,
  getModel: GetModel,
  mayReadDrafts: boolean
): Record<string, unknown> {
  const result: Record<string, unknown> = { ...params };
  if (hasDraftAndPublish(model) && !mayReadDrafts) {
    result.status = 'published';
    delete result.publicationFilter;
    delete result.hasPublishedVersion;
  }
  const publishedRead = !hasDraftAndPublish(model) || result.status === 'published';
  if (result.filters !== undefined) result.filters = normalisedFilters(result.filters, model, getModel, publishedRead);
  if (result.populate !== undefined)
    result.populate = normalisedPopulate(result.populate, model, getModel, publishedRead);
  if (typeof result._q === 'string') {
    const search = searchFilters(result._q, model);
    result.filters = result.filters === undefined ? search : { $and: [result.filters, search] };
    delete result._q;
  }
  return result;
}
