/**
 * Writes that do not go through the Document Service but change what public responses show: uploaded
 * files (alt text, a replaced image, new crops), the core store (WhatsApp settings, the default locale),
 * the locales, and the Public role's permissions. Content types are purged by middlewares/cache-purge.ts.
 */
import type { Core } from '@strapi/strapi';
import { UPLOAD_FILE_UID } from '../../constants';
import { ALL_TAG, isTrackedStoreKey, listTag, storeTag, writeTags } from '../../utils/cache/tags';

const STORE_UID = 'strapi::core-store';
const LOCALE_UID = 'plugin::i18n.locale';
/** Who may read what: a permission change can turn a cached 200 into a 403, for any response. */
const PERMISSION_UIDS = ['plugin::users-permissions.permission', 'plugin::users-permissions.role'];

/** A database lifecycle event of a write, as far as it is read here. */
type WriteEvent = {
  action: string;
  model: { uid: string };
  params?: { where?: unknown; data?: Record<string, unknown> };
  result?: unknown;
  state: { documentIds?: string[] };
};

const documentIdOf = (row: unknown): string | null => {
  const documentId = (row as { documentId?: unknown } | null)?.documentId;
  return typeof documentId === 'string' ? documentId : null;
};

function tagsOf(event: WriteEvent): string[] {
  const { uid } = event.model;
  if (PERMISSION_UIDS.includes(uid)) return [ALL_TAG];
  if (uid === LOCALE_UID) return [listTag('i18n-locale')];
  if (uid === STORE_UID) {
    const key = (event.result as { key?: unknown } | null)?.key ?? event.params?.data?.key;
    return isTrackedStoreKey(key) ? [storeTag(key)] : [];
  }
  const many = event.action.endsWith('Many');
  const ids = many ? (event.state.documentIds ?? []) : [documentIdOf(event.result)];
  if (!ids.length) return [listTag('file')];
  return [...new Set(ids.flatMap((documentId) => writeTags({ type: 'file', documentId, locales: [] })))];
}

/** Subscribes the purges; returns the unsubscribe function. */
export function purgeOnWrites(strapi: Core.Strapi, purgeAfterCommit: (tags: string[]) => Promise<void>): () => void {
  const after = async (event: WriteEvent) => {
    const tags = tagsOf(event);
    if (tags.length) await purgeAfterCommit(tags);
  };
  // A bulk write of files names them by a where clause: which documents it hits is read before it runs.
  const before = async (event: WriteEvent) => {
    if (event.model.uid !== UPLOAD_FILE_UID) return;
    const rows: { documentId?: unknown }[] = await strapi.db
      .query(UPLOAD_FILE_UID)
      .findMany({ where: event.params?.where ?? {}, select: ['documentId'] });
    event.state.documentIds = rows.map(documentIdOf).filter((id): id is string => id !== null);
  };
  const subscriber = {
    models: [UPLOAD_FILE_UID, STORE_UID, LOCALE_UID, ...PERMISSION_UIDS],
    beforeUpdateMany: before,
    beforeDeleteMany: before,
    afterCreate: after,
    afterUpdate: after,
    afterDelete: after,
    afterCreateMany: after,
    afterUpdateMany: after,
    afterDeleteMany: after,
  };
  return strapi.db.lifecycles.subscribe(subscriber as Parameters<Core.Strapi['db']['lifecycles']['subscribe']>[0]);
}
