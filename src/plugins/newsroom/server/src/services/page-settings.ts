/**
 * The newsroom settings a public page reads (the WhatsApp block's, the ad slots), in one statement per
 * request rather than one per setting. They live in Strapi's core store, so every instance reads the
 * same values and a saved change applies to the next request; each owning service parses its own value
 * and tags the response with it (a change purges what showed it).
 */
import type { Core } from '@strapi/strapi';
import { perRequest } from '../utils/http/per-request';
import { storeValue, type StoreRow } from '../utils/content/store-value';

const STORE_UID = 'strapi::core-store';
/** Strapi's key of a plugin store entry: `plugin_<name>_<key>` (core-store's `get`). */
const PREFIX = 'plugin_newsroom_';
export const PAGE_SETTINGS_KEYS = ['whatsapp-follow', 'ad-slots'] as const;
export type PageSettingsKey = (typeof PAGE_SETTINGS_KEYS)[number];

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The stored value of `key` as this request first read it (null when never saved). */
  async ofRequest(key: PageSettingsKey): Promise<unknown> {
    const values = await perRequest(strapi.requestContext.get(), 'store:page-settings', () => this.readAll());
    return values.get(key) ?? null;
  },

  /** Every page setting, as `strapi.store(...).get` would return each. */
  async readAll(): Promise<Map<string, unknown>> {
    const rows = (await strapi.db.query(STORE_UID).findMany({
      select: ['key', 'value', 'type'],
      where: { key: { $in: PAGE_SETTINGS_KEYS.map((key) => `${PREFIX}${key}`) }, environment: null, tag: null },
    })) as StoreRow[];
    return new Map(rows.map((row) => [row.key.slice(PREFIX.length), storeValue(row)]));
  },
});
