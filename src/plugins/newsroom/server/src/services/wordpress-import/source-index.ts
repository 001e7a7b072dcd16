/**
 * The first pass over a source: what every post's links and cover need to know about the others (each
 * post's id, slug and dates, each attachment's URL and caption, the terms and authors), a few hundred
 * bytes per post, so the second pass can rewrite links to posts that come later in the file and find
 * covers whose attachment follows its post.
 */
import type { WxrAuthor, WxrCategory, WxrRecord, WxrSite, WxrTag } from '../../utils/wordpress/wxr';
import { slugifyTitle } from '../../utils/slugs/slug';
import { GUEST_AUTHOR_TYPE, guestAuthorOf, type GuestAuthor } from '../../utils/wordpress/co-authors';

export type IndexedPost = {
  id: number;
  slug: string;
  title: string;
  link: string;
  guid: string;
  localDate: string;
  type: string;
};
export type IndexedAttachment = { url: string; caption: string; alt: string; title: string; description: string };
export type SourceIndex = {
  site: WxrSite | null;
  authors: WxrAuthor[];
  /** Co-Authors Plus bylines without a WordPress account. */
  guestAuthors: GuestAuthor[];
  categories: WxrCategory[];
  tags: WxrTag[];
  posts: Map<number, IndexedPost>;
  attachments: Map<number, IndexedAttachment>;
  itemCount: number;
};

export const VALID_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The slug a post will ask for: its WordPress one when Warta accepts it, else one made from the title. */
export const intendedSlug = (slug: string, title: string): string =>
  VALID_SLUG.test(slug) && slug.length <= 180 ? slug : slugifyTitle(title || slug) || '';

/** The index, and the error that ended the source early (a truncated file): what was read before it is imported. */
export async function indexSource(records: AsyncIterable<WxrRecord>): Promise<{ index: SourceIndex; error: unknown }> {
  const index: SourceIndex = {
    site: null,
    authors: [],
    guestAuthors: [],
    categories: [],
    tags: [],
    posts: new Map(),
    attachments: new Map(),
    itemCount: 0,
  };
  try {
    await readInto(index, records);
  } catch (error) {
    return { index, error };
  }
  return { index, error: null };
}

async function readInto(index: SourceIndex, records: AsyncIterable<WxrRecord>) {
  for await (const record of records) {
    if (record.kind === 'site') index.site = record;
    else if (record.kind === 'author') index.authors.push(record);
    else if (record.kind === 'category') index.categories.push(record);
    else if (record.kind === 'tag') index.tags.push(record);
    else if (record.kind === 'item') {
      index.itemCount += 1;
      if (record.type === 'attachment') {
        index.attachments.set(record.postId, {
          url: record.attachmentUrl || record.guid,
          caption: record.excerpt,
          alt: record.meta._wp_attachment_image_alt ?? '',
          title: record.title,
          description: record.content,
        });
      } else if (record.type === GUEST_AUTHOR_TYPE) {
        const guest = guestAuthorOf(record);
        if (guest) index.guestAuthors.push(guest);
      } else if (record.type === 'post') {
        index.posts.set(record.postId, {
          id: record.postId,
          slug: intendedSlug(record.slug, record.title),
          title: record.title,
          link: record.link,
          guid: record.guid,
          localDate: record.postDate,
          type: record.type,
        });
      }
    }
  }
}
