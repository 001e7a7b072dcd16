/** What the feeds read: the fields, orders and filters of their queries, and the rows they get back. */
import type { Modules } from '@strapi/strapi';
import { ARTICLE_UID, AUTHOR_UID, CATEGORY_UID, TAG_UID } from '../../constants';
import { articlePath, authorPath, categoryPath, tagPath } from '../../utils/reader/urls';

export type SitemapKind = 'articles' | 'categories' | 'tags' | 'authors';
export const SITEMAP_KINDS: SitemapKind[] = ['articles', 'categories', 'tags', 'authors'];

// Authors have no draft & publish: the Document Service treats every author row as published.
export const KIND_UIDS = {
  articles: ARTICLE_UID,
  categories: CATEGORY_UID,
  tags: TAG_UID,
  authors: AUTHOR_UID,
} as const;
export const KIND_PATHS = {
  articles: articlePath,
  categories: categoryPath,
  tags: tagPath,
  authors: authorPath,
} as const;

export const LIST_FIELDS = [
  'title',
  'slug',
  'lead',
  'datePublished',
  'publishedAt',
  'updatedAt',
  'timezone',
  'locale',
  'sponsoredLabel',
  'sponsorName',
] satisfies Modules.Documents.Params.Fields.ArrayNotation<typeof ARTICLE_UID>;
export const LIST_POPULATE = {
  authors: { fields: ['name'] },
  category: { fields: ['name', 'slug'] },
  cover: {
    fields: ['altText'],
    populate: { image: { fields: ['url', 'mime', 'width', 'height', 'alternativeText'] } },
  },
} satisfies Modules.Documents.Params.Populate.ObjectNotation<typeof ARTICLE_UID>;

// The Document Service types every attribute of a result as optional and nullable, required in the schema
// or not. These are the columns each read below selects, as a published row has them.
export type NewsRow = {
  title: string;
  slug: string;
  datePublished: string;
  updatedAt: string;
  timezone: string;
  locale: string;
};
export type SitemapRow = { documentId: string; slug: string; updatedAt: string };
export type ListRow = {
  title: string;
  slug: string;
  lead: string | null;
  datePublished: string | null;
  publishedAt: string | null;
  updatedAt: string;
  timezone: string | null;
  locale: string;
  sponsoredLabel?: string | null;
  sponsorName?: string | null;
  authors?: { name: string }[] | null;
  category?: { name: string; slug: string } | null;
  cover?: {
    altText: string | null;
    image?: {
      url: string;
      mime: string;
      width: number | null;
      height: number | null;
      alternativeText: string | null;
    } | null;
  } | null;
};
export type TagSummary = { id: number; documentId: string; name: string; slug: string };

// The Document Service sorts by documentId (a column of every content type), but its sort types list
// only schema attributes: the order is declared as a plain string, then given the sort type.
export const DOCUMENT_ID_ORDER: string = 'documentId:asc';
export const BY_DOCUMENT_ID = [
  DOCUMENT_ID_ORDER as Modules.Documents.Params.Sort.StringNotation<(typeof KIND_UIDS)[SitemapKind]>,
];

export type TreeNode = {
  id: number;
  documentId: string;
  name: string;
  slug: string;
  description?: string | null;
  parent?: { id: number } | null;
};

export type ListedArticle = {
  title: string;
  url: string;
  lead: string | null;
  datePublished: string | null;
  updatedAt: string | null;
  timezone: string | null;
  authors: string[];
  category?: string;
  imageUrl: string | null;
  imageAlt: string | null;
  image: { mime?: string; width?: number | null; height?: number | null } | null;
  /** "Advertorial", "Konten Sponsor", "Iklan" (or in English) for sponsored content, else null. */
  sponsoredLabelText: string | null;
  sponsorName: string | null;
};

export type ArticleScope = { categoryIds?: number[]; tagDocumentId?: string; authorDocumentId?: string };

export function articleFilters({
  categoryIds,
  tagDocumentId,
  authorDocumentId,
}: ArticleScope): Record<string, unknown> {
  const filters: Record<string, unknown> = {};
  if (categoryIds) filters.category = { id: { $in: categoryIds } };
  if (tagDocumentId) filters.tags = { documentId: { $eq: tagDocumentId } };
  if (authorDocumentId) filters.authors = { documentId: { $eq: authorDocumentId } };
  return filters;
}

export const iso = (value: unknown): string | null => {
  if (!value) return null;
  const date = new Date(value as string);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
};
