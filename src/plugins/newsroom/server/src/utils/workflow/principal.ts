/**
 * Who is writing, from what Strapi leaves on the Koa context: an admin user (the content manager), an
 * API token (REST or GraphQL), a users-permissions user, or nobody (a script, a seed, a job: `system`).
 * Roles are the strings the workflow config names: admin role codes, `api-token` and `api-token:<type>`,
 * `users-permissions:<role type>`, `system`.
 */
export type PrincipalKind = 'admin' | 'api-token' | 'user' | 'system';
export type Principal = { kind: PrincipalKind; id: number | null; name: string; roles: string[] };

type AuthLike = {
  strategy?: { name?: string };
  credentials?: {
    id?: number;
    name?: string;
    type?: string;
    username?: string;
    email?: string;
    role?: { type?: string };
  };
};
type AdminUserLike = {
  id?: number;
  firstname?: string;
  lastname?: string;
  username?: string;
  email?: string;
  roles?: { code?: string }[];
};
export type ContextLike =
  { state?: { auth?: AuthLike; user?: AdminUserLike; isAuthenticated?: boolean } } | undefined | null;

export function adminDisplayName(user: AdminUserLike): string {
  const full = [user.firstname, user.lastname].filter(Boolean).join(' ').trim();
  return user.username || full || user.email || `admin #${user.id}`;
}

export function principalOf(ctx: ContextLike, systemName = 'sistem'): Principal {
  const auth = ctx?.state?.auth;
  const strategy = auth?.strategy?.name;
  if (strategy === 'admin' && ctx?.state?.user) {
    const user = ctx.state.user;
    const roles = (user.roles ?? []).map((role) => role.code).filter((code): code is string => Boolean(code));
    return { kind: 'admin', id: user.id ?? null, name: adminDisplayName(user), roles };
  }
  // Strapi 5.54 names the content API's token strategy `content-api-token` (earlier releases `api-token`).
  if ((strategy === 'content-api-token' || strategy === 'api-token') && auth?.credentials) {
    const token = auth.credentials;
    return {
      kind: 'api-token',
      id: token.id ?? null,
      name: token.name ?? 'API token',
      roles: ['api-token', `api-token:${token.type ?? 'custom'}`],
    };
  }
  if (strategy === 'users-permissions' && auth?.credentials) {
    const user = auth.credentials;
    return {
      kind: 'user',
      id: user.id ?? null,
      name: user.username ?? user.email ?? `user #${user.id}`,
      roles: [`users-permissions:${user.role?.type ?? 'authenticated'}`],
    };
  }
  // A request nobody is logged in for (the Public role): no role a workflow step names.
  if (ctx?.state) return { kind: 'user', id: null, name: 'publik', roles: ['public'] };
  return { kind: 'system', id: null, name: systemName, roles: ['system'] };
}
