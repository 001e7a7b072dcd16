import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { getService } from '../get-service';

/** Strapi's own surfaces: an old site's URL is never one of these, and their 404s must stay 404s. */
const OWN_PREFIXES = [
  '/api/',
  '/admin',
  '/graphql',
  '/content-manager',
  '/content-type-builder',
  '/upload',
  '/i18n',
  '/users-permissions',
  '/uploads/',
  '/_',
  '/newsroom',
];

/**
 * Old URLs answered with their 301 (`plugin::newsroom.redirects`, first in config/middlewares.ts). Only a
 * GET or HEAD that would otherwise be a 404 costs a lookup (one indexed query): pages served normally,
 * cached ones included, never pay for it, and a redirect can never hide a live page.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  return async (ctx: Context, next: Next) => {
    const reading = ctx.method === 'GET' || ctx.method === 'HEAD';
    // WordPress' `/?p=123` is the site root, which Strapi answers itself (a 302 to the admin): asked first.
    const rootQuery = reading && ctx.path === '/' && ('p' in ctx.query || 'page_id' in ctx.query);
    if (rootQuery && (await redirect(ctx))) return;
    await next();
    if (rootQuery || ctx.status !== 404 || !reading) return;
    if (OWN_PREFIXES.some((prefix) => ctx.path.startsWith(prefix))) return;
    await redirect(ctx);
  };

  async function redirect(ctx: Context): Promise<boolean> {
    try {
      const found = await getService('redirects', strapi).resolve(ctx.url);
      if (!found) return false;
      ctx.redirect(found.to);
      ctx.status = found.status;
      ctx.set('Cache-Control', 'public, max-age=300');
      return true;
    } catch (error) {
      // The 404 stands: a failed lookup must not turn a missing page into a 500.
      strapi.log.warn(`[newsroom] redirect lookup for ${ctx.path} failed: ${(error as Error).message}`);
      return false;
    }
  }
};
