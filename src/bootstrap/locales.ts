import type { Core } from '@strapi/strapi';
import { DEFAULT_LOCALE, LOCALES } from '../constants';

/** Idempotent: creates the missing locales and makes `id` the default, on a fresh or an existing database. */
export async function ensureLocales(strapi: Core.Strapi): Promise<void> {
  const locales = strapi.plugin('i18n').service('locales');
  for (const { code, name } of LOCALES) {
    if (!(await locales.findByCode(code))) {
      await locales.create({ code, name });
      strapi.log.info(`[warta] created locale ${code}`);
    }
  }
  if ((await locales.getDefaultLocale()) !== DEFAULT_LOCALE) {
    await locales.setDefaultLocale({ code: DEFAULT_LOCALE });
  }
}
