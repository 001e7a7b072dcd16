/**
 * A live WordPress site as a source, through its REST API (`/wp-json/wp/v2/...`), producing the same
 * records as a WXR file so the importer does not care which it reads. Authenticated with an Application
 * Password (HTTP Basic), it asks `context=edit` for the raw post content (Gutenberg's block comments and
 * shortcodes, which the rendered HTML has lost) and `status=any` for drafts; pages of 100, each request
 * retried on 429/5xx with a back-off, one request at a time with a pause between (a polite rate).
 */
import type { WxrRecord } from '../../utils/wordpress/wxr';
import { WxrError } from '../../utils/wordpress/wxr';

export type RestOptions = {
  url: string;
  user?: string;
  appPassword?: string;
  /** Pause between requests (ms); 250 by default, about four requests a second. */
  pauseMs?: number;
  retries?: number;
  fetchImpl?: typeof fetch;
};

// WordPress' JSON as it arrives: every field is converted (String, Number, ??) where it is read.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;
const PER_PAGE = 100;

export async function* restRecords(options: RestOptions): AsyncGenerator<WxrRecord> {
  const base = options.url.replace(/\/+$/, '');
  const authed = Boolean(options.user && options.appPassword);
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (authed)
    headers.Authorization = `Basic ${Buffer.from(`${options.user}:${options.appPassword}`).toString('base64')}`;
  const doFetch = options.fetchImpl ?? fetch;
  const pause = options.pauseMs ?? 250;
  const context = authed ? 'edit' : 'view';

  async function get(path: string): Promise<{ body: Json; totalPages: number }> {
    const url = `${base}${path}`;
    for (let attempt = 0; ; attempt += 1) {
      let response: Response;
      try {
        response = await doFetch(url, { headers, signal: AbortSignal.timeout(30_000) });
      } catch (error) {
        if (attempt >= (options.retries ?? 3)) throw new WxrError(`${url}: ${(error as Error).message}`, null);
        await sleep(1000 * 2 ** attempt);
        continue;
      }
      if (response.status === 401 || response.status === 403) {
        throw new WxrError(
          `WordPress refused the login (HTTP ${response.status}) at ${url}: check --user and --app-password (an Application Password, not the account password)`,
          null
        );
      }
      if ((response.status === 429 || response.status >= 500) && attempt < (options.retries ?? 3)) {
        const retryAfter = Number(response.headers.get('retry-after'));
        await sleep(Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : 1000 * 2 ** attempt);
        continue;
      }
      if (!response.ok) throw new WxrError(`${url}: HTTP ${response.status}`, null);
      const body = (await response.json().catch(() => {
        throw new WxrError(`${url}: the answer is not JSON (is this a WordPress site with the REST API on?)`, null);
      })) as Json;
      await sleep(pause);
      return { body, totalPages: Number(response.headers.get('x-wp-totalpages') ?? 1) || 1 };
    }
  }

  async function* all(path: string, extra = ''): AsyncGenerator<Json> {
    for (let page = 1, pages = 1; page <= pages; page += 1) {
      const joiner = path.includes('?') ? '&' : '?';
      const { body, totalPages } = await get(
        `${path}${joiner}per_page=${PER_PAGE}&page=${page}&context=${context}${extra}`
      );
      pages = totalPages;
      if (!Array.isArray(body)) throw new WxrError(`${base}${path}: expected a list`, null);
      yield* body;
    }
  }

  const { body: root } = await get('/wp-json/');
  if (!root || typeof root !== 'object' || !root.namespaces?.includes?.('wp/v2')) {
    throw new WxrError(`${base}/wp-json/ is not a WordPress REST API (no wp/v2)`, null);
  }
  const home = String(root.home ?? root.url ?? base);
  yield {
    kind: 'site',
    version: 'rest',
    title: String(root.name ?? ''),
    link: home,
    baseSiteUrl: String(root.url ?? home),
    baseBlogUrl: home,
    language: '',
  };

  const userSlugs = new Map<number, string>();
  for await (const user of all('/wp-json/wp/v2/users', authed ? '' : '')) {
    userSlugs.set(user.id, user.slug);
    yield {
      kind: 'author',
      id: user.id,
      login: user.slug,
      email: user.email ?? '',
      displayName: user.name ?? user.slug,
      firstName: user.first_name ?? '',
      lastName: user.last_name ?? '',
    };
  }
  const categories: Json[] = [];
  for await (const category of all('/wp-json/wp/v2/categories')) categories.push(category);
  const categorySlugs = new Map(categories.map((category) => [category.id as number, category.slug as string]));
  for (const category of categories) {
    yield {
      kind: 'category',
      termId: category.id,
      slug: category.slug,
      parent: categorySlugs.get(category.parent) ?? '',
      name: decode(category.name),
      description: category.description ?? '',
    };
  }
  const tagSlugs = new Map<number, string>();
  for await (const tag of all('/wp-json/wp/v2/tags')) {
    tagSlugs.set(tag.id, tag.slug);
    yield { kind: 'tag', termId: tag.id, slug: tag.slug, name: decode(tag.name), description: tag.description ?? '' };
  }
  for await (const media of all('/wp-json/wp/v2/media')) {
    yield item(media, 'attachment', {
      attachmentUrl: media.source_url ?? '',
      excerpt: text(media.caption),
      meta: { _wp_attachment_image_alt: media.alt_text ?? '' },
    });
  }
  for await (const post of all('/wp-json/wp/v2/posts', authed ? '&status=any' : '')) {
    yield item(post, 'post', {
      creators: [userSlugs.get(post.author) ?? String(post.author)],
      terms: [
        ...(post.categories ?? []).map((id: number) => ({
          domain: 'category',
          slug: categorySlugs.get(id) ?? '',
          name: '',
        })),
        ...(post.tags ?? []).map((id: number) => ({ domain: 'post_tag', slug: tagSlugs.get(id) ?? '', name: '' })),
      ],
      meta: {
        ...restMeta(post.meta),
        ...(post.featured_media ? { _thumbnail_id: String(post.featured_media) } : {}),
      },
    });
  }
}

/**
 * The post meta a site exposes over REST (`register_post_meta` with `show_in_rest`, as sites that want
 * Yoast's `_yoast_wpseo_primary_category` in their API do): scalar values as the export would give them.
 */
const restMeta = (meta: unknown): Record<string, string> =>
  Object.fromEntries(
    Object.entries(meta && typeof meta === 'object' ? (meta as Record<string, unknown>) : {})
      .map(([key, value]) => [key, Array.isArray(value) ? value[0] : value] as const)
      .filter(([, value]) => ['string', 'number'].includes(typeof value) && String(value) !== '')
      .map(([key, value]) => [key, String(value)])
  );

/** `{ raw, rendered }` (edit context) or `{ rendered }` (view): the raw source when there is one. */
const text = (field: unknown): string => {
  const value = field as { raw?: string; rendered?: string } | string | undefined;
  return typeof value === 'string' ? value : (value?.raw ?? value?.rendered ?? '');
};
const decode = (value: unknown) => String(value ?? '').replace(/&amp;/g, '&');
const localDate = (value: unknown) => String(value ?? '').replace('T', ' ');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function item(entry: Json, type: string, extra: Partial<Extract<WxrRecord, { kind: 'item' }>>): WxrRecord {
  return {
    kind: 'item',
    line: 0,
    title: text(entry.title),
    link: entry.link ?? '',
    guid: text(entry.guid),
    creators: [],
    content: text(entry.content),
    excerpt: text(entry.excerpt),
    postId: Number(entry.id),
    postDate: localDate(entry.date),
    postDateGmt: localDate(entry.date_gmt),
    slug: entry.slug ?? '',
    status: type === 'attachment' ? 'inherit' : (entry.status ?? 'publish'),
    parent: Number(entry.post ?? entry.parent ?? 0),
    type,
    sticky: Boolean(entry.sticky),
    password: entry.password ?? '',
    attachmentUrl: '',
    terms: [],
    meta: {},
    ...extra,
  };
}
