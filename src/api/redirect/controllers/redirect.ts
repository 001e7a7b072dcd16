import { factories } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { REDIRECT_UID } from '../../../constants';
import { getService } from '../../../plugins/newsroom/server/src/get-service';
import { redirectMessages } from '../../../plugins/newsroom/server/src/utils/messages';

export default factories.createCoreController(REDIRECT_UID, ({ strapi }) => ({
  /** GET /api/redirects/resolve?path=: 200 `{ data: { from, to, status } }`, or 404 when the path leads nowhere. */
  async resolve(ctx) {
    const keys = Object.keys(ctx.query ?? {});
    const path = ctx.query?.path;
    if (typeof path !== 'string' || !path.trim() || path.length > 2000 || keys.some((key) => key !== 'path')) {
      throw new errors.ValidationError(redirectMessages.badPath());
    }
    const found = await getService('redirects', strapi).resolve(path);
    if (!found) throw new errors.NotFoundError(redirectMessages.notFound(path));
    ctx.set('Cache-Control', 'public, max-age=60');
    ctx.body = { data: found };
  },
}));
