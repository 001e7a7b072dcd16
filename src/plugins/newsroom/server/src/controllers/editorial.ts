import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../get-service';

type AdminState = { user?: { firstname?: string | null; lastname?: string | null; username?: string | null } };
const nameOf = (state: AdminState): string | null =>
  [state.user?.firstname, state.user?.lastname].filter(Boolean).join(' ') || state.user?.username || null;

/** Admin: takedowns ("Dicabut") and the site's ad slots per locale (the Redaksi settings page). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async listTakedowns(ctx: Context) {
    const locale = typeof ctx.query.locale === 'string' ? ctx.query.locale : undefined;
    ctx.body = { data: await getService('takedowns', strapi).list(locale) };
  },
  async withdraw(ctx: Context) {
    const body = ctx.request.body as { data?: unknown } | undefined;
    ctx.body = { data: await getService('takedowns', strapi).withdraw(body?.data, nameOf(ctx.state as AdminState)) };
    ctx.status = 201;
  },
  async showAds(ctx: Context) {
    ctx.body = { data: await getService('ad-slots', strapi).getSettings() };
  },
  async updateAds(ctx: Context) {
    const body = ctx.request.body as { data?: unknown } | undefined;
    ctx.body = { data: await getService('ad-slots', strapi).updateSettings(body?.data) };
  },
});
