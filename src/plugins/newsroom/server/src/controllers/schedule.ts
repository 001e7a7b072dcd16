import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { ARTICLE_UID } from '../constants';
import { getService } from '../get-service';
import { upcomingQuery, validateQuery } from '../validation';

const validUpcoming = validateQuery(upcomingQuery);

type PermissionChecker = { can: { read: (entity: Record<string, unknown>) => boolean } };

/** Admin: what goes out (or comes down) in the next hours, and the schedules that were refused. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async upcoming(ctx: Context) {
    const { hours } = validUpcoming(ctx.query);
    // Only what this editor may read in the content manager: a role limited to `en` sees no `id` titles.
    const checker = strapi
      .plugin('content-manager')
      .service('permission-checker')
      .create({ userAbility: ctx.state.userAbility, model: ARTICLE_UID }) as PermissionChecker;
    const items = await getService('schedule', strapi).upcoming(hours);
    ctx.body = {
      data: items.filter((item) => checker.can.read({ documentId: item.documentId, locale: item.locale })),
    };
  },
});
