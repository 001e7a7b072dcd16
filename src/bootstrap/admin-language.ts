import type { Event } from '@strapi/database';
import type { Core } from '@strapi/strapi';

/**
 * New admin users get Bahasa Indonesia as their interface language. The admin applies a user's
 * `preferedLanguage` (Strapi's spelling) at login, so this follows the editor to any browser;
 * an editor who picks English in the profile keeps English.
 */
export function defaultAdminLanguageToIndonesian(strapi: Core.Strapi): void {
  strapi.db.lifecycles.subscribe({
    models: ['admin::user'],
    beforeCreate(event: Event) {
      const data = event.params?.data as { preferedLanguage?: unknown } | undefined;
      if (data && !data.preferedLanguage) data.preferedLanguage = 'id';
    },
  });
}
