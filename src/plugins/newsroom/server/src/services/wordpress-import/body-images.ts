/**
 * The pictures inside a post's body, moved into Warta's media library like its cover: each image block's
 * file uploaded once (deduplicated by URL, so a picture in a thousand posts is one upload) and the block
 * pointed at the upload. A picture that cannot be had keeps its old (or mirrored) URL and is reported, so
 * the story never loses it silently.
 */
import { LRUCache } from 'lru-cache';
import { UPLOAD_FILE_UID } from '../../constants';
import type { Block, ImageInfo } from '../../utils/wordpress/blocks-types';
import type { PostContext } from './posts';

type UploadRow = ImageInfo & { id: number; formats?: unknown; previewUrl?: string | null; provider_metadata?: unknown };
const FILE_FIELDS = [
  'id',
  'name',
  'alternativeText',
  'caption',
  'width',
  'height',
  'formats',
  'hash',
  'ext',
  'mime',
  'size',
  'url',
  'previewUrl',
  'provider',
  'provider_metadata',
  'createdAt',
  'updatedAt',
];

const iso = (value: unknown) => new Date(value as string).toISOString();

type Known = { row: UploadRow; reused: boolean } | { error: string };
/** The same pictures recur across thousands of posts (a logo, a stock photo): each is looked up once per run. */
export const bodyImageMemo = () => new LRUCache<string, Known>({ max: 2000 });

async function fileOf(ctx: PostContext, url: string, info: { alternativeText: string | null; caption: string | null }) {
  const known = ctx.bodyImages.get(url);
  if (known) return 'error' in known ? known : { row: known.row, reused: true };
  const file = await ctx.media.ensure(url, info);
  const result: Known =
    'error' in file
      ? file
      : {
          row: (await ctx.strapi.db
            .query(UPLOAD_FILE_UID)
            .findOne({ where: { id: file.id }, select: FILE_FIELDS })) as UploadRow,
          reused: file.reused,
        };
  ctx.bodyImages.set(url, result);
  return result;
}

/** Where a picture that could not be uploaded is left: on the media mirror when there is one. */
const mirrored = (ctx: PostContext, url: string) =>
  ctx.mediaFrom && url.includes('/wp-content/uploads/')
    ? `${ctx.mediaFrom.replace(/\/+$/, '')}/${url.split('/wp-content/uploads/')[1]}`
    : url;

/**
 * `blocks` with every image block of the site's own media (`ctx.isOwnMedia`) on its uploaded file; a
 * picture the site showed from elsewhere keeps its URL, one that failed its mirrored or old URL.
 */
export async function uploadBodyImages(ctx: PostContext, itemLabel: string, blocks: Block[]): Promise<Block[]> {
  const out: Block[] = [];
  for (const block of blocks) {
    if (block.type !== 'image') {
      out.push(block);
      continue;
    }
    const { url, alternativeText, caption } = block.image;
    if (!ctx.isOwnMedia(url)) {
      ctx.report.bodyImages.foreign += 1;
      out.push(block);
      continue;
    }
    const file = await fileOf(ctx, url, { alternativeText, caption });
    if ('error' in file) {
      ctx.report.bodyImages.failed += 1;
      ctx.report.mediaFailures.push({ item: itemLabel, url, message: `${file.error}; kept at its old URL` });
      out.push({ ...block, image: { ...block.image, url: mirrored(ctx, url) } });
      continue;
    }
    ctx.report.bodyImages[file.reused ? 'reused' : 'uploaded'] += 1;
    const { row } = file;
    out.push({
      ...block,
      image: {
        ...row,
        // The post's own words about the picture, over the library's (one file serves many posts).
        alternativeText: alternativeText ?? row.alternativeText ?? null,
        caption: caption ?? row.caption ?? null,
        width: row.width ?? 0,
        height: row.height ?? 0,
        createdAt: iso(row.createdAt),
        updatedAt: iso(row.updatedAt),
      },
    });
  }
  return out;
}
