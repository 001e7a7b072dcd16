import fs from 'fs';
import path from 'path';
import type { Core, Modules, UID } from '@strapi/strapi';
import { ARTICLE_UID, AUTHOR_UID, CATEGORY_UID, DEFAULT_LOCALE, MEDIA_CAPTION_UID, TAG_UID } from '../constants';
import { getService } from '../plugins/newsroom/server/src/get-service';

/**
 * Demo content lives in data/seed/*.json. Every entry has a stable `key`; the documentId created for it
 * is remembered in the core store, so a second run finds it and leaves it alone. The seed never
 * updates an existing entry: whatever an editor changed (or deleted) stays as the editor left it.
 */
export const SEED_DIR = path.join(__dirname, '..', '..', '..', 'data', 'seed');
const REGISTRY_KEY = 'seed-registry';

type Localized<T> = { id?: T; en?: T };
type CategorySeed = { key: string; parent: string | null } & Localized<{
  name: string;
  slug?: string;
  description?: string;
}>;
type TagSeed = { key: string } & Localized<{ name: string; slug?: string }>;
type AuthorSeed = {
  key: string;
  name: string;
  email?: string;
  avatar?: string;
  socialLinks?: { platform: string; url: string }[];
} & Localized<{ role: string; bio?: string; slug?: string }>;
type CaptionSeed = {
  key: string;
  image: string;
  credit?: string;
  creditLabel?: string;
} & Localized<{ caption: string; altText?: string }>;
type ArticleSeed = {
  key: string;
  locale: 'id' | 'en';
  translationOf?: string | null;
  title: string;
  slug?: string;
  lead?: string;
  dateline?: string;
  body: string[];
  cover?: string;
  authors?: string[];
  editor?: string;
  category?: string;
  tags?: string[];
  timezone?: 'WIB' | 'WITA' | 'WIT';
  datePublished?: string;
  status?: 'published' | 'draft';
};

/**
 * Strapi's `update` takes `status` (saving, then publishing), though its types give it to `create` only.
 * The seed's `data` comes from JSON that Strapi validates when it is written.
 */
type ArticleUpdate = Modules.Documents.ServiceParams<typeof ARTICLE_UID>['update'] & { status: 'published' | 'draft' };

/** The one column the seed selects to find an entry it made before. */
type DocumentRow = { documentId: string };

export type SeedReport = Record<
  'categories' | 'tags' | 'authors' | 'mediaCaptions' | 'articles' | 'whatsappChannel',
  { created: number; kept: number }
>;

function readJson<T>(dir: string, file: string): T {
  return JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as T;
}

const LOCALE_ORDER = [DEFAULT_LOCALE, 'en'] as const;

export async function seedDemoContent(strapi: Core.Strapi, dataDir: string = SEED_DIR): Promise<SeedReport> {
  const store = strapi.store({ type: 'core', name: 'warta' });
  const registry = ((await store.get({ key: REGISTRY_KEY })) ?? {}) as Record<string, string>;
  const report: SeedReport = {
    categories: { created: 0, kept: 0 },
    tags: { created: 0, kept: 0 },
    authors: { created: 0, kept: 0 },
    mediaCaptions: { created: 0, kept: 0 },
    articles: { created: 0, kept: 0 },
    whatsappChannel: { created: 0, kept: 0 },
  };
  const saveRegistry = () => store.set({ key: REGISTRY_KEY, value: registry });

  /**
   * Creates each missing localization of one seeded document. A localization that exists, or that the
   * registry knows about, is never touched again.
   */
  async function ensureDocument(
    uid: UID.ContentType,
    registryKey: string,
    bucket: keyof SeedReport,
    localizations: { locale: string; data: Record<string, unknown>; status?: 'published' | 'draft' }[],
    findExisting: (locale: string, data: Record<string, unknown>) => Promise<string | null>
  ): Promise<string | null> {
    let documentId: string | null = null;
    let created = false;
    for (const { locale, data, status } of localizations) {
      const localeKey = `${registryKey}@${locale}`;
      if (registry[localeKey]) {
        documentId = documentId ?? registry[localeKey];
        continue;
      }
      const existing = await findExisting(locale, data);
      if (existing) {
        documentId = documentId ?? existing;
        registry[localeKey] = existing;
        continue;
      }
      const params = { locale, data, ...(status ? { status } : {}) };
      const entry: { documentId: string } | null = documentId
        ? await strapi.documents(uid).update({ ...params, documentId })
        : await strapi.documents(uid).create(params);
      // `update` answers null only for a document that no longer exists; the seed stops here then, as it always has.
      documentId = entry!.documentId;
      registry[localeKey] = entry!.documentId;
      created = true;
    }
    report[bucket][created ? 'created' : 'kept'] += 1;
    await saveRegistry();
    return documentId;
  }

  const bySlug = (uid: UID.ContentType) => async (locale: string, data: Record<string, unknown>) => {
    if (!data.slug) return null;
    const row: DocumentRow | null = await strapi.db
      .query(uid)
      .findOne({ where: { slug: data.slug, locale }, select: ['documentId'] });
    return row?.documentId ?? null;
  };

  const ids: Record<string, Record<string, string>> = { category: {}, tag: {}, author: {}, caption: {}, article: {} };
  const relation = (kind: string, key: string | null | undefined) => {
    if (!key) return undefined;
    const documentId = ids[kind][key];
    if (!documentId) throw new Error(`Seed data refers to unknown ${kind} "${key}"`);
    return documentId;
  };

  for (const category of readJson<CategorySeed[]>(dataDir, 'categories.json')) {
    const localizations = LOCALE_ORDER.filter((locale) => category[locale]).map((locale) => ({
      locale,
      data: { ...category[locale]!, parent: category.parent ? relation('category', category.parent) : null },
    }));
    const id = await ensureDocument(
      CATEGORY_UID,
      `category:${category.key}`,
      'categories',
      localizations,
      bySlug(CATEGORY_UID)
    );
    if (id) ids.category[category.key] = id;
  }

  for (const tag of readJson<TagSeed[]>(dataDir, 'tags.json')) {
    const localizations = LOCALE_ORDER.filter((locale) => tag[locale]).map((locale) => ({
      locale,
      data: { ...tag[locale]! },
    }));
    const id = await ensureDocument(TAG_UID, `tag:${tag.key}`, 'tags', localizations, bySlug(TAG_UID));
    if (id) ids.tag[tag.key] = id;
  }

  for (const author of readJson<AuthorSeed[]>(dataDir, 'authors.json')) {
    const avatar = author.avatar ? await ensureUpload(strapi, dataDir, author.avatar, author.name) : undefined;
    const localizations = LOCALE_ORDER.filter((locale) => author[locale]).map((locale) => ({
      locale,
      data: {
        name: author.name,
        email: author.email,
        socialLinks: author.socialLinks ?? [],
        ...(avatar ? { avatar } : {}),
        ...author[locale]!,
      },
    }));
    const findAuthor = async (locale: string) => {
      const row: DocumentRow | null = await strapi.db
        .query(AUTHOR_UID)
        .findOne({ where: { name: author.name, locale }, select: ['documentId'] });
      return row?.documentId ?? null;
    };
    const id = await ensureDocument(AUTHOR_UID, `author:${author.key}`, 'authors', localizations, findAuthor);
    if (id) ids.author[author.key] = id;
  }

  for (const caption of readJson<CaptionSeed[]>(dataDir, 'media-captions.json')) {
    const registryKey = `caption:${caption.key}`;
    const known = LOCALE_ORDER.every((locale) => !caption[locale] || registry[`${registryKey}@${locale}`]);
    const image = known
      ? undefined
      : await ensureUpload(strapi, dataDir, caption.image, caption.id?.altText ?? caption.key);
    const localizations = LOCALE_ORDER.filter((locale) => caption[locale]).map((locale) => ({
      locale,
      data: { image, credit: caption.credit, creditLabel: caption.creditLabel ?? 'Foto', ...caption[locale]! },
    }));
    const id = await ensureDocument(MEDIA_CAPTION_UID, registryKey, 'mediaCaptions', localizations, async () => null);
    if (id) ids.caption[caption.key] = id;
  }

  const articles = readJson<ArticleSeed[]>(dataDir, 'articles.json');
  // Originals first, so a translation can join its original's document.
  const ordered = [...articles.filter((a) => !a.translationOf), ...articles.filter((a) => a.translationOf)];
  for (const article of ordered) {
    const data = {
      title: article.title,
      ...(article.slug ? { slug: article.slug } : {}),
      lead: article.lead,
      body: getService('article-fields', strapi).blocksFromParagraphs(article.body),
      dateline: article.dateline,
      cover: relation('caption', article.cover) ?? null,
      authors: (article.authors ?? []).map((key) => relation('author', key)),
      editor: relation('author', article.editor) ?? null,
      category: relation('category', article.category) ?? null,
      tags: (article.tags ?? []).map((key) => relation('tag', key)),
      timezone: article.timezone ?? 'WIB',
      datePublished: article.datePublished ?? null,
    };
    const registryKey = `article:${article.translationOf ?? article.key}`;
    if (article.translationOf && ids.article[article.translationOf]) {
      // The translation is another locale of the original's document.
      registry[`${registryKey}@${DEFAULT_LOCALE}`] ??= ids.article[article.translationOf];
    }
    const findArticle = async (locale: string) => {
      const slug = article.slug ?? null;
      if (!slug) {
        const row: DocumentRow | null = await strapi.db
          .query(ARTICLE_UID)
          .findOne({ where: { title: article.title, locale }, select: ['documentId'] });
        return row?.documentId ?? null;
      }
      return bySlug(ARTICLE_UID)(locale, { slug });
    };
    const localizations = [{ locale: article.locale, data, status: article.status ?? ('published' as const) }];
    if (article.translationOf) {
      const documentId = ids.article[article.translationOf];
      if (!documentId)
        throw new Error(`Seed translation "${article.key}" refers to unknown article "${article.translationOf}"`);
      const localeKey = `${registryKey}@${article.locale}`;
      if (registry[localeKey] || (await findArticle(article.locale))) {
        registry[localeKey] ??= documentId;
        report.articles.kept += 1;
      } else {
        const update: ArticleUpdate = {
          documentId,
          locale: article.locale,
          data: data as ArticleUpdate['data'],
          status: article.status ?? 'published',
        };
        await strapi.documents(ARTICLE_UID).update(update);
        registry[localeKey] = documentId;
        report.articles.created += 1;
      }
      await saveRegistry();
      ids.article[article.key] = documentId;
      continue;
    }
    const id = await ensureDocument(ARTICLE_UID, registryKey, 'articles', localizations, findArticle);
    if (id) ids.article[article.key] = id;
  }

  // A labelled demo channel, so the seed page's "Ikuti Saluran WhatsApp" block shows out of the box; an
  // operator's own settings (any saved settings) are never replaced.
  const whatsappFile = path.join(dataDir, 'whatsapp-follow.json');
  if (fs.existsSync(whatsappFile)) {
    const configured = await getService('whatsapp-follow', strapi).configureIfUnset(
      readJson(dataDir, 'whatsapp-follow.json')
    );
    report.whatsappChannel[configured ? 'created' : 'kept'] += 1;
  }

  // Publishing schedules "Berita Terkait" recomputation; the demo is ready once it has finished.
  await getService('related-news', strapi).idle();
  return report;
}

const MIME_BY_EXTENSION: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
};

/** Uploads a file of the seed once; a second run finds it by name and hash-free lookup. */
async function ensureUpload(strapi: Core.Strapi, dataDir: string, relativePath: string, alternativeText: string) {
  const filepath = path.join(dataDir, relativePath);
  const name = path.basename(filepath);
  const existing = await strapi.db.query('plugin::upload.file').findOne({ where: { name }, select: ['id'] });
  if (existing) return existing.id;
  const stats = fs.statSync(filepath);
  const [file] = await strapi
    .plugin('upload')
    .service('upload')
    .upload({
      data: { fileInfo: { name, alternativeText, caption: alternativeText } },
      files: {
        filepath,
        originalFilename: name,
        mimetype: MIME_BY_EXTENSION[path.extname(name).toLowerCase()] ?? 'application/octet-stream',
        size: stats.size,
      },
    });
  return file.id;
}

/** `npm run develop` on an empty database: a newcomer sees a newsroom, not an empty admin. */
export async function seedIfEmpty(strapi: Core.Strapi): Promise<void> {
  const count = await strapi.db.query(ARTICLE_UID).count();
  if (count > 0) return;
  strapi.log.info('[warta] empty database: importing demo content');
  const report = await seedDemoContent(strapi);
  strapi.log.info(`[warta] demo content imported: ${JSON.stringify(report)}`);
}
