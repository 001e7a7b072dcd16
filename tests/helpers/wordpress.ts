/**
 * The WordPress importer's test material: the shared real exports, a media folder of small generated
 * images at each attachment's uploads path (no network), and a run of the import service in-process.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { coAuthorsPlus } from './wordpress-co-authors';

const APP_DIR = path.resolve(__dirname, '..', '..');
const dist = (module: string) =>
  require(path.join(APP_DIR, 'dist', 'src', 'plugins', 'newsroom', 'server', 'src', module));

export const THEME_EXPORT = path.resolve(APP_DIR, '..', 'shared', 'wordpress', 'themeunittestdata.wordpress.xml');
export const BLOCKS_EXPORT = path.resolve(APP_DIR, '..', 'shared', 'wordpress', '64-block-test-data.xml');

/** A 2x2 PNG per colour: real image bytes for the upload plugin (sharp reads them), different files per URL. */
function png(seed: number): Buffer {
  const { PNG_1x1 } = {
    PNG_1x1: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  };
  const bytes = Buffer.from(PNG_1x1, 'base64');
  // A trailing comment chunk after IEND is ignored by decoders and makes each file's bytes its own.
  return Buffer.concat([bytes, Buffer.from(`seed-${seed}`)]);
}

/** Writes an image for every attachment of the exports below `dir` (what `--media-dir` reads). */
export async function makeMediaDir(files: string[]): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-wp-media-'));
  const { readWxr } = dist('utils/wordpress/wxr');
  const { htmlToBlocks } = dist('utils/wordpress/html-to-blocks');
  const { uploadsPath } = dist('services/wordpress-import/media');
  // The folder a site's wp-content/uploads copy would be: its attachments and the pictures in its posts.
  const urls = new Set<string>();
  const bodyImages: string[] = [];
  for (const file of files) {
    for await (const record of readWxr(fs.createReadStream(file))) {
      if (record.kind !== 'item') continue;
      if (record.type === 'attachment') urls.add(record.attachmentUrl || record.guid);
      else bodyImages.push(...htmlToBlocks(record.content).images);
    }
  }
  const hosts = new Set([...urls].map((url) => new URL(url).host));
  for (const url of bodyImages) {
    if (url.includes('/wp-content/uploads/') || hosts.has(URL.canParse(url) ? new URL(url).host : '')) urls.add(url);
  }
  let seed = 0;
  for (const url of urls) {
    const target = path.join(dir, uploadsPath(url));
    if (fs.existsSync(target)) continue;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, png((seed += 1)));
  }
  return dir;
}

export type ImportRunOptions = {
  site?: string;
  dryRun?: boolean;
  overwrite?: boolean;
  mediaDir?: string;
  locale?: string;
};

export async function runImport(strapi: Core.Strapi, file: string, options: ImportRunOptions = {}) {
  const { readWxr } = dist('utils/wordpress/wxr');
  return strapi
    .plugin('newsroom')
    .service('wordpress-import')
    .run({ open: () => readWxr(fs.createReadStream(file)), source: file, ...options });
}

/** A copy of an export with text replaced (an edit made in WordPress since the last import). */
export function editedCopy(file: string, replacements: [string, string][]): string {
  let text = fs.readFileSync(file, 'utf8');
  for (const [from, to] of replacements) {
    if (!text.includes(from)) throw new Error(`editedCopy: "${from}" is not in ${file}`);
    text = text.split(from).join(to);
  }
  const target = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'warta-wp-')), path.basename(file));
  fs.writeFileSync(target, text);
  return target;
}

/**
 * Recorded WordPress REST API responses, generated from a WXR export in the shape of `/wp-json/wp/v2`
 * (edit context: `{ raw, rendered }` fields), served by a local HTTP server with WordPress' pagination
 * headers and Application Password (Basic) checking. An export with Co-Authors Plus bylines gets the
 * plugin's routes as it serves them (coAuthorsPlus below); one without has none (404). Returns its URL
 * and the requests it saw.
 */
export async function startRestFixture(file: string, credentials: { user: string; password: string }) {
  const http = require('http') as typeof import('http');
  const { readWxr } = dist('utils/wordpress/wxr');
  const users: any[] = [];
  const categories: any[] = [];
  const tags: any[] = [];
  const media: any[] = [];
  const posts: any[] = [];
  const records: any[] = [];
  for await (const record of readWxr(fs.createReadStream(file))) records.push(record);
  const site = records.find((record) => record.kind === 'site');
  const idOf = new Map<string, number>();
  for (const record of records) {
    if (record.kind === 'author') {
      const id = users.length + 1;
      idOf.set(`user:${record.login}`, id);
      users.push({
        id,
        username: record.login,
        slug: record.login,
        name: record.displayName,
        first_name: record.firstName,
        last_name: record.lastName,
        email: record.email,
      });
    } else if (record.kind === 'category') {
      idOf.set(`category:${record.slug}`, record.termId);
      categories.push({
        id: record.termId,
        slug: record.slug,
        name: record.name,
        description: record.description,
        parentSlug: record.parent,
      });
    } else if (record.kind === 'tag') {
      idOf.set(`tag:${record.slug}`, record.termId);
      tags.push({ id: record.termId, slug: record.slug, name: record.name, description: record.description });
    }
  }
  for (const category of categories)
    category.parent = category.parentSlug ? (idOf.get(`category:${category.parentSlug}`) ?? 0) : 0;
  const field = (value: string) => ({ raw: value, rendered: value });
  const plugin = coAuthorsPlus(records, users);
  for (const record of records) {
    if (record.kind !== 'item') continue;
    const common = {
      id: record.postId,
      date: record.postDate.replace(' ', 'T'),
      date_gmt: record.postDateGmt.replace(' ', 'T'),
      slug: record.slug,
      link: record.link,
      guid: field(record.guid),
      title: field(record.title),
    };
    if (record.type === 'attachment') {
      media.push({
        ...common,
        source_url: record.attachmentUrl,
        caption: field(record.excerpt),
        alt_text: record.meta._wp_attachment_image_alt ?? '',
      });
    } else if (record.type === 'post') {
      const term = (domain: string, kind: string) =>
        record.terms
          .filter((t: any) => t.domain === domain)
          .map((t: any) => idOf.get(`${kind}:${t.slug}`))
          .filter(Boolean);
      posts.push({
        ...common,
        status: record.status,
        content: field(record.content),
        excerpt: field(record.excerpt),
        author: idOf.get(`user:${record.creators[0]}`) ?? 0,
        sticky: record.sticky,
        password: record.password,
        featured_media: Number(record.meta._thumbnail_id ?? 0),
        // A site that registered Yoast's primary category for REST (register_post_meta, show_in_rest).
        meta: record.meta._yoast_wpseo_primary_category
          ? { _yoast_wpseo_primary_category: Number(record.meta._yoast_wpseo_primary_category) }
          : [],
        categories: term('category', 'category'),
        tags: term('post_tag', 'tag'),
        ...(plugin.terms.length ? { coauthors: plugin.bylinesOf(record) } : {}),
      });
    }
  }
  const lists: Record<string, any[]> = {
    users,
    categories,
    tags,
    media,
    posts,
    ...(plugin.terms.length ? { coauthors: plugin.terms } : {}),
  };
  const requests: string[] = [];
  const expected = `Basic ${Buffer.from(`${credentials.user}:${credentials.password}`).toString('base64')}`;
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    const url = new URL(req.url ?? '/', 'http://fixture');
    if (req.headers.authorization !== expected) {
      res.writeHead(401, { 'Content-Type': 'application/json' });
      return res.end(
        JSON.stringify({
          code: 'incorrect_password',
          message: 'The provided password is an invalid application password.',
        })
      );
    }
    if (url.pathname === '/wp-json/') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      return res.end(
        JSON.stringify({
          name: site.title,
          url: site.baseBlogUrl,
          home: site.baseBlogUrl,
          namespaces: ['oembed/1.0', 'wp/v2', ...(plugin.terms.length ? ['coauthors/v1'] : [])],
        })
      );
    }
    if (url.pathname === '/wp-json/wp/v2/users/me') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      return res.end(JSON.stringify({ id: 999, username: credentials.user, slug: credentials.user, name: 'Redaksi' }));
    }
    const nicename = /^\/wp-json\/coauthors\/v1\/coauthors\/([\w-]+)$/.exec(url.pathname)?.[1];
    if (nicename && plugin.profiles.has(nicename)) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      // Its schema's fields are all view context: asked for in edit context, the plugin answers with none.
      return res.end(JSON.stringify(url.searchParams.get('context') === 'edit' ? [] : plugin.profiles.get(nicename)));
    }
    const list = lists[url.pathname.replace('/wp-json/wp/v2/', '')];
    if (!list) {
      res.writeHead(404);
      return res.end('{}');
    }
    const perPage = Number(url.searchParams.get('per_page') ?? 10);
    const page = Number(url.searchParams.get('page') ?? 1);
    res.writeHead(200, {
      'Content-Type': 'application/json',
      'X-WP-Total': String(list.length),
      'X-WP-TotalPages': String(Math.max(1, Math.ceil(list.length / perPage))),
    });
    res.end(JSON.stringify(list.slice((page - 1) * perPage, page * perPage)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as any).port}`;
  return { url, requests, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export async function runRestImport(
  strapi: Core.Strapi,
  url: string,
  auth: { user: string; appPassword: string },
  options: ImportRunOptions = {}
) {
  const { restRecords } = dist('services/wordpress-import/rest-source');
  return strapi
    .plugin('newsroom')
    .service('wordpress-import')
    .run({ open: () => restRecords({ url, ...auth, pauseMs: 0 }), source: url, ...options });
}
