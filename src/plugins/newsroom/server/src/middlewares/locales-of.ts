import type { Core } from '@strapi/strapi';
import { ARTICLE_UID } from '../constants';
import { getService } from '../get-service';

/**
 * The locales a publish, unpublish, discardDraft or delete touches: the one asked for, the default one
 * when none is (Strapi's own default), or every locale the document has for `*` or a list.
 */
export async function affectedLocales(strapi: Core.Strapi, documentId: string, locale: unknown): Promise<string[]> {
  if (typeof locale === 'string' && locale !== '*') return [locale];
  if (locale === undefined || locale === null) return [await getService('locales', strapi).defaultCode()];
  const rows: { locale: string }[] = await strapi.db
    .query(ARTICLE_UID)
    .findMany({ where: { documentId }, select: ['locale'] });
  const all = [...new Set(rows.map((row) => row.locale))];
  return Array.isArray(locale) ? all.filter((code) => locale.includes(code)) : all;
}
