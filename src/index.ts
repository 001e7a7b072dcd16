import type { Core } from '@strapi/strapi';
import { defaultAdminLanguageToIndonesian } from './bootstrap/admin-language';
import { ensureEditorialRoles } from './bootstrap/editorial-roles';
import { ensureLocales } from './bootstrap/locales';
import { ensurePublicPermissions } from './bootstrap/public-permissions';
import { seedIfEmpty } from './seed';

// Newsroom behaviour (slugs, publication rules, computed fields, GraphQL) lives in src/plugins/newsroom.
export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    defaultAdminLanguageToIndonesian(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureLocales(strapi);
    await ensureEditorialRoles(strapi);
    await ensurePublicPermissions(strapi);
    if (process.env.WARTA_SEED_IF_EMPTY === 'true') await seedIfEmpty(strapi);
  },
};
