/**
 * A live WordPress site as a source, through its REST API (`/wp-json/wp/v2/...`), producing the same
 * records as a WXR file so the importer does not care which it reads. Authenticated with an Application
 * Password (HTTP Basic), it asks `context=edit` for the raw post content (Gutenberg's block comments and
 * shortcodes, which the rendered HTML has lost) and `status=any` for drafts; pages of 100, each request
 * retried on 429/5xx with a back-off, one request at a time with a pause between (a polite rate).
 * Co-Authors Plus, when the site has it, comes as the export has it (see readCoAuthors below).
 */
import type { WxrRecord } from '../../utils/wordpress/wxr';
import { WxrError } from '../../utils/wordpress/wxr';
import { authorTermSearchFields, GUEST_AUTHOR_TYPE } from '../../utils/wordpress/co-authors';

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

  /** `optional`: a route a plugin adds, null when the site has none (404) or keeps it from this account. */
  async function get(path: string, optional = false): Promise<{ body: Json; totalPages: number } | null> {
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
      if (optional && [401, 403, 404].includes(response.status)) return null;
      if (response.status === 401 || response.status === 403) {
        const said = (await response.json().catch(() => null)) as Json | null;
        // Logged in, but not allowed the edit context (the users' emails): an account below administrator.
        if (said?.code === 'rest_forbidden_context' && authed && loggedIn) {
          throw new WxrError(
            `WordPress lets ${options.user} read ${url} only without context=edit ("${said.message}"): the import needs an administrator's Application Password`,
            null
          );
        }
        throw new WxrError(
          `WordPress refused the login (HTTP ${response.status}) at ${url}: check --user and --app-password (an Application Password, not the account password)${said?.code ? ` [${said.code}]` : ''}`,
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

  async function* all(path: string, extra = '', optional = false): AsyncGenerator<Json> {
    for (let page = 1, pages = 1; page <= pages; page += 1) {
      const joiner = path.includes('?') ? '&' : '?';
      const answer = await get(
        `${path}${joiner}per_page=${PER_PAGE}&page=${page}&context=${context}${extra}`,
        optional && page === 1
      );
      if (!answer) return;
      const { body, totalPages } = answer;
      pages = totalPages;
      if (!Array.isArray(body)) throw new WxrError(`${base}${path}: expected a list`, null);
      yield* body;
    }
  }

  let loggedIn = false;
  const root = (await get('/wp-json/'))?.body;
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
  if (authed) {
    // WordPress answers a wrong Application Password as if no login had been sent (public reads work):
    // asking who is logged in is what tells.
    await get('/wp-json/wp/v2/users/me');
    loggedIn = true;
  }

  const userSlugs = new Map<number, string>();
  const accounts: Accounts = { byLogin: new Map(), byEmail: new Map() };
  for await (const user of all('/wp-json/wp/v2/users')) {
    userSlugs.set(user.id, user.slug);
    // Co-Authors Plus names an account's term by its login (`username`, edit context only), Warta by its slug.
    accounts.byLogin.set(String(user.username ?? user.slug), user.slug);
    if (user.email) accounts.byEmail.set(String(user.email).toLowerCase(), user.slug);
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
  const coAuthors = new Map<number, { domain: string; slug: string; name: string }>();
  yield* readCoAuthors(all, get, accounts, coAuthors);
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
        // In byline order: the taxonomy sorts by term_order, which WordPress keeps for REST too.
        ...(post.coauthors ?? []).map((id: number) => coAuthors.get(id)).filter(Boolean),
      ],
      meta: {
        ...restMeta(post.meta),
        ...(post.featured_media ? { _thumbnail_id: String(post.featured_media) } : {}),
      },
    });
  }
}

type Accounts = { byLogin: Map<string, string>; byEmail: Map<string, string> };
type Get = (path: string, optional?: boolean) => Promise<{ body: Json } | null>;
type All = (path: string, extra?: string, optional?: boolean) => AsyncGenerator<Json>;

/**
 * Co-Authors Plus over REST, as its WXR export has it. Its `author` taxonomy is in the API as
 * `/wp/v2/coauthors` (a term per byline: name = login, slug = `cap-<nicename>`) and posts list theirs
 * in `coauthors`; a term of an account becomes that account's byline, any other is a guest author,
 * yielded as the export's `guest-author` item with `cap-*` meta. The guest's name and bio come from the
 * plugin's `/coauthors/v1/coauthors/<nicename>` (3.6+); its email, and the name on older versions, from
 * the term's description (the plugin's search fields). `/wp/v2/guest-author` is no help: the post type
 * has no title or editor and registers no meta for REST, so it answers with slugs only. The plugin's
 * "linked account" is not in the API at all: a guest with an account's login or email is that account
 * (the plugin's "create profile from user" copies the email). A site without the plugin answers 404.
 */
async function* readCoAuthors(
  all: All,
  get: Get,
  accounts: Accounts,
  bylines: Map<number, { domain: string; slug: string; name: string }>
): AsyncGenerator<WxrRecord> {
  for await (const term of all('/wp-json/wp/v2/coauthors', '', true)) {
    const login = decode(term.name).trim();
    const nicename = String(term.slug ?? '').replace(/^cap-/, '');
    if (!login) continue;
    const account = accounts.byLogin.get(login);
    if (account) {
      bylines.set(term.id, { domain: 'author', slug: term.slug, name: account });
      continue;
    }
    const search = authorTermSearchFields(String(term.description ?? ''), login);
    // Its fields are view context only: asked for in edit context, the plugin's answer is empty.
    const profile = (await get(`/wp-json/coauthors/v1/coauthors/${encodeURIComponent(nicename)}`, true))?.body;
    const email = search?.email ?? '';
    const linked = accounts.byEmail.get(email.toLowerCase()) ?? '';
    const displayName = decode(profile?.display_name ?? '').trim() || search?.displayName || login;
    bylines.set(term.id, { domain: 'author', slug: term.slug, name: login });
    yield item(
      { id: profile?.id ?? search?.id ?? term.id, slug: `cap-${nicename}`, title: displayName, status: 'publish' },
      GUEST_AUTHOR_TYPE,
      {
        meta: {
          'cap-user_login': login,
          'cap-display_name': displayName,
          'cap-user_email': email,
          'cap-description': text(profile?.description).trim(),
          'cap-linked_account': linked,
        },
      }
    );
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
