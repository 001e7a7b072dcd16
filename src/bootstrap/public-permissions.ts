import type { Core } from '@strapi/strapi';
import { PUBLIC_CONTENT_UIDS } from '../constants';

const PERMISSION_UID = 'plugin::users-permissions.permission';
const ROLE_UID = 'plugin::users-permissions.role';

export const PUBLIC_ACTIONS: string[] = PUBLIC_CONTENT_UIDS.flatMap((uid) => [`${uid}.find`, `${uid}.findOne`]);

/**
 * The Public role may read the five content types and do nothing else. Every boot grants the read
 * actions that are missing and revokes any other action (users-permissions grants registration and
 * login to Public by default): frontends authenticate with API tokens issued in the admin, and an
 * open registration endpoint on a newsroom CMS is an invitation.
 */
export async function ensurePublicPermissions(strapi: Core.Strapi): Promise<void> {
  const role = await strapi.db.query(ROLE_UID).findOne({ where: { type: 'public' } });
  if (!role) throw new Error('users-permissions has no Public role: its bootstrap did not run');

  const current: { id: number; action: string }[] = await strapi.db.query(PERMISSION_UID).findMany({
    where: { role: role.id },
    select: ['id', 'action'],
  });
  const currentActions = new Set(current.map((permission) => permission.action));

  const extra = current.filter((permission) => !PUBLIC_ACTIONS.includes(permission.action));
  if (extra.length > 0) {
    await strapi.db.query(PERMISSION_UID).deleteMany({ where: { id: { $in: extra.map((p) => p.id) } } });
  }
  for (const action of PUBLIC_ACTIONS.filter((action) => !currentActions.has(action))) {
    await strapi.db.query(PERMISSION_UID).create({ data: { action, role: role.id } });
  }

  const store = strapi.store({ type: 'plugin', name: 'users-permissions' });
  const advanced = ((await store.get({ key: 'advanced' })) ?? {}) as Record<string, unknown>;
  if (advanced.allow_register !== false) {
    await store.set({ key: 'advanced', value: { ...advanced, allow_register: false } });
  }
}
