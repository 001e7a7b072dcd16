/**
 * The old URLs of a WordPress post, as the paths a reader or search engine may still ask for: its
 * `link`, `?p=ID`, and its permalink structure(s) (`/%year%/%monthnum%/%day%/%postname%/`, a portal's
 * `/read/%year%/%monthnum%/%day%/%category_id%/%post_id%/%postname%`). Every one gets a 301 to the new
 * reader URL. Paths are normalised once, here, both when stored and when looked up, so they meet.
 */
export type PermalinkPost = {
  id: number;
  slug: string;
  /** The site's local time of the post, "2023-10-27 18:05:00" (WXR `wp:post_date`), used by %year% etc. */
  localDate: string | null;
  link?: string | null;
  guid?: string | null;
  category?: string | null;
  categoryId?: number | null;
  author?: string | null;
};

export const DEFAULT_PERMALINKS = ['/%year%/%monthnum%/%day%/%postname%/'];

/**
 * `/2023/10/27/slug/`, `https://old.example/2023/10/27/slug`, `/?p=12&utm_source=x` -> one form:
 * no host, decoded then re-encoded per segment, no trailing slash, only the query keys WordPress routes
 * by (`p`, `page_id`, `cat`, `tag`, `author`), sorted. Null for what is not a path on a site.
 */
export function normalizePath(value: string | null | undefined): string | null {
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value.trim(), 'http://placeholder.invalid');
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const segments = url.pathname
    .split('/')
    .filter(Boolean)
    .map((segment) => {
      try {
        return encodeURIComponent(decodeURIComponent(segment));
      } catch {
        return encodeURIComponent(segment);
      }
    });
  const path = `/${segments.join('/')}`;
  const kept = ['p', 'page_id', 'cat', 'tag', 'author']
    .filter((key) => url.searchParams.get(key))
    .map((key) => `${key}=${encodeURIComponent(url.searchParams.get(key) as string)}`);
  return kept.length ? `${path}?${kept.join('&')}` : path;
}

const pad = (value: number | string) => String(value).padStart(2, '0');

/** A permalink structure filled in for one post; null when a token it needs is unknown. */
export function expandPermalink(structure: string, post: PermalinkPost): string | null {
  const date = post.localDate?.match(/^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/);
  const tokens: Record<string, string | null> = {
    year: date?.[1] ?? null,
    monthnum: date?.[2] ?? null,
    day: date?.[3] ?? null,
    hour: date?.[4] ?? null,
    minute: date?.[5] ?? null,
    second: date?.[6] ?? null,
    post_id: String(post.id),
    postname: post.slug || null,
    category: post.category ?? null,
    category_id: post.categoryId != null ? String(post.categoryId) : null,
    author: post.author ?? null,
  };
  let missing = false;
  const filled = structure.replace(/%([a-z_]+)%/g, (token, name: string) => {
    const value = name in tokens ? tokens[name] : null;
    if (value === null) missing = true;
    return value ?? token;
  });
  if (missing) return null;
  return normalizePath(filled.replace(/\/\d{2}\//g, (part) => `/${pad(part.slice(1, -1))}/`));
}

/** Every old path of a post, each once, for the redirects store. */
export function oldPathsOf(post: PermalinkPost, structures: readonly string[] = DEFAULT_PERMALINKS): string[] {
  const paths = [
    normalizePath(post.link),
    normalizePath(`/?p=${post.id}`),
    post.guid && post.guid.includes('?p=') ? normalizePath(post.guid) : null,
    ...structures.map((structure) => expandPermalink(structure, post)),
  ];
  return [...new Set(paths.filter((path): path is string => Boolean(path) && path !== '/'))];
}
