import type { Core } from '@strapi/strapi';

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
};
