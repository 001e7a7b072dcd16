/**
 * Public URLs of the reader site. One place, so canonical links, hreflang alternates, sitemaps, RSS
 * and JSON-LD always agree. `siteUrl` has no trailing slash (the config validator normalises it).
 */
export const READER_PREFIX = '/read';

export function normalizeSiteUrl(value: string): string {
  return value.trim().replace(/\/+$/, '');
}

const segment = (value: string) => encodeURIComponent(value);

export function articlePath(locale: string, slug: string): string {
  return `${READER_PREFIX}/${segment(locale)}/${segment(slug)}`;
}

export function categoryPath(locale: string, slug: string): string {
  return `${READER_PREFIX}/${segment(locale)}/kategori/${segment(slug)}`;
}

export function tagPath(locale: string, slug: string): string {
  return `${READER_PREFIX}/${segment(locale)}/tag/${segment(slug)}`;
}

/** An author's page: `penulis` in every locale, as `kategori` is (one route, and a path never changes with the reader's language). */
export function authorPath(locale: string, slug: string): string {
  return `${READER_PREFIX}/${segment(locale)}/penulis/${segment(slug)}`;
}

export function homePath(locale: string): string {
  return `${READER_PREFIX}/${segment(locale)}`;
}

/** An absolute URL on the site; an upload provider's absolute URL (a CDN) is kept as it is. */
export function absoluteUrl(siteUrl: string, pathOrUrl: string | null | undefined): string | null {
  if (!pathOrUrl) return null;
  if (/^https?:\/\//i.test(pathOrUrl)) return pathOrUrl;
  if (pathOrUrl.startsWith('//')) return `https:${pathOrUrl}`;
  return `${siteUrl}${pathOrUrl.startsWith('/') ? '' : '/'}${pathOrUrl}`;
}
