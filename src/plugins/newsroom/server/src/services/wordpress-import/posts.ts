/** One WordPress item of the second pass: a post to an article (with its cover and redirects), anything else counted as skipped. */
import { ARTICLE_UID, MEDIA_CAPTION_UID } from '../../constants';
import { getService } from '../../get-service';
import { htmlToBlocks } from '../../utils/wordpress/html-to-blocks';
import { oldPathsOf } from '../../utils/wordpress/permalinks';
import { htmlText, planPost } from '../../utils/wordpress/post';
import { splitCaptionCredit } from '../../utils/wordpress/credit';
import { bylineLogins } from '../../utils/wordpress/co-authors';
import type { WxrItem } from '../../utils/wordpress/wxr';
import type { importMedia } from './media';
import type { ImportReport } from './report';
import type { SourceIndex } from './source-index';
import { freeSlug, upsertDocument, type WriteContext } from './writes';
import { bodyImageMemo, uploadBodyImages } from './body-images';

export type PostContext = WriteContext & {
  report: ImportReport;
  index: SourceIndex;
  media: ReturnType<typeof importMedia>;
  mediaFrom: string | null;
  permalinks: string[];
  authors: Map<string, string>;
  categories: Map<string, string>;
  categoryByTermId: Map<number, string>;
  tags: Map<string, string>;
  rewriteLink: (href: string) => string;
  /** A picture of the site's own uploads (moved into the media library), not one it showed from elsewhere. */
  isOwnMedia: (url: string) => boolean;
  /** This run's body pictures by URL (see body-images.ts). */
  bodyImages: ReturnType<typeof bodyImageMemo>;
};

const label = (item: WxrItem) => `post ${item.postId}${item.title ? ` "${item.title.slice(0, 60)}"` : ''}`;
/** Yoast SEO's primary category, when the site used it. */
const PRIMARY_CATEGORY_META = '_yoast_wpseo_primary_category';

function skip(ctx: PostContext, item: WxrItem, reason: string) {
  ctx.report.skippedByReason[reason] = (ctx.report.skippedByReason[reason] ?? 0) + 1;
  // Menus, attachments and pages are counted, not listed one by one.
  if (item.type === 'post') ctx.report.skipped.push({ item: label(item), reason });
}

export async function writePost(ctx: PostContext, item: WxrItem): Promise<void> {
  const plan = planPost(item);
  if (plan.action === 'skip') return skip(ctx, item, plan.reason);
  const name = label(item);
  const notes = [...plan.notes];
  // Image sources stay as written: the upload finds each file the way it finds a cover's.
  const converted = htmlToBlocks(item.content, { rewriteLink: ctx.rewriteLink, baseUrl: item.link || undefined });
  if (converted.unmapped.length) ctx.report.unmapped.push({ item: name, entries: converted.unmapped });

  const categorySlugs = item.terms.filter((term) => term.domain === 'category').map((term) => term.slug);
  const tagSlugs = item.terms.filter((term) => term.domain === 'post_tag').map((term) => term.slug);
  const primaryTerm = Number(item.meta[PRIMARY_CATEGORY_META]);
  const category =
    (Number.isFinite(primaryTerm) ? ctx.categoryByTermId.get(primaryTerm) : undefined) ??
    categorySlugs.map((slug) => ctx.categories.get(slug)).find(Boolean) ??
    null;
  let status = plan.status;
  if (status === 'published' && !category) {
    status = 'draft';
    notes.push('no category: imported as a draft (Warta publishes only with a category)');
  }
  const bylines = bylineLogins(item);
  const authorIds = [
    ...new Set(bylines.map((login) => ctx.authors.get(login)).filter((id): id is string => Boolean(id))),
  ];
  const missingAuthors = bylines.filter((login) => !ctx.authors.has(login));
  if (missingAuthors.length) notes.push(`unknown author ${missingAuthors.join(', ')}`);
  const tagIds = [...new Set(tagSlugs.map((slug) => ctx.tags.get(slug)).filter((id): id is string => Boolean(id)))];
  const thumbnail = Number(item.meta._thumbnail_id);
  const attachment = Number.isFinite(thumbnail) ? ctx.index.attachments.get(thumbnail) : undefined;
  if (item.meta._thumbnail_id && !attachment)
    notes.push(`featured image ${item.meta._thumbnail_id} is not in the export`);

  // The source as imported: a re-run with the same source and the same mapping changes nothing.
  const source = { item: { ...item, line: 0 }, status, category, authorIds, tagIds, attachment };
  let redirects = { created: 0, updated: 0 };
  const written = await upsertDocument(
    ctx,
    'post',
    ARTICLE_UID,
    String(item.postId),
    source,
    async (documentId, { cover, body }) => {
      return {
        title: plan.title,
        lead: plan.lead,
        body,
        datePublished: plan.datePublished,
        // A WordPress `future` post: the scheduler publishes it at its time, through the same publish rules.
        ...(plan.publishAt && status === 'draft' ? { publishAt: plan.publishAt } : {}),
        authors: authorIds,
        category,
        tags: tagIds,
        ...(cover ? { cover } : {}),
        ...(documentId ? {} : { slug: await freeSlug(ctx, ARTICLE_UID, item.slug, null) }),
      };
    },
    {
      publish: status === 'published',
      draftAndPublish: true,
      prepare: async () => ({
        cover: attachment ? await coverOf(ctx, item, thumbnail, attachment) : null,
        body: await uploadBodyImages(ctx, name, converted.blocks),
      }),
      after: async (documentId) => {
        const primarySlug = categorySlugs[0] ?? null;
        const paths = oldPathsOf(
          {
            id: item.postId,
            slug: item.slug,
            localDate: item.postDate,
            link: item.link,
            guid: item.guid,
            category: primarySlug,
            categoryId: null,
            author: bylines[0] ?? null,
          },
          ctx.permalinks
        );
        const stored = await getService('redirects', ctx.strapi).upsert(
          paths.map((fromPath) => ({
            fromPath,
            targetDocumentId: documentId,
            targetLocale: ctx.locale,
            origin: 'wordpress' as const,
          }))
        );
        redirects = stored;
      },
    }
  );
  // Counted once committed: a write the database rolled back for a deadlock runs `after` again.
  ctx.report.redirects.created += redirects.created;
  ctx.report.redirects.updated += redirects.updated;
  ctx.report.posts[written.outcome] += 1;
  if (notes.length && written.outcome !== 'unchanged') ctx.report.notes.push({ item: name, notes });
}

/** The cover: the attachment uploaded once, its caption split into caption and credit, one MediaCaption per attachment. */
async function coverOf(
  ctx: PostContext,
  item: WxrItem,
  attachmentId: number,
  attachment: SourceIndex['attachments'] extends Map<number, infer A> ? A : never
) {
  const captionText = htmlText(attachment.caption) || htmlText(attachment.title) || htmlText(item.title) || 'Foto';
  const split = splitCaptionCredit(captionText);
  const file = await ctx.media.ensure(attachment.url, { alternativeText: attachment.alt, caption: captionText });
  if ('error' in file) {
    ctx.report.media.failed += 1;
    ctx.report.mediaFailures.push({ item: label(item), url: attachment.url, message: file.error });
    return null;
  }
  ctx.report.media[file.reused ? 'reused' : 'uploaded'] += 1;
  const written = await upsertDocument(
    ctx,
    'caption',
    MEDIA_CAPTION_UID,
    String(attachmentId),
    { attachment, file: file.id },
    async () => ({
      image: file.id,
      caption: (split.caption || captionText).slice(0, 500),
      credit: split.credit?.slice(0, 120) ?? null,
      creditLabel: split.creditLabel,
      altText: attachment.alt.slice(0, 250) || null,
    })
  );
  ctx.report.captions[written.outcome] += 1;
  return written.documentId;
}
