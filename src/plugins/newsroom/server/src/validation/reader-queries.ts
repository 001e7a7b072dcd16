/**
 * Query parameters of the public reader pages (/read/...). Unlike the API, a reader page ignores
 * parameters it does not know: shared links carry utm_*, fbclid and the like.
 */
import { z } from '@strapi/utils';
import { requestMessages } from '../utils/messages';

export const MAX_LIST_PAGE = 10000;
export const PAGE_NUMBER_MESSAGE = requestMessages.pageNumber(MAX_LIST_PAGE);

/** `?page=` of a reader list: absent is 1; a whole number from 1 to 10,000 written without a leading zero. */
export const listPageParam = z
  .string()
  .regex(/^[1-9]\d{0,4}$/)
  .transform(Number)
  .pipe(z.number().max(MAX_LIST_PAGE))
  .default(1);

export const listPageQuery = z.looseObject({ page: listPageParam });

/** The page number, or null when `?page=` is not one (the page answers 400 with PAGE_NUMBER_MESSAGE). */
export function parseListPage(query: unknown): number | null {
  const result = listPageQuery.safeParse(query ?? {});
  return result.success ? result.data.page : null;
}
