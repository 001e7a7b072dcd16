/** What an import left in Warta, as the importer's tests read it: rows per type, and an article as a reader gets it. */
import type { Core } from '@strapi/strapi';
import {
  ARTICLE_UID,
  AUTHOR_UID,
  CATEGORY_UID,
  MEDIA_CAPTION_UID,
  REDIRECT_UID,
  TAG_UID,
  UPLOAD_FILE_UID,
  WORDPRESS_MAP_TABLE,
} from '../../src/constants';

const UIDS = [ARTICLE_UID, AUTHOR_UID, CATEGORY_UID, TAG_UID, MEDIA_CAPTION_UID, REDIRECT_UID, UPLOAD_FILE_UID];

/** Rows of every type an import writes, and of its map: equal before and after means nothing was written. */
export async function importRowCounts(strapi: Core.Strapi) {
  const counts: Record<string, number> = {};
  for (const uid of UIDS) counts[uid] = await strapi.db.query(uid as any).count();
  counts.map = Number(((await strapi.db.connection(WORDPRESS_MAP_TABLE).count({ n: '*' })) as any)[0].n);
  return counts;
}

/** The imported article with this slug in `id`, with its authors, category, tags and cover. */
export const importedArticle = (strapi: Core.Strapi, slug: string, status: 'draft' | 'published' = 'published') =>
  strapi.documents(ARTICLE_UID).findFirst({
    filters: { slug },
    locale: 'id',
    status,
    populate: { authors: true, category: true, tags: true, cover: { populate: ['image'] } },
  } as any) as Promise<any>;
