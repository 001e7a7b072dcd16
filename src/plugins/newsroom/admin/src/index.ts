import type { StrapiApp } from '@strapi/strapi/admin';
import { getTranslation, PLUGIN_ID } from './pluginId';

type TranslationModule = { default: Record<string, string> };
const translations: Record<string, () => Promise<TranslationModule>> = {
  id: () => import('./translations/id.json'),
  en: () => import('./translations/en.json'),
};

export default {
  register(app: StrapiApp) {
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
    app.createSettingSection(
      { id: PLUGIN_ID, intlLabel: { id: getTranslation('settings.section'), defaultMessage: 'Newsroom' } },
      [
        {
          id: 'house-style',
          to: `${PLUGIN_ID}/house-style`,
          intlLabel: { id: getTranslation('settings.house-style.link'), defaultMessage: 'Byline and dates' },
          Component: () => import('./pages/HouseStylePage'),
          permissions: [],
        },
        {
          id: 'whatsapp-follow',
          to: `${PLUGIN_ID}/whatsapp-follow`,
          intlLabel: { id: getTranslation('settings.whatsapp.link'), defaultMessage: 'WhatsApp channel' },
          Component: () => import('./pages/WhatsappFollowPage'),
          permissions: [{ action: 'plugin::newsroom.settings.whatsapp-follow', subject: null }],
        },
      ]
    );
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        const load = translations[locale];
        if (!load) return { data: {}, locale };
        const { default: data } = await load();
        const prefixed = Object.fromEntries(Object.entries(data).map(([key, value]) => [getTranslation(key), value]));
        return { data: prefixed, locale };
      })
    );
  },
};
