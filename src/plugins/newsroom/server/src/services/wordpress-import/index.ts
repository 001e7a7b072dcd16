/**
 * The WordPress importer (`npm run import:wordpress`): reads a source twice (utils/wordpress/wxr.ts for a
 * WXR file, rest-source.ts for a live site), first to index it (source-index.ts), then to write authors,
 * the category tree, tags and posts through the Document Service, each with its map row (writes.ts), and
 * each post's old URLs into the redirects store. "Berita Terkait" and cache purges are done once at the
 * end (middlewares/bulk-writes.ts). A failed item is reported and the rest goes on.
 */
import type { Core } from '@strapi/strapi';
import {
  AUTHOR_UID,
  CATEGORY_UID,
  TAG_UID,
  WORDPRESS_IMPORT_CONCURRENCY,
  WORDPRESS_RELATED_REBUILD_ABOVE,
} from '../../constants';
import { getService } from '../../get-service';
import { inBulk } from '../../middlewares/bulk-writes';
import { articlePath } from '../../utils/reader/urls';
import { DEFAULT_PERMALINKS, normalizePath, oldPathsOf } from '../../utils/wordpress/permalinks';
import { WxrError, type WxrRecord } from '../../utils/wordpress/wxr';
import { importMap } from './map';
import { importMedia } from './media';
import { bodyImageMemo } from './body-images';
import type { PostContext } from './posts';
import { postPool } from './post-pool';
import { newReport, type ImportReport } from './report';
import { indexSource } from './source-index';
import { freeSlug, upsertDocument, type WriteContext } from './writes';

export type ImportOptions = {
  /** Opens the source afresh (it is read twice). */
  open: () => AsyncIterable<WxrRecord>;
  source: string;
  locale?: string;
  /** The key of the WordPress site in the map; the export's own blog URL when absent. */
  site?: string;
  dryRun?: boolean;
  overwrite?: boolean;
  mediaDir?: string | null;
  mediaFrom?: string | null;
  permalinks?: string[];
  onProgress?: (phase: string, done: number, total: number) => void;
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async run(options: ImportOptions): Promise<ImportReport> {
    const started = Date.now();
    const report = newReport(options.source, Boolean(options.dryRun));
    const locale = options.locale ?? (await getService('locales', strapi).defaultCode()) ?? 'id';
    report.locale = locale;
    if (!(await getService('locales', strapi).isKnown(locale))) {
      report.fatal = `unknown locale "${locale}"`;
      return report;
    }
    const { index, error: readError } = await indexSource(options.open());
    if (readError && !index.site) {
      // Not WXR at all (or broken before its channel): nothing to import.
      report.fatal = describe(readError);
      report.finishedAt = new Date().toISOString();
      return report;
    }
    const site = options.site ?? (index.site?.baseBlogUrl || index.site?.link || options.source);
    report.site = site;
    report.wxrVersion = index.site?.version ?? '';
    const siteHost = hostOf(index.site?.baseBlogUrl || index.site?.link || '');
    const ctx: WriteContext = {
      strapi,
      map: importMap(strapi, site),
      locale,
      dryRun: Boolean(options.dryRun),
      overwrite: Boolean(options.overwrite),
    };
    const authors = new Map<string, string>();
    const categories = new Map<string, string>();
    const categoryByTermId = new Map<number, string>();
    const tags = new Map<string, string>();
    const progress = options.onProgress ?? (() => undefined);

    /** An author (a WordPress account or a Co-Authors Plus guest) keyed by login; `source` is what its map row hashes. */
    const upsertAuthor = async (
      login: string,
      source: unknown,
      profile: { name: string; email: string; bio?: string },
      item: string
    ) => {
      const outcome = await upsertDocument(ctx, 'author', AUTHOR_UID, login, source, async (documentId) => ({
        name: profile.name.slice(0, 255),
        role: 'Jurnalis',
        ...(profile.bio ? { bio: profile.bio } : {}),
        ...(EMAIL.test(profile.email) ? { email: profile.email } : {}),
        ...(documentId ? {} : { slug: await freeSlug(ctx, AUTHOR_UID, login.toLowerCase(), null) }),
      })).catch((error) => fail(report, item, error));
      if (outcome) {
        report.authors[outcome.outcome] += 1;
        if (outcome.documentId) authors.set(login, outcome.documentId);
      }
    };

    const { bulk } = await inBulk(async () => {
      let done = 0;
      for (const author of index.authors) {
        await upsertAuthor(
          author.login,
          author,
          { name: author.displayName, email: author.email },
          `author ${author.login}`
        );
        progress('authors', (done += 1), index.authors.length);
      }
      // Co-Authors Plus guest authors: a byline linked to a WordPress account is that account's author.
      for (const guest of index.guestAuthors) {
        const account = authors.get(guest.linkedLogin) ?? authors.get(guest.login);
        if (account) authors.set(guest.login, account);
        else
          await upsertAuthor(
            guest.login,
            guest,
            { name: guest.displayName, email: guest.email, bio: guest.bio },
            `guest author ${guest.login}`
          );
      }

      // Parents first: a category's parent must exist before the category can point at it.
      done = 0;
      for (const category of parentFirst(index.categories)) {
        const outcome = await upsertDocument(
          ctx,
          'category',
          CATEGORY_UID,
          category.slug,
          category,
          async (documentId) => ({
            name: category.name.slice(0, 255),
            description: category.description || undefined,
            parent: category.parent ? (categories.get(category.parent) ?? null) : null,
            ...(documentId ? {} : { slug: await freeSlug(ctx, CATEGORY_UID, category.slug, null) }),
          })
        ).catch((error) => fail(report, `category ${category.slug}`, error));
        if (outcome) {
          report.categories[outcome.outcome] += 1;
          if (outcome.documentId) categories.set(category.slug, outcome.documentId);
          if (outcome.documentId && category.termId !== null) categoryByTermId.set(category.termId, outcome.documentId);
        }
        progress('categories', (done += 1), index.categories.length);
      }

      done = 0;
      for (const tag of index.tags) {
        const outcome = await upsertDocument(ctx, 'tag', TAG_UID, tag.slug, tag, async (documentId) => ({
          name: tag.name.slice(0, 255),
          ...(documentId ? {} : { slug: await freeSlug(ctx, TAG_UID, tag.slug, null) }),
        })).catch((error) => fail(report, `tag ${tag.slug}`, error));
        if (outcome) {
          report.tags[outcome.outcome] += 1;
          if (outcome.documentId) tags.set(tag.slug, outcome.documentId);
        }
        progress('tags', (done += 1), index.tags.length);
      }

      // Old URLs of every post, to rewrite links between posts to their new reader URLs.
      const newPathByOld = new Map<string, string>();
      const structures = options.permalinks?.length ? options.permalinks : DEFAULT_PERMALINKS;
      const pathBySlug = new Map<string, string>();
      for (const post of index.posts.values()) {
        if (!post.slug) continue;
        const target = articlePath(locale, post.slug);
        const old = oldPathsOf(
          { id: post.id, slug: post.slug, localDate: post.localDate, link: post.link, guid: post.guid },
          structures
        );
        for (const path of old) newPathByOld.set(path, target);
        pathBySlug.set(post.slug, target);
      }
      // The site's media hosts: its own, and those its attachments live on (WordPress.com's files.* CDN).
      const mediaHosts = new Set(
        [siteHost, ...[...index.attachments.values()].map((file) => hostOf(file.url))].filter(Boolean)
      );
      const postCtx: PostContext = {
        ...ctx,
        report,
        index,
        media: importMedia(strapi, { mediaDir: options.mediaDir, mediaFrom: options.mediaFrom }),
        mediaFrom: options.mediaFrom ?? null,
        permalinks: options.permalinks?.length ? options.permalinks : DEFAULT_PERMALINKS,
        authors,
        categories,
        categoryByTermId,
        tags,
        bodyImages: bodyImageMemo(),
        isOwnMedia: (url) => url.includes('/wp-content/uploads/') || mediaHosts.has(hostOf(url)),
        rewriteLink: (href) => {
          const host = hostOf(href);
          if (host && host !== siteHost) return href;
          const path = normalizePath(href);
          if (!path) return href;
          // Else by its last segment, as WordPress guesses a 404's post (a link written with another day in its date).
          return newPathByOld.get(path) ?? pathBySlug.get(path.split('?')[0].split('/').pop() ?? '') ?? href;
        },
      };

      done = 0;
      const posts = postPool(
        postCtx,
        strapi.db.dialect.client === 'sqlite' ? 1 : WORDPRESS_IMPORT_CONCURRENCY,
        (into, item, error) => fail(into, `post ${item.postId}`, error, item.line)
      );
      try {
        for await (const record of options.open()) {
          if (record.kind === 'problem') {
            posts.problem({ item: record.item, line: record.line, message: record.message });
            continue;
          }
          if (record.kind !== 'item') continue;
          await posts.add(record);
          progress('items', (done += 1), index.itemCount);
        }
      } catch (error) {
        report.fatal = describe(error);
      }
      await posts.drain();
      // A source that ended early in the first pass ends at the same place in the second.
      if (readError && !report.fatal) report.fatal = describe(readError);
    });

    if (!ctx.dryRun) await finishBulk(strapi, bulk, progress);
    report.finishedAt = new Date().toISOString();
    report.seconds = (Date.now() - started) / 1000;
    report.peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    return report;
  },
});

/** The deferred after-commit work of the whole import, once. */
async function finishBulk(
  strapi: Core.Strapi,
  bulk: { related: Map<string, { documentId: string; locale: string }>; purgeTags: Set<string> },
  progress: NonNullable<ImportOptions['onProgress']>
) {
  const related = getService('related-news', strapi);
  if (bulk.related.size > WORDPRESS_RELATED_REBUILD_ABOVE)
    await related.rebuild({
      restart: true,
      onProgress: (phase, locale, done, total) => progress(`related ${phase} ${locale}`, done, total),
    });
  else if (bulk.related.size) {
    for (const { documentId, locale } of bulk.related.values()) related.schedule(documentId, locale);
    await related.idle();
  }
  const tags = [...bulk.purgeTags];
  const cache = getService('response-cache', strapi);
  for (let start = 0; start < tags.length; start += 500) await cache.purge(tags.slice(start, start + 500));
}

function parentFirst<T extends { slug: string; parent: string }>(items: T[]): T[] {
  const bySlug = new Map(items.map((item) => [item.slug, item]));
  const out: T[] = [];
  const placed = new Set<string>();
  const visit = (item: T, trail: Set<string>) => {
    if (placed.has(item.slug) || trail.has(item.slug)) return;
    trail.add(item.slug);
    const parent = item.parent ? bySlug.get(item.parent) : undefined;
    if (parent) visit(parent, trail);
    placed.add(item.slug);
    out.push(item);
  };
  for (const item of items) visit(item, new Set());
  return out;
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return null;
  }
}

function describe(error: unknown): string {
  if (error instanceof WxrError) return `${error.message}${error.line ? ` (line ${error.line})` : ''}`;
  return (error as Error)?.message ?? String(error);
}

function fail(report: ImportReport, item: string, error: unknown, line: number | null = null): null {
  const details = (error as { details?: { errors?: { path?: string[]; message?: string }[] } })?.details?.errors;
  // Strapi's validation lists every failing field: the first few say enough.
  const message = details?.length
    ? details
        .slice(0, 3)
        .map((entry) => `${(entry.path ?? []).join('.')}: ${entry.message}`)
        .join('; ') + (details.length > 3 ? `; and ${details.length - 3} more` : '')
    : describe(error);
  report.errors.push({ item, line, message });
  return null;
}
