import type { Core } from '@strapi/strapi';
import { relatedSettings } from './utils/related-settings';

let reconciling: NodeJS.Timeout | null = null;

/** Stops the periodic "Berita Terkait" reconcile (the plugin's destroy). */
export function stopReconciling() {
  if (reconciling) clearInterval(reconciling);
  reconciling = null;
}

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  // Super Admins hold every registered action; other roles get it in Settings → Roles.
  await strapi.service('admin::permission').actionProvider.registerMany([
    {
      section: 'plugins',
      displayName: 'WhatsApp follow settings',
      uid: 'settings.whatsapp-follow',
      subCategory: 'settings',
      pluginName: 'newsroom',
    },
  ]);

  // What a stopped process left unindexed is found at boot (before the server listens) and then now and then.
  const { reconcileMinutes } = relatedSettings(strapi.config.get('plugin::newsroom.related'));
  if (reconcileMinutes > 0) {
    const reconcile = () =>
      strapi
        .plugin('newsroom')
        .service('related-news')
        .reconcile()
        .catch((error: Error) => strapi.log.error(`[newsroom] "Berita Terkait" reconcile failed: ${error.message}`));
    await reconcile();
    stopReconciling();
    reconciling = setInterval(reconcile, reconcileMinutes * 60_000);
    reconciling.unref();
  }
};
