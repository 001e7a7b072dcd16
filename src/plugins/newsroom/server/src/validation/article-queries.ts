/**
 * The query parameters of the article routes Warta adds to the content API:
 * `GET /api/articles/:documentId/related?locale&limit` and `GET /api/articles/by-slug/:slug?locale`,
 * and the `limit` that REST and GraphQL's `Article.related(limit)` share.
 */
import { z } from '@strapi/utils';
import { RELATED_DEFAULT_LIMIT, RELATED_MAX_LIMIT } from '../constants';
import { validateQuery } from './validate';
import { localeMessages, requestMessages } from '../utils/messages';

// BCP 47-ish (id, en, pt-BR): the shape is checked before any query; whether it exists is asked later.
const LOCALE_CODE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export const unknownLocaleMessage = localeMessages.unknown;
export const LIMIT_MESSAGE = requestMessages.relatedLimit;

const localeError = { error: (issue: { input?: unknown }) => unknownLocaleMessage(issue.input) };
const limitError = { error: () => LIMIT_MESSAGE };

/** How many related articles: the number itself, as GraphQL receives it. */
export const relatedLimit = z
  .number(limitError)
  .int(limitError)
  .min(1, limitError)
  .max(RELATED_MAX_LIMIT, limitError)
  .describe(`How many related articles, 1 to ${RELATED_MAX_LIMIT}`);

/** GraphQL's `Article.related(limit)`: a 400-class ValidationError with the REST message. */
export const validateRelatedLimit = validateQuery(relatedLimit);

/** The same limit as a REST query string carries it: digits only ("2.5", "1e1" and "-1" are refused). */
export const limitParam = z
  .string(limitError)
  .regex(/^\d+$/, limitError)
  .transform(Number)
  .pipe(relatedLimit)
  .default(RELATED_DEFAULT_LIMIT);

/** Absent means the default locale (the controller asks i18n for it). */
export const localeParam = z
  .string(localeError)
  .regex(LOCALE_CODE, localeError)
  .optional()
  .describe('Locale code, e.g. id or en; the default locale when absent');

export const documentIdParam = z.string().describe('The documentId of a published article');
export const slugParam = z.string().describe('The article slug in that locale');

/** Strict, as `api.rest.strictParams` makes the core routes: `?populate=*` or `?status=` is a 400. */
const strictQuery = <Shape extends z.ZodRawShape>(shape: Shape) => {
  const allowed = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? requestMessages.unknownParameters(issue.keys, allowed) : undefined,
  });
};

export const relatedQueryShape = { locale: localeParam, limit: limitParam };
export const relatedQuery = strictQuery(relatedQueryShape);
export const relatedParamsShape = { documentId: documentIdParam };

export const pageQueryShape = { locale: localeParam };
export const pageQuery = strictQuery(pageQueryShape);
export const pageParamsShape = { slug: slugParam };
