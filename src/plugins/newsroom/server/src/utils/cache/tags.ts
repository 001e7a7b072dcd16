/**
 * What a cached response depends on, as tags, and what a write purges. A response is tagged while it is
 * computed, from every database read it makes (read-tags.ts turns each read into tags):
 *
 * - `<documentId>`: it shows (or looked for) that document, in any locale. documentIds are unique across
 *   types, and a document's other locales matter too (alternates, hreflang), so the tag has no locale.
 * - `list:<type>:<locale>` (`list:<type>` when no locale was asked): it ran an open query over the type,
 *   whose answer may change when any document of it is written (a new article joins every list).
 * - `slug:<type>:<locale>:<slug>`: it looked a document up by its slug; a write that gives a document
 *   that slug purges it (a 404 for a slug not yet published is cached too).
 * - `related:<documentId>:<locale>`, `settings:whatsapp`, `store:<key>`: stored lists and settings read
 *   outside the Document Service; `all`: every entry.
 *
 * A write of a document purges its documentId, its type's list tags for the locales it touched and the
 * type-wide one, and the slug tags of its slugs now: exactly the entries that showed it or could now show it.
 */
import { createHash } from 'crypto';

export const ALL_TAG = 'all';
export const WHATSAPP_SETTINGS_TAG = 'settings:whatsapp';

export const listTag = (type: string, locale?: string | null): string =>
  locale ? `list:${type}:${locale}` : `list:${type}`;
export const relatedTag = (documentId: string, locale: string): string => `related:${documentId}:${locale}`;
/** Pages that list the articles giving a Hak Jawab to this one: purged when such a notice comes or goes. */
export const hakJawabTag = (documentId: string): string => `hak-jawab:${tagSafe(documentId)}`;

/** A value as a header-safe tag part: itself when short and plain, else a stable digest of it. */
export function tagSafe(value: string): string {
  return /^[A-Za-z0-9._~-]{1,96}$/.test(value)
    ? value
    : `~${createHash('sha1').update(value).digest('hex').slice(0, 20)}`;
}

export const slugTag = (type: string, locale: string | null, value: string): string =>
  `slug:${type}:${locale ?? '*'}:${tagSafe(value)}`;

/** Core-store keys whose values public responses show (settings, the default locale); the rest is bookkeeping. */
const STORE_ALIASES: Record<string, string> = { 'plugin_newsroom_whatsapp-follow': WHATSAPP_SETTINGS_TAG };
const UNTRACKED_STORE_KEYS = new Set(['plugin_newsroom_related-rebuild']);
export const isTrackedStoreKey = (key: unknown): key is string =>
  typeof key === 'string' && /^plugin_(i18n|newsroom|users-permissions)_/.test(key) && !UNTRACKED_STORE_KEYS.has(key);
export const storeTag = (key: string): string => STORE_ALIASES[key] ?? `store:${key}`;

export type WrittenDocument = {
  type: string;
  documentId?: string | null;
  /** The locales the write touched; none for a type without locales. */
  locales: string[];
  /** The document's slugs after the write, per locale. */
  slugs?: { locale: string | null; value: string }[];
};

/** What a write of one document purges. */
export function writeTags({ type, documentId, locales, slugs = [] }: WrittenDocument): string[] {
  const tags = new Set<string>([listTag(type), ...locales.map((locale) => listTag(type, locale))]);
  if (documentId) tags.add(documentId);
  for (const { locale, value } of slugs) {
    tags.add(slugTag(type, locale, value));
    tags.add(slugTag(type, null, value));
  }
  return [...tags];
}

export type TagHeader = { name: string; separator: ' ' | ',' };

/** Cloudflare's Cache-Tag and Akamai's Edge-Cache-Tag are comma-separated; Fastly's Surrogate-Key and xkey use spaces. */
export const tagHeader = (name: string): TagHeader => ({
  name,
  separator: /^(cache-tag|edge-cache-tag)$/i.test(name) ? ',' : ' ',
});

/**
 * The tags as one header value within `budget` bytes: all of them when they fit, else each document and
 * slug tag replaced by its type's tag (coarser, never staler). Null when even that does not fit: the
 * response must then not be kept by a shared cache that purges by these headers.
 */
export function tagHeaderValue(
  tags: Iterable<string>,
  coarse: ReadonlyMap<string, string>,
  separator: string,
  budget: number
): string | null {
  const fine = [...new Set(tags)].sort();
  const joined = fine.join(separator);
  if (joined.length <= budget) return joined;
  const coarsened = [...new Set(fine.map((tag) => coarse.get(tag) ?? tag))].sort().join(separator);
  return coarsened.length <= budget ? coarsened : null;
}
