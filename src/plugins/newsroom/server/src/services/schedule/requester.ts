/**
 * Who asked for a schedule, as the execution record names them: an admin user, an API token (an
 * import, an editorial tool), a site user, or a script without a request.
 */
import type { Core } from '@strapi/strapi';

/** What this reads of a request's auth state (Koa leaves ctx.state untyped). */
type AuthState = {
  auth?: { strategy?: { name?: string }; credentials?: { id?: number | string; name?: string } | null };
  user?: { id?: number | string; firstname?: string | null; lastname?: string | null; username?: string | null };
};

const MAX = 191;

export function requester(strapi: Core.Strapi): string {
  const ctx = strapi.requestContext.get();
  if (!ctx) return 'script';
  const state = ctx.state as AuthState;
  const strategy = state.auth?.strategy?.name;
  const user = state.user;
  let who = 'request';
  if (strategy === 'admin' && user) {
    who = `admin:${user.id} ${[user.firstname, user.lastname].filter(Boolean).join(' ')}`.trim();
  } else if (strategy === 'api-token') {
    who = `api-token:${state.auth?.credentials?.id ?? '?'} ${state.auth?.credentials?.name ?? ''}`.trim();
  } else if (strategy === 'users-permissions' && user) {
    who = `user:${user.id} ${user.username ?? ''}`.trim();
  }
  return who.slice(0, MAX);
}
