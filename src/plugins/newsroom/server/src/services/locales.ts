import type { Core } from '@strapi/strapi';
import { currentBulk } from '../middlewares/bulk-writes';
import { compareLocales } from '../utils/locales/order';

type Locale = { code: string };

/**
 * The content locales as every part of Warta asks for them (the i18n plugin's locales service
 * underneath): known or not, the default, all codes in a fixed order, and the codes a write touched.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const i18n = () => strapi.plugin('i18n').service('locales');
  const service = {
    async defaultCode(): Promise<string> {
      const bulk = currentBulk();
      if (!bulk) return i18n().getDefaultLocale();
      bulk.defaultLocale ??= i18n().getDefaultLocale();
      return bulk.defaultLocale as Promise<string>;
    },

    /** Every content locale code, alphabetical: the rebuild's checkpoint and the sitemaps rely on the order. */
    async codes(): Promise<string[]> {
      const locales: Locale[] = await i18n().find();
      return locales.map((locale) => locale.code).sort();
    },

    /** The same codes in the site's order (id, then en, then any other): sitemaps, hreflang, language menus. */
    async inSiteOrder(): Promise<string[]> {
      return (await service.codes()).sort(compareLocales);
    },

    async isKnown(code: unknown): Promise<boolean> {
      return typeof code === 'string' && Boolean(await i18n().findByCode(code));
    },

    /** The locale a read asked for, or the default one. */
    async orDefault(code: string | undefined | null): Promise<string> {
      return code || service.defaultCode();
    },

    /**
     * The locales a document service call touched: the one it named, each of a list, every locale
     * for `*`, else the locale of its result (or the default one).
     */
    async touchedBy(
      requested: unknown,
      result?: { locale?: string; entries?: { locale?: string }[] } | null
    ): Promise<string[]> {
      if (typeof requested === 'string' && requested !== '*') return [requested];
      if (Array.isArray(requested)) return requested.filter((code): code is string => typeof code === 'string');
      if (requested === '*') return service.codes();
      const fromResult = result?.locale ?? result?.entries?.[0]?.locale;
      return [fromResult ?? (await service.defaultCode())];
    },
  };
  return service;
};
