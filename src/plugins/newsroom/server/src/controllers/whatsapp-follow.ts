import type { Core } from '@strapi/strapi';
import { getService } from '../get-service';

/** Admin: the site-wide WhatsApp follow defaults per locale. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async show(ctx: any) {
    ctx.body = { data: await getService('whatsapp-follow', strapi).getSettings() };
  },
  async update(ctx: any) {
    ctx.body = { data: await getService('whatsapp-follow', strapi).updateSettings(ctx.request.body?.data) };
  },
});
