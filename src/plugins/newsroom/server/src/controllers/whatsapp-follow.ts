import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../get-service';

/** Admin: the site-wide WhatsApp follow defaults per locale. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async show(ctx: Context) {
    ctx.body = { data: await getService('whatsapp-follow', strapi).getSettings() };
  },
  async update(ctx: Context) {
    const body = ctx.request.body as { data?: unknown } | undefined;
    ctx.body = { data: await getService('whatsapp-follow', strapi).updateSettings(body?.data) };
  },
});
