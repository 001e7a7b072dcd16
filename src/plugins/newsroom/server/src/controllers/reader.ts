import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { PRIVATE_PAGE as PRIVATE, PUBLIC_PAGE as PUBLIC, type CachePolicy } from '../utils/http/cache-policy';
import { newsroomConfig } from '../config';
import { formatDateTime, HOUSE_STYLES, localParts } from '../utils/format/dates';
import { latestDate, newNonce, readerCsp, send } from '../utils/http/response';
import { renderAuthorPage } from '../utils/reader/author-page';
import { PAGE_NUMBER_MESSAGE, parseListPage } from '../validation';
import { READER_LABELS, renderArticlePage, renderListPage, renderMessagePage } from '../utils/reader/page';
import { shell, type ShellOptions } from '../utils/reader/shell';
import { renderWithdrawn } from '../utils/reader/editorial';
import { escapeHtml } from '../utils/reader/html';
import { homePath } from '../utils/reader/urls';
import { getService } from '../get-service';
import { articleMessages, localeMessages, readerMessages } from '../utils/messages';

const HTML = 'text/html; charset=utf-8';

// The router's parameters of the reader routes (routes/index.ts); Koa leaves `ctx.params` untyped.
type LocaleParams = { locale: string };
type PageParams = { locale: string; slug: string };
/** What a tag page shows of the tag: `name` is a required attribute, so a published tag has one. */
type TagHeading = { documentId: string; name: string };

/**
 * Warta's reader pages (`/read/...`): public, published only, HTML built from the same payload as the
 * REST and GraphQL article page. Thin: check the input, one service call, render, send.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => newsroomConfig(strapi);
  const style = () => HOUSE_STYLES[config().houseStyle] ?? HOUSE_STYLES.kbbi;

  const shellFor = (ctx: Context, locale: string, nonce: string): ShellOptions => {
    const { siteUrl, publicationName } = config();
    // Each page sets its own CSP with a fresh nonce, in place of Strapi's default.
    ctx.set('Content-Security-Policy', readerCsp(nonce));
    ctx.set('Referrer-Policy', 'strict-origin-when-cross-origin');
    return {
      nonce,
      publicationName,
      homeUrl: `${siteUrl}${homePath(locale)}`,
      locale,
      rssUrl: `${siteUrl}/rss/${locale}.xml`,
    };
  };

  const message = (
    ctx: Context,
    status: number,
    locale: string,
    heading: string,
    text: string,
    policy: CachePolicy = PRIVATE
  ) => {
    const html = renderMessagePage(locale, heading, text, shellFor(ctx, locale === 'en' ? 'en' : 'id', newNonce()));
    send(ctx, html, HTML, policy);
    ctx.status = status;
  };

  const notFound = (ctx: Context, locale: string, text?: string) => {
    const labels = READER_LABELS[locale === 'en' ? 'en' : 'id'];
    message(ctx, 404, locale, labels.notFound, text ?? labels.notFoundText, PUBLIC);
  };

  const isKnownLocale = (locale: unknown): Promise<boolean> => getService('locales', strapi).isKnown(locale);
  const unknownLocale = (ctx: Context, locale: string) => notFound(ctx, 'id', localeMessages.unknown(locale));

  return {
    /** GET /read/:locale/:slug */
    async article(ctx: Context) {
      const { locale, slug } = ctx.params as PageParams;
      const page = await getService('article-page', strapi).bySlug(slug, locale);
      // Whether the locale exists is asked only when no page is found: a page served costs no lookup.
      if (!page && !(await isKnownLocale(locale))) return unknownLocale(ctx, locale);
      if (!page) {
        // A withdrawn story answers 410 with its title, date and reason; an unpublished one is just gone (404).
        const takedown = await getService('takedowns', strapi).ofSlug(slug, locale);
        if (!takedown) return notFound(ctx, locale);
        const parts = localParts(new Date(takedown.withdrawnAt), 'WIB', locale, style());
        const view = { ...takedown, withdrawnAtLabel: formatDateTime(parts, style()) };
        const head = `<title>${escapeHtml(takedown.title)} | ${escapeHtml(config().publicationName)}</title>\n<meta name="robots" content="noindex">`;
        send(ctx, shell(head, renderWithdrawn(locale, view), shellFor(ctx, locale, newNonce())), HTML, PUBLIC);
        ctx.status = 410;
        return;
      }
      const nonce = newNonce();
      const html = renderArticlePage(page, { ...shellFor(ctx, locale, nonce), style: style() });
      send(ctx, html, HTML, PUBLIC, latestDate([page.updatedAt]));
    },

    /** GET /read/preview?token=...: the draft, for whoever holds a valid link from the Preview button. */
    async preview(ctx: Context) {
      // The token is a credential: never stored by a cache, never sent on in a Referer.
      ctx.set('Referrer-Policy', 'no-referrer');
      ctx.set('X-Robots-Tag', 'noindex, nofollow');
      const verification = getService('preview', strapi).verify(ctx.query.token);
      if (!verification.ok) {
        const text = verification.reason === 'expired' ? readerMessages.previewExpired : readerMessages.previewInvalid;
        message(ctx, 401, 'id', 'Pratinjau tidak tersedia', text);
        ctx.set('Referrer-Policy', 'no-referrer');
        return;
      }
      const { documentId, locale, status } = verification.claims;
      const page = await getService('article-page', strapi).byDocument(documentId, locale, { status });
      if (!page) {
        message(ctx, 404, locale, READER_LABELS[locale === 'en' ? 'en' : 'id'].notFound, articleMessages.goneInLocale);
        return;
      }
      const nonce = newNonce();
      const expiry = new Date(verification.claims.exp * 1000);
      const expiresLabel = formatDateTime(localParts(expiry, 'WIB', locale, style()), style());
      const html = renderArticlePage(page, {
        ...shellFor(ctx, locale, nonce),
        style: style(),
        preview: { expiresAt: expiry.toISOString(), expiresLabel },
      });
      send(ctx, html, HTML, PRIVATE);
      ctx.set('Referrer-Policy', 'no-referrer');
    },

    /** GET /read/:locale: the latest news. */
    async home(ctx: Context) {
      const { locale } = ctx.params as LocaleParams;
      const feeds = getService('feeds', strapi);
      if (!(await isKnownLocale(locale))) return unknownLocale(ctx, locale);
      const items = await feeds.latest(locale);
      const { siteUrl, publicationName } = config();
      const alternates = (await getService('locales', strapi).inSiteOrder()).map((code: string) => ({
        locale: code,
        url: `${siteUrl}${homePath(code)}`,
      }));
      const html = renderListPage(
        {
          locale,
          heading: `${publicationName}: ${READER_LABELS[locale === 'en' ? 'en' : 'id'].latest}`,
          url: `${siteUrl}${homePath(locale)}`,
          items,
          alternates,
        },
        { ...shellFor(ctx, locale, newNonce()), style: style() }
      );
      send(ctx, html, HTML, PUBLIC, latestDate(items.map((item) => item.updatedAt)));
    },

    /** GET /read/:locale/kategori/:slug: the desk and its sections. */
    async category(ctx: Context) {
      const { locale, slug } = ctx.params as PageParams;
      const feeds = getService('feeds', strapi);
      if (!(await isKnownLocale(locale))) return unknownLocale(ctx, locale);
      const found = await feeds.categoryWithDescendants(locale, slug);
      if (!found) return notFound(ctx, locale);
      const [items, alternates] = await Promise.all([
        feeds.latest(locale, { categoryIds: found.ids }),
        feeds.translationsOf('categories', found.category.documentId),
      ]);
      const url = alternates.find((alt) => alt.locale === locale)?.url ?? '';
      const html = renderListPage(
        { locale, heading: found.category.name, description: found.category.description, url, items, alternates },
        {
          ...shellFor(ctx, locale, newNonce()),
          style: style(),
          rssUrl: `${config().siteUrl}/rss/${locale}/${encodeURIComponent(slug)}.xml`,
        }
      );
      send(ctx, html, HTML, PUBLIC, latestDate(items.map((item) => item.updatedAt)));
    },

    /** GET /read/:locale/penulis/:slug?page=N: an author, their bio and their stories in that locale. */
    async author(ctx: Context) {
      const { locale, slug } = ctx.params as PageParams;
      if (!(await isKnownLocale(locale))) return unknownLocale(ctx, locale);
      // Only `page` is read; other parameters (utm_*, fbclid on shared links) are ignored, as on every page.
      const page = parseListPage(ctx.query);
      if (page === null)
        return message(
          ctx,
          400,
          locale,
          locale === 'en' ? 'Invalid page' : 'Halaman tidak sah',
          PAGE_NUMBER_MESSAGE,
          PUBLIC
        );
      const view = await getService('author-page', strapi).bySlug(locale, slug, page);
      if (!view) return notFound(ctx, locale, readerMessages.authorUnknown);
      if (view.outOfRange) return notFound(ctx, locale, readerMessages.authorPageOutOfRange);
      const html = renderAuthorPage(view, { ...shellFor(ctx, locale, newNonce()), style: style() });
      send(ctx, html, HTML, PUBLIC, latestDate(view.updates));
    },

    /** GET /read/:locale/tag/:slug: a running story. */
    async tag(ctx: Context) {
      const { locale, slug } = ctx.params as PageParams;
      const feeds = getService('feeds', strapi);
      if (!(await isKnownLocale(locale))) return unknownLocale(ctx, locale);
      const tag = (await feeds.tagBySlug(locale, slug)) as TagHeading | null;
      if (!tag) return notFound(ctx, locale);
      const [items, alternates] = await Promise.all([
        feeds.latest(locale, { tagDocumentId: tag.documentId }),
        feeds.translationsOf('tags', tag.documentId),
      ]);
      const url = alternates.find((alt) => alt.locale === locale)?.url ?? '';
      const html = renderListPage(
        { locale, heading: tag.name, url, items, alternates },
        { ...shellFor(ctx, locale, newNonce()), style: style() }
      );
      send(ctx, html, HTML, PUBLIC, latestDate(items.map((item) => item.updatedAt)));
    },
  };
};
