/**
 * A streaming WXR (WordPress eXtended RSS 1.0-1.2) reader: bytes in, one record per author, category,
 * tag and item out, never the whole export in memory (saxes, a maintained non-validating parser, is fed
 * chunk by chunk and the records it completes are handed on before the next chunk is read). Elements are
 * recognised by namespace URI, not by prefix, so a file that binds `wp:` to another namespace reads as
 * not WXR instead of being half-believed. No Strapi import: the import service drives it.
 */
import { StringDecoder } from 'string_decoder';
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { detached } from './detached';

export const WXR_VERSIONS = ['1.0', '1.1', '1.2'] as const;
const WP_NS = /^https?:\/\/wordpress\.org\/export\/(\d+\.\d+)\/$/;
const EXCERPT_NS = /^https?:\/\/wordpress\.org\/export\/\d+\.\d+\/excerpt\/$/;
const CONTENT_NS = 'http://purl.org/rss/1.0/modules/content/';
const DC_NS = 'http://purl.org/dc/elements/1.1/';

export type WxrSite = {
  kind: 'site';
  version: string;
  title: string;
  link: string;
  baseSiteUrl: string;
  baseBlogUrl: string;
  language: string;
};
export type WxrAuthor = {
  kind: 'author';
  id: number | null;
  login: string;
  email: string;
  displayName: string;
  firstName: string;
  lastName: string;
};
export type WxrCategory = {
  kind: 'category';
  termId: number | null;
  slug: string;
  parent: string;
  name: string;
  description: string;
};
export type WxrTag = { kind: 'tag'; termId: number | null; slug: string; name: string; description: string };
export type WxrItem = {
  kind: 'item';
  /** The line of `<item>` in the file, for messages. */
  line: number;
  title: string;
  link: string;
  guid: string;
  creators: string[];
  content: string;
  excerpt: string;
  postId: number;
  postDate: string;
  postDateGmt: string;
  slug: string;
  status: string;
  parent: number;
  type: string;
  sticky: boolean;
  password: string;
  attachmentUrl: string;
  terms: { domain: string; slug: string; name: string }[];
  meta: Record<string, string>;
};
/** An item the reader could not make sense of; the rest of the file goes on. */
export type WxrProblem = { kind: 'problem'; line: number; item: string; message: string };
export type WxrRecord = WxrSite | WxrAuthor | WxrCategory | WxrTag | WxrItem | WxrProblem;

export class WxrError extends Error {
  constructor(
    message: string,
    readonly line: number | null
  ) {
    super(message);
  }
}

type Frame = { ns: string; local: string; text: string };

/** Reads records from a stream of bytes (a file, an HTTP body). Throws WxrError for a file that is not (or stops being) WXR. */
export async function* readWxr(input: AsyncIterable<Buffer | string>): AsyncGenerator<WxrRecord> {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const ready: WxrRecord[] = [];
  const stack: Frame[] = [];
  let version: string | null = null;
  let rootSeen = false;
  const site: Partial<WxrSite> = {};
  let record: Record<string, unknown> | null = null;
  let itemLine = 0;
  let meta: { key: string; value: string } | null = null;
  let failure: WxrError | null = null;
  let siteSent = false;

  parser.on('opentag', (tag: SaxesTagNS) => {
    const ns = tag.uri ?? '';
    if (!rootSeen) {
      rootSeen = true;
      if (tag.local !== 'rss') throw new WxrError(`root element is <${tag.name}>, not <rss>`, parser.line);
      const wp = Object.values(tag.ns ?? {})
        .map((uri) => uri.match(WP_NS))
        .find(Boolean);
      if (!wp) throw new WxrError('no WordPress export namespace (https://wordpress.org/export/1.x/)', parser.line);
      version = wp[1];
      if (!(WXR_VERSIONS as readonly string[]).includes(version)) {
        throw new WxrError(`unknown WXR version ${version} (known: ${WXR_VERSIONS.join(', ')})`, parser.line);
      }
    }
    stack.push({ ns, local: tag.local, text: '' });
    const isWp = WP_NS.test(ns);
    if (!ns && tag.local === 'item') {
      // The channel's head (title, link, base URLs) comes before its first item.
      flushSite();
      itemLine = parser.line;
      record = { kind: 'item', creators: [], terms: [], meta: {} };
    } else if (isWp && ['author', 'category', 'tag'].includes(tag.local) && depthOf('channel') === stack.length - 2) {
      record = { kind: tag.local };
    } else if (record?.kind === 'item' && !ns && tag.local === 'category') {
      const attr = (name: string) =>
        detached(String((tag.attributes[name] as { value?: string } | undefined)?.value ?? ''));
      (record.terms as WxrItem['terms']).push({ domain: attr('domain'), slug: attr('nicename'), name: '' });
    } else if (record?.kind === 'item' && isWp && tag.local === 'postmeta') meta = { key: '', value: '' };
  });

  const depthOf = (local: string) => stack.findIndex((frame) => frame.local === local && !frame.ns);
  const append = (text: string) => {
    if (stack.length) stack[stack.length - 1].text += text;
  };
  parser.on('text', append);
  parser.on('cdata', append);

  parser.on('closetag', () => {
    const frame = stack.pop();
    if (!frame) return;
    // saxes hands out slices of the chunk it was fed: what a record keeps must not hold the chunk.
    const text = detached(frame.text);
    const isWp = WP_NS.test(frame.ns);
    const parent = stack[stack.length - 1];
    if (record?.kind === 'item') {
      if (!frame.ns && frame.local === 'item') {
        ready.push(finishItem(record, itemLine));
        record = null;
        return;
      }
      if (meta && isWp && frame.local === 'postmeta') {
        if (meta.key) (record.meta as Record<string, string>)[meta.key] = meta.value;
        meta = null;
        return;
      }
      if (meta && isWp && frame.local === 'meta_key') meta.key = text.trim();
      else if (meta && isWp && frame.local === 'meta_value') meta.value = text;
      else if (parent && !parent.ns && parent.local === 'item') itemField(record, frame, text);
      return;
    }
    if (record && isWp && frame.local === record.kind) {
      ready.push(finishTerm(record));
      record = null;
      return;
    }
    if (record && isWp) record[frame.local] = text;
    else if (!siteSent && parent?.local === 'channel' && !parent.ns) {
      if (!frame.ns && (frame.local === 'title' || frame.local === 'link' || frame.local === 'language'))
        site[frame.local] = text.trim();
      if (isWp && frame.local === 'base_site_url') site.baseSiteUrl = text.trim();
      if (isWp && frame.local === 'base_blog_url') site.baseBlogUrl = text.trim();
    }
  });

  function flushSite() {
    if (siteSent || !version) return;
    siteSent = true;
    ready.push({
      kind: 'site',
      version,
      title: site.title ?? '',
      link: site.link ?? '',
      baseSiteUrl: site.baseSiteUrl ?? '',
      baseBlogUrl: site.baseBlogUrl ?? site.link ?? '',
      language: site.language ?? '',
    });
  }

  // Not TextDecoder: on Node 20 it decodes through ICU into strings held outside the JS heap (malloc),
  // which only a full collection frees; an import reading a 50 MB export left them to fragment glibc's
  // heap (60 MB of it at once). StringDecoder gives ordinary strings, and keeps a character cut between
  // chunks whole as TextDecoder's stream mode did.
  const decoder = new StringDecoder('utf8');
  let first = true;
  const feed = (text: string) => {
    try {
      parser.write(text);
    } catch (error) {
      failure = error instanceof WxrError ? error : new WxrError(tidyError(error as Error), parser.line);
    }
  };
  for await (const chunk of input) {
    // Invalid UTF-8 becomes U+FFFD here; the item holding it is reported (finishItem), not the whole file.
    let text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    // A byte order mark is not part of the document (TextDecoder dropped it too).
    if (first && text) {
      first = false;
      text = text.replace(/^\uFEFF/, '');
    }
    feed(text);
    yield* ready.splice(0);
    if (failure) throw failure;
  }
  feed(decoder.end());
  if (!failure) {
    try {
      parser.close();
    } catch (error) {
      failure = new WxrError(tidyError(error as Error), parser.line);
    }
  }
  if (!rootSeen && !failure) failure = new WxrError('the file is empty or has no XML element', null);
  flushSite();
  yield* ready.splice(0);
  if (failure) throw failure;
  if (stack.length) throw new WxrError('the export ends before </rss>: truncated?', parser.line);
}

const tidyError = (error: Error) => {
  const message = error.message.replace(/^(?:[^:]*:)?\d+:\d+: /, '');
  return message.startsWith('document must contain a root element')
    ? 'the file is empty or has no XML element'
    : message;
};
const int = (value: unknown) => {
  const number = Number(String(value ?? '').trim());
  return Number.isFinite(number) && String(value ?? '').trim() !== '' ? number : null;
};
const str = (value: unknown) => String(value ?? '').trim();

function itemField(record: Record<string, unknown>, frame: Frame, text: string) {
  const { ns, local } = frame;
  if (!ns && local === 'category') {
    const terms = record.terms as WxrItem['terms'];
    terms[terms.length - 1].name = text.trim();
  } else if (!ns) record[local] = text;
  else if (ns === DC_NS && local === 'creator') (record.creators as string[]).push(text.trim());
  else if (ns === CONTENT_NS && local === 'encoded') record.content = text;
  else if (EXCERPT_NS.test(ns) && local === 'encoded') record.excerpt = text;
  else if (WP_NS.test(ns)) record[`wp:${local}`] = text;
}

function finishItem(raw: Record<string, unknown>, line: number): WxrItem | WxrProblem {
  const postId = int(raw['wp:post_id']);
  const title = str(raw.title);
  const label = postId !== null ? `post ${postId}${title ? ` "${title.slice(0, 60)}"` : ''}` : `item at line ${line}`;
  if (postId === null || postId <= 0) return { kind: 'problem', line, item: label, message: 'no wp:post_id' };
  const item: WxrItem = {
    kind: 'item',
    line,
    title,
    link: str(raw.link),
    guid: str(raw.guid),
    creators: raw.creators as string[],
    content: String(raw.content ?? ''),
    excerpt: String(raw.excerpt ?? ''),
    postId,
    postDate: str(raw['wp:post_date']),
    postDateGmt: str(raw['wp:post_date_gmt']),
    slug: str(raw['wp:post_name']),
    status: str(raw['wp:status']),
    parent: int(raw['wp:post_parent']) ?? 0,
    type: str(raw['wp:post_type']),
    sticky: str(raw['wp:is_sticky']) === '1',
    password: str(raw['wp:post_password']),
    attachmentUrl: str(raw['wp:attachment_url']),
    terms: raw.terms as WxrItem['terms'],
    meta: raw.meta as Record<string, string>,
  };
  const strings = [item.title, item.content, item.excerpt, item.slug, ...Object.values(item.meta)];
  if (strings.some((value) => value.includes('\uFFFD'))) {
    return { kind: 'problem', line, item: label, message: 'invalid UTF-8 in the item (bytes that are not UTF-8)' };
  }
  return item;
}

function finishTerm(raw: Record<string, unknown>): WxrAuthor | WxrCategory | WxrTag {
  if (raw.kind === 'author') {
    return {
      kind: 'author',
      id: int(raw.author_id),
      login: str(raw.author_login),
      email: str(raw.author_email),
      displayName: str(raw.author_display_name) || str(raw.author_login),
      firstName: str(raw.author_first_name),
      lastName: str(raw.author_last_name),
    };
  }
  if (raw.kind === 'category') {
    return {
      kind: 'category',
      termId: int(raw.term_id),
      slug: str(raw.category_nicename),
      parent: str(raw.category_parent),
      name: str(raw.cat_name) || str(raw.category_nicename),
      description: str(raw.category_description),
    };
  }
  return {
    kind: 'tag',
    termId: int(raw.term_id),
    slug: str(raw.tag_slug),
    name: str(raw.tag_name) || str(raw.tag_slug),
    description: str(raw.tag_description),
  };
}
