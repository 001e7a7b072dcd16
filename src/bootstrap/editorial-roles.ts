import type { Core } from '@strapi/strapi';
import { LOCALES, PUBLIC_CONTENT_UIDS } from '../constants';

const SETUP_KEY = 'editorial-roles-v1';
const PUBLISH = 'plugin::content-manager.explorer.publish';

// What this reads of two admin services; Strapi types every `strapi.service(...)` as a bag of `any`.
type AdminAction = { actionId: string; section: string; options?: { applyToProperties?: string[] } };
type NestedPermission = { action: string; subject: string; properties?: Record<string, unknown> };
type AdminPermissionService = { actionProvider: { values(): AdminAction[] } };
type AdminContentTypeService = {
  getPermissionsWithNestedFields(actions: AdminAction[], options: Record<string, unknown>): NestedPermission[];
};

/**
 * Strapi's default Editor and Author roles come out of a fresh install unable to work in a Warta
 * newsroom: created before the `id` locale exists, their content permissions carry no locale (the
 * article list is empty) and lack delete and publish. This sets them up once, on the first boot:
 * Editor may create, read, update, delete and publish every Warta type in id and en; Author may do
 * all but publish, on what they created. Later changes an administrator makes are left alone.
 */
export async function ensureEditorialRoles(strapi: Core.Strapi): Promise<void> {
  const store = strapi.store({ type: 'core', name: 'warta' });
  if (await store.get({ key: SETUP_KEY })) return;

  const { actionProvider } = strapi.service('admin::permission') as AdminPermissionService;
  const actions = actionProvider.values().filter((action) => action.section === 'contentTypes');
  const appliesToLocales = new Set(
    actions.filter((action) => action.options?.applyToProperties?.includes('locales')).map((action) => action.actionId)
  );
  const subjects = new Set<string>(PUBLIC_CONTENT_UIDS);
  const localeCodes = LOCALES.map((locale) => locale.code);
  const full = (strapi.service('admin::content-type') as AdminContentTypeService)
    .getPermissionsWithNestedFields(actions, {})
    .filter((permission) => subjects.has(permission.subject))
    .map((permission) => ({
      action: permission.action,
      subject: permission.subject,
      properties: {
        ...permission.properties,
        ...(appliesToLocales.has(permission.action) ? { locales: localeCodes } : {}),
      },
      conditions: [] as string[],
    }));

  const grants: Record<string, typeof full> = {
    'strapi-editor': full,
    'strapi-author': full
      .filter((permission) => permission.action !== PUBLISH)
      .map((permission) => ({ ...permission, conditions: ['admin::is-creator'] })),
  };

  for (const [code, permissions] of Object.entries(grants)) {
    const role = await strapi.db.query('admin::role').findOne({ where: { code } });
    if (!role) continue;
    await strapi.db
      .query('admin::permission')
      .deleteMany({ where: { role: role.id, subject: { $in: [...subjects] } } });
    for (const permission of permissions) {
      await strapi.db.query('admin::permission').create({ data: { ...permission, role: role.id } });
    }
  }
  await store.set({ key: SETUP_KEY, value: new Date().toISOString() });
  strapi.log.info('[warta] set up the Editor and Author roles for Warta content in id and en');
}
