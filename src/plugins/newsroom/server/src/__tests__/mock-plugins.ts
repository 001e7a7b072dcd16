import localesService from '../services/locales';

type Services = Record<string, unknown>;

/**
 * `strapi.plugin(name).service(key)` for a hand-built `strapi`: i18n's locales service as given (a
 * default locale and a list), the newsroom plugin's own `locales` service built on it for real, and any
 * other newsroom service as given. The response cache, unless given, is what it is outside a request:
 * tags and lifetimes go nowhere.
 */
export function mockPlugins(
  strapi: Record<string, unknown>,
  {
    defaultLocale = 'id',
    codes = ['en', 'id'],
    newsroom = {},
  }: { defaultLocale?: string; codes?: string[]; newsroom?: Services } = {}
) {
  const i18n = {
    getDefaultLocale: async () => defaultLocale,
    find: async () => codes.map((code) => ({ code })),
    findByCode: async (code: string) => (codes.includes(code) ? { code } : null),
  };
  const locales = localesService({ strapi: strapi as never });
  const services: Services = { 'response-cache': { depend: () => undefined, validFor: () => undefined }, ...newsroom };
  return (name: string) => ({
    service: (key: string) => (name === 'i18n' ? i18n : key === 'locales' ? locales : services[key]),
  });
}
