import type { Core, Modules, Schema, UID } from '@strapi/strapi';
import { slugCandidates, slugifyTitle } from '../utils/slugs/slug';
import { getService } from '../get-service';

/** Slugs looked up per query while looking for a free one (most titles need just the first). */
const SLUG_BATCH = 20;

type SlugSource = { slugField: string; sourceField: string };
type DerivedUid = Schema.Attribute.UID & { targetField: string };
/** What this middleware reads and fills in of a create or update, whichever type it writes. */
type WriteParams = { data?: Record<string, unknown>; locale?: string; documentId?: string };

const isDerivedUid = (entry: [string, Schema.Attribute.AnyAttribute]): entry is [string, DerivedUid] =>
  entry[1].type === 'uid' && Boolean(entry[1].targetField);

/** The uid attributes that derive from another field, e.g. article.slug from article.title. */
export function findSlugSources(strapi: Core.Strapi, uid: UID.ContentType): SlugSource[] {
  const contentType = strapi.contentTypes[uid];
  if (!contentType || !uid.startsWith('api::')) return [];
  return Object.entries(contentType.attributes as Record<string, Schema.Attribute.AnyAttribute>)
    .filter(isDerivedUid)
    .map(([slugField, attribute]) => ({ slugField, sourceField: attribute.targetField }));
}

/**
 * Seeds, imports and API writes often send a title without a slug. Generate it the same way the admin
 * does, and resolve a clash within the locale with a numeric suffix instead of failing the write.
 */
export async function generateSlug(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  slugField: string,
  source: string,
  locale: string | undefined,
  documentId: string | undefined
): Promise<string | null> {
  const base = slugifyTitle(source);
  if (!base) return null;
  // Exact slugs, a batch at a time: equality uses the slug index on every database, where a prefix
  // search (LIKE 'base%') scans the whole archive on SQLite and PostgreSQL.
  for (let first = 1; ; first += SLUG_BATCH) {
    const candidates = slugCandidates(base, first, SLUG_BATCH);
    const where: Record<string, unknown> = { [slugField]: { $in: candidates } };
    if (locale) where.locale = locale;
    // Draft and published rows of one document share its slug: they are not a clash.
    if (documentId) where.documentId = { $ne: documentId };
    const rows: Record<string, unknown>[] = await strapi.db.query(uid).findMany({ where, select: [slugField] });
    const taken = new Set(rows.map((row) => row[slugField]));
    const free = candidates.find((candidate) => !taken.has(candidate));
    if (free) return free;
  }
}

const slugMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (context.action !== 'create' && context.action !== 'update') return next();
    const sources = findSlugSources(strapi, context.uid);
    const params = context.params as WriteParams | undefined;
    const data = params?.data;
    if (sources.length === 0 || !params || !data) return next();

    const locale = params.locale ?? (await defaultLocale(strapi));
    for (const { slugField, sourceField } of sources) {
      const current = data[slugField];
      const missing = current === undefined || current === null || current === '';
      if (!missing) continue;
      const creatingLocalization =
        context.action === 'update' &&
        current === undefined &&
        !(await localizationExists(strapi, context.uid, params.documentId, locale));
      // On update, an absent slug means "unchanged", unless the update creates a new localization.
      const shouldGenerate = context.action === 'create' || current !== undefined || creatingLocalization;
      // A new localization may take its source from another locale (author.name is not localized).
      const source =
        data[sourceField] ??
        (creatingLocalization
          ? await sourceFromOtherLocale(strapi, context.uid, params.documentId, sourceField)
          : undefined);
      if (shouldGenerate && typeof source === 'string' && source.trim()) {
        const slug = await generateSlug(strapi, context.uid, slugField, source, locale, params.documentId);
        if (slug) data[slugField] = slug;
      }
    }
    return next();
  };

async function localizationExists(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  documentId: string | undefined,
  locale: string | undefined
) {
  const where: Record<string, unknown> = { documentId };
  if (locale) where.locale = locale;
  return (await strapi.db.query(uid).count({ where })) > 0;
}

async function sourceFromOtherLocale(
  strapi: Core.Strapi,
  uid: UID.ContentType,
  documentId: string | undefined,
  sourceField: string
): Promise<unknown> {
  const row: Record<string, unknown> | null = await strapi.db.query(uid).findOne({
    where: { documentId },
    select: [sourceField],
  });
  return row?.[sourceField];
}

async function defaultLocale(strapi: Core.Strapi): Promise<string | undefined> {
  return getService('locales', strapi).defaultCode();
}

export default slugMiddleware;
