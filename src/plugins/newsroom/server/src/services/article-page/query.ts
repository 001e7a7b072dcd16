/** What the article page reads: the fields and relations it selects, and the rows it gets back. */
import type { Modules } from '@strapi/strapi';
import type { ARTICLE_UID, AUTHOR_UID } from '../../constants';
import { COVER_FIELDS, IMAGE_FIELDS_WITH_TYPE } from '../../utils/content/fields';
import type { ImageCrop } from '../../utils/media/image-crops';
import type { Card } from '../related-news/rows';
import type { StoredNotice } from '../../utils/editorial/notices';

const PERSON_FIELDS = ['name', 'slug', 'role', 'bio'] satisfies Modules.Documents.Params.Fields.ArrayNotation<
  typeof AUTHOR_UID
>;

/** Everything a page shows, and nothing else: an explicit selection keeps private fields out from the start. */
export const PAGE_FIELDS = [
  'title',
  'seoTitle',
  'slug',
  'lead',
  'body',
  'dateline',
  'timezone',
  'datePublished',
  'dateModified',
  'publishedAt',
  'updatedAt',
  'locale',
  'sponsoredLabel',
  'sponsorName',
  'sponsorUrl',
  'noAds',
  'adSlots',
] satisfies Modules.Documents.Params.Fields.ArrayNotation<typeof ARTICLE_UID>;
export const PAGE_POPULATE = {
  authors: { fields: PERSON_FIELDS, populate: { avatar: { fields: IMAGE_FIELDS_WITH_TYPE }, socialLinks: true } },
  editor: { fields: PERSON_FIELDS },
  category: { fields: ['name', 'slug'] },
  tags: { fields: ['name', 'slug'] },
  cover: { fields: COVER_FIELDS, populate: { image: { fields: IMAGE_FIELDS_WITH_TYPE } } },
  // Who made or removed a notice (madeBy, removedBy) is private: the editor's record, not the reader's.
  notices: { fields: ['kind', 'text', 'replyArticle', 'madeAt', 'removedAt'] },
  sponsorLogo: { fields: ['url', 'width', 'height', 'alternativeText'] },
} satisfies Modules.Documents.Params.Populate.ObjectNotation<typeof ARTICLE_UID>;
/**
 * What the page's query populates: PAGE_POPULATE without its three media fields, which the page reads in
 * one statement (media.ts) instead of Strapi's one per field. Same rows in the end (tests/read-path.test.ts).
 */
export const PAGE_READ_POPULATE = {
  authors: { fields: PERSON_FIELDS, populate: { socialLinks: true } },
  editor: PAGE_POPULATE.editor,
  category: PAGE_POPULATE.category,
  tags: PAGE_POPULATE.tags,
  cover: { fields: COVER_FIELDS },
  notices: PAGE_POPULATE.notices,
} satisfies Modules.Documents.Params.Populate.ObjectNotation<typeof ARTICLE_UID>;

export type PageStatus = 'published' | 'draft';
export type ArticlePageOptions = {
  status?: PageStatus;
  /** The caller's auth for the output sanitizer (REST, GraphQL); none for Warta's own reader page. */
  auth?: unknown;
  now?: Date;
};
export type ArticleAlternate = { locale: string; slug: string; title: string; url: string };
export type CategoryLink = { documentId: string; name: string; slug: string; url: string };

// The Document Service types every attribute of a result as optional and nullable, required in the
// schema or not. These are the fields and relations PAGE_FIELDS and PAGE_POPULATE select, as a row has them.
type StoredFormat = { url?: string | null; width?: number | null; height?: number | null } | null;
/** An uploaded image as read, and what the page adds to it (`absoluteUrl`, `crops`). */
export type PageImage = {
  id: number;
  documentId: string;
  url: string;
  alternativeText: string | null;
  width: number | null;
  height: number | null;
  formats: Record<string, StoredFormat> | null;
  mime?: string;
  absoluteUrl?: string | null;
  crops?: ImageCrop[];
};
export type PageCover = {
  id: number;
  documentId: string;
  caption: string;
  credit: string | null;
  creditLabel: string;
  altText: string | null;
  image?: PageImage | null;
};
export type PagePerson = {
  id: number;
  documentId: string;
  name: string;
  slug: string;
  role: string;
  bio: string | null;
  avatar?: PageImage | null;
  socialLinks?: { id: number; platform: string; url: string }[];
};
export type PageRelation = { id: number; documentId: string; name: string; slug: string };
export type PageArticle = {
  id: number;
  documentId: string;
  title: string;
  seoTitle: string | null;
  slug: string;
  lead: string | null;
  body: unknown;
  dateline: string | null;
  timezone: string;
  datePublished: string | null;
  dateModified: string | null;
  publishedAt: string | null;
  updatedAt: string;
  locale: string;
  authors?: PagePerson[];
  editor?: PagePerson | null;
  category?: PageRelation | null;
  tags?: PageRelation[];
  cover?: PageCover | null;
  notices?: StoredNotice[] | null;
  sponsoredLabel?: string | null;
  sponsorName?: string | null;
  sponsorUrl?: string | null;
  sponsorLogo?: { url: string; width: number | null; height: number | null; alternativeText: string | null } | null;
  noAds?: boolean | null;
  adSlots?: unknown;
};
/** A related card as the output sanitizer leaves it (`cardOf`: CARD_FIELDS and the cover). */
export type RelatedCard = Card & {
  title: string;
  slug: string;
  lead?: string | null;
  datePublished?: string | null;
  publishedAt?: string;
  timezone?: string | null;
  locale?: string;
  cover?: PageCover | null;
  sponsoredLabel?: string | null;
};
/** A caption whose image the page completes. */
export type Captioned = { image?: Pick<PageImage, 'url' | 'width' | 'height' | 'formats'> | null };
