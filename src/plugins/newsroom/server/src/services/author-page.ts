import type { Core, Modules } from '@strapi/strapi';
import { AUTHOR_PAGE_ITEMS, AUTHOR_UID } from '../constants';
import { newsroomConfig } from '../config';
import { buildProfilePageJsonLd } from '../utils/reader/json-ld';
import { absoluteUrl, authorPath } from '../utils/reader/urls';
import { getService } from '../get-service';

/**
 * Only public fields, named one by one: `email` is private and must never reach a page, whatever a
 * future schema change adds. Author has no draft & publish, so every row of a locale is public.
 */
const AUTHOR_FIELDS = [
  'name',
  'slug',
  'role',
  'bio',
  'locale',
  'updatedAt',
] satisfies Modules.Documents.Params.Fields.ArrayNotation<typeof AUTHOR_UID>;
const AUTHOR_POPULATE = {
  avatar: { fields: ['url', 'width', 'height', 'formats', 'alternativeText'] },
  socialLinks: true,
} satisfies Modules.Documents.Params.Populate.ObjectNotation<typeof AUTHOR_UID>;

type ImageFormat = { url: string; width?: number | null; height?: number | null };
// The Document Service types every attribute of a result as optional and nullable, required in the
// schema or not: these are the fields and relations the read below asks for, as an author row has them.
type AuthorRow = {
  documentId: string;
  name: string;
  slug: string;
  role: string;
  bio: string | null;
  locale: string;
  updatedAt: string;
  avatar?:
    | (ImageFormat & { formats?: Record<string, ImageFormat | undefined> | null; alternativeText?: string | null })
    | null;
  socialLinks?: { platform: string; url: string }[] | null;
};

/**
 * The author page (`/read/:locale/penulis/:slug`): the author in that locale and one page of their
 * published articles there, newest first. An author with no article in the locale still has a page:
 * Google News treats author pages as the evidence behind a byline, and a new reporter has one too.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** `null` for an unknown author, `{ outOfRange }` for a page number past the last page. */
  async bySlug(locale: string, slug: string, page = 1, pageSize: number = AUTHOR_PAGE_ITEMS) {
    const feeds = getService('feeds', strapi);
    const { siteUrl } = newsroomConfig(strapi);
    const author = (await strapi.documents(AUTHOR_UID).findFirst({
      locale,
      status: 'published',
      filters: { slug: { $eq: slug } },
      fields: AUTHOR_FIELDS,
      populate: AUTHOR_POPULATE,
    })) as AuthorRow | null;
    if (!author) return null;

    const scope = { authorDocumentId: author.documentId };
    const [total, items, alternates] = await Promise.all([
      feeds.countLatest(locale, scope) as Promise<number>,
      feeds.latest(locale, { ...scope, start: (page - 1) * pageSize, limit: pageSize }),
      feeds.translationsOf('authors', author.documentId) as Promise<{ locale: string; url: string }[]>,
    ]);
    const pages = Math.max(1, Math.ceil(total / pageSize));
    if (page > pages) return { outOfRange: true as const };

    const firstUrl = `${siteUrl}${authorPath(locale, author.slug)}`;
    const pageUrl = (n: number) => (n > 1 ? `${firstUrl}?page=${n}` : firstUrl);
    // A small rendition when the upload plugin made one: the page shows a portrait, not a 4000px original.
    const rendition: ImageFormat | null = author.avatar
      ? (author.avatar.formats?.small ?? author.avatar.formats?.thumbnail ?? author.avatar)
      : null;
    const avatar = rendition?.url
      ? { url: absoluteUrl(siteUrl, rendition.url)!, width: rendition.width ?? null, height: rendition.height ?? null }
      : null;
    const socialLinks = (author.socialLinks ?? []).map((link) => ({ platform: link.platform, url: link.url }));

    return {
      locale,
      name: author.name,
      slug: author.slug,
      role: author.role as string | null,
      bio: author.bio,
      avatar,
      socialLinks,
      url: pageUrl(page),
      pageUrl,
      page,
      pages,
      total,
      items,
      alternates,
      /** For Last-Modified: the author's own edit or their newest story's, whichever is later. */
      updates: [author.updatedAt as string | null, ...items.map((item) => item.updatedAt)],
      jsonLd: buildProfilePageJsonLd({
        name: author.name,
        url: firstUrl,
        jobTitle: author.role,
        description: author.bio,
        imageUrl: absoluteUrl(siteUrl, author.avatar?.url),
        sameAs: socialLinks.map((link) => link.url),
        inLanguage: locale,
      }),
    };
  },
});
