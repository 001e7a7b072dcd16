import type { Core } from '@strapi/strapi';

/** Admin: the site-wide WhatsApp follow defaults per locale. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async show(ctx: any) {
    ctx.body = { data: await strapi.plugin('newsroom').service('whatsapp-follow').getSettings() };
  },
  async update(ctx: any) {
    ctx.body = { data: await strapi.plugin('newsroom').service('whatsapp-follow').updateSettings(ctx.request.body?.data) };
  },
});
