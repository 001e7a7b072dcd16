/**
 * XML for sitemaps and RSS. Text is escaped and stripped of the control characters XML 1.0 forbids
 * (a pasted vertical tab would otherwise make Google reject the whole file).
 */
// eslint-disable-next-line no-control-regex
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function escapeXml(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value)
    .replace(INVALID_XML_CHARS, '')
    .replace(/[&<>"']/g, (char) => XML_ESCAPES[char]);
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

export type SitemapAlternate = { hreflang: string; href: string };
export type SitemapUrl = { loc: string; lastmod?: string | null; alternates?: SitemapAlternate[] };

/**
 * A urlset must hold at least one <url> (sitemaps.org's schema: `url` has minOccurs 1), and Google
 * rejects an empty one. A sitemap with nothing to list (no news in the last 48 hours, an empty
 * database) lists `fallback` instead: the front pages, as plain URLs, which a news sitemap may carry too.
 */
function atLeastOne<T>(items: T[], fallback: SitemapUrl[]): (T | SitemapUrl)[] {
  if (items.length) return items;
  if (!fallback.length) throw new Error('A sitemap needs at least one URL: pass the front page as the fallback.');
  return fallback;
}

function plainUrl(url: SitemapUrl): string {
  const alternates = (url.alternates ?? [])
    .map((alt) => `<xhtml:link rel="alternate" hreflang="${escapeXml(alt.hreflang)}" href="${escapeXml(alt.href)}"/>`)
    .join('');
  const lastmod = url.lastmod ? `<lastmod>${escapeXml(url.lastmod)}</lastmod>` : '';
  return `<url><loc>${escapeXml(url.loc)}</loc>${lastmod}${alternates}</url>`;
}

/** A sitemap of at most 50,000 URLs; translations are declared with xhtml:link hreflang alternates. */
export function renderUrlset(urls: SitemapUrl[], fallback: SitemapUrl[] = []): string {
  const body = atLeastOne(urls, fallback).map(plainUrl).join('\n');
  return `${XML_DECLARATION}\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${body}\n</urlset>\n`;
}

export type SitemapIndexEntry = { loc: string; lastmod?: string | null };

export function renderSitemapIndex(entries: SitemapIndexEntry[]): string {
  const body = entries
    .map(
      (entry) =>
        `<sitemap><loc>${escapeXml(entry.loc)}</loc>${entry.lastmod ? `<lastmod>${escapeXml(entry.lastmod)}</lastmod>` : ''}</sitemap>`
    )
    .join('\n');
  return `${XML_DECLARATION}\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</sitemapindex>\n`;
}

export type NewsSitemapEntry = {
  loc: string;
  publicationName: string;
  /** ISO 639 code as Google News wants it: id, en */
  language: string;
  /** W3C datetime with the zone, e.g. 2023-10-27T17:33:00+07:00 */
  publicationDate: string;
  title: string;
  lastmod?: string | null;
};

/** Google News sitemap: https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap */
export function renderNewsSitemap(entries: NewsSitemapEntry[], fallback: SitemapUrl[] = []): string {
  const body = atLeastOne(entries, fallback)
    .map((entry) =>
      !('publicationDate' in entry)
        ? plainUrl(entry)
        : `<url><loc>${escapeXml(entry.loc)}</loc>${entry.lastmod ? `<lastmod>${escapeXml(entry.lastmod)}</lastmod>` : ''}<news:news><news:publication><news:name>${escapeXml(entry.publicationName)}</news:name><news:language>${escapeXml(entry.language)}</news:language></news:publication><news:publication_date>${escapeXml(entry.publicationDate)}</news:publication_date><news:title>${escapeXml(entry.title)}</news:title></news:news></url>`
    )
    .join('\n');
  return `${XML_DECLARATION}\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${body}\n</urlset>\n`;
}

export type RssItem = {
  title: string;
  link: string;
  description?: string | null;
  pubDate: Date;
  categories?: string[];
  creators?: string[];
  image?: { url: string; type?: string | null; width?: number | null; height?: number | null } | null;
};

export type RssChannel = {
  title: string;
  link: string;
  selfUrl: string;
  description: string;
  /** RSS language code: id-ID, en */
  language: string;
  lastBuildDate: Date;
  items: RssItem[];
  /** Minutes a reader may cache the feed. */
  ttl?: number;
};

/** RFC 822 as RSS 2.0 requires: "Fri, 27 Oct 2023 10:33:00 GMT". */
export function rfc822(date: Date): string {
  return date.toUTCString();
}

export function renderRss(channel: RssChannel): string {
  const items = channel.items
    .map((item) => {
      const parts = [
        `<title>${escapeXml(item.title)}</title>`,
        `<link>${escapeXml(item.link)}</link>`,
        `<guid isPermaLink="true">${escapeXml(item.link)}</guid>`,
        `<pubDate>${rfc822(item.pubDate)}</pubDate>`,
      ];
      if (item.description) parts.push(`<description>${escapeXml(item.description)}</description>`);
      for (const creator of item.creators ?? []) parts.push(`<dc:creator>${escapeXml(creator)}</dc:creator>`);
      for (const category of item.categories ?? []) parts.push(`<category>${escapeXml(category)}</category>`);
      if (item.image?.url) {
        const size = [
          item.image.width ? ` width="${Number(item.image.width)}"` : '',
          item.image.height ? ` height="${Number(item.image.height)}"` : '',
        ].join('');
        parts.push(
          `<media:content url="${escapeXml(item.image.url)}" medium="image"${item.image.type ? ` type="${escapeXml(item.image.type)}"` : ''}${size}/>`
        );
      }
      return `<item>${parts.join('')}</item>`;
    })
    .join('\n');
  return [
    XML_DECLARATION,
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">',
    '<channel>',
    `<title>${escapeXml(channel.title)}</title>`,
    `<link>${escapeXml(channel.link)}</link>`,
    `<atom:link href="${escapeXml(channel.selfUrl)}" rel="self" type="application/rss+xml"/>`,
    `<description>${escapeXml(channel.description)}</description>`,
    `<language>${escapeXml(channel.language)}</language>`,
    `<lastBuildDate>${rfc822(channel.lastBuildDate)}</lastBuildDate>`,
    channel.ttl ? `<ttl>${Number(channel.ttl)}</ttl>` : '',
    items,
    '</channel>',
    '</rss>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n')
    .concat('\n');
}
