/**
 * Editorial notices the Dewan Pers' Pedoman Pemberitaan Media Siber asks for (Ralat, Koreksi, Hak Jawab,
 * Klarifikasi, "Berita ini masih memerlukan verifikasi"): what an editor may write, the references to other
 * Warta articles they hold, and what a page shows of them. Pure: no Strapi import.
 */
import { editorialMessages as M } from '../messages';

export const NOTICE_KINDS = ['ralat', 'koreksi', 'hak-jawab', 'klarifikasi', 'belum-terverifikasi'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
/** Ralat and Koreksi change what the story says: they set dateModified and are the JSON-LD `correction`. */
export const CORRECTION_KINDS: readonly NoticeKind[] = ['ralat', 'koreksi'];
export const NOTICE_LIMITS = { text: 2000, madeBy: 100, replyArticle: 300, count: 50 } as const;

export const NOTICE_LABELS: Record<'id' | 'en', Record<NoticeKind, string>> = {
  id: {
    ralat: 'Ralat',
    koreksi: 'Koreksi',
    'hak-jawab': 'Hak Jawab',
    klarifikasi: 'Klarifikasi',
    'belum-terverifikasi': 'Berita ini masih memerlukan verifikasi',
  },
  en: {
    ralat: 'Correction',
    koreksi: 'Correction',
    'hak-jawab': 'Right of reply',
    klarifikasi: 'Clarification',
    'belum-terverifikasi': 'This story still needs verification',
  },
};

export type StoredNotice = {
  kind: NoticeKind;
  text?: string | null;
  /** The documentId of the article that answers (hak-jawab), as stored once the reference is resolved. */
  replyArticle?: string | null;
  madeAt?: string | Date | null;
  madeBy?: string | null;
  removedAt?: string | Date | null;
  removedBy?: string | null;
};

export type FieldError = { path: string; message: string };

/** A reference to a Warta article an editor typed: `warta://article/<documentId>`, or its reader URL or path. */
export type ArticleRef = { documentId: string } | { locale: string; slug: string };

const DOCUMENT_ID = /^[a-z0-9]{20,40}$/;
const WARTA_SCHEME = /^warta:\/\/article\/([A-Za-z0-9]{1,64})\/?$/;
/**
 * How a `warta://article/<documentId>` link is stored in a blocks body: Strapi's blocks validator accepts
 * only http(s), ftp, mailto, tel and site-relative links, so the editorial middleware rewrites the scheme
 * to this site-relative path, which the reader resolves like the scheme (and never serves as a page).
 */
export const STORED_ARTICLE_LINK = (documentId: string) => `/warta/article/${documentId}`;
const STORED_LINK = /^\/warta\/article\/([A-Za-z0-9]{1,64})\/?$/;

/** A body with each `warta://article/<documentId>` link in its stored form; other nodes untouched. */
export function storableBody(body: unknown): unknown {
  if (!Array.isArray(body)) return body;
  const walk = (nodes: unknown[]): unknown[] =>
    nodes.map((node) => {
      if (!node || typeof node !== 'object') return node;
      const record = node as Record<string, unknown>;
      const scheme =
        record.type === 'link' && typeof record.url === 'string' ? WARTA_SCHEME.exec(record.url.trim()) : null;
      const children = Array.isArray(record.children) ? walk(record.children) : record.children;
      return {
        ...record,
        ...(scheme ? { url: STORED_ARTICLE_LINK(scheme[1]) } : {}),
        ...(children ? { children } : {}),
      };
    });
  return walk(body);
}

/**
 * What a link points at, when it points at a Warta article: the `warta://` form, a bare documentId, or
 * the reader path `/read/<locale>/<slug>` on this site (absolute with `siteUrl`, or site-relative). Any other
 * link (another site, a category page) is null.
 */
export function parseArticleRef(value: unknown, siteUrl: string): ArticleRef | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  const scheme = WARTA_SCHEME.exec(text);
  if (scheme) return { documentId: scheme[1] };
  if (DOCUMENT_ID.test(text)) return { documentId: text };
  let path: string;
  if (text.startsWith('/')) path = text;
  else {
    const base = siteUrl.replace(/\/+$/, '');
    if (!base || !text.toLowerCase().startsWith(base.toLowerCase() + '/')) return null;
    path = text.slice(base.length);
  }
  const stored = STORED_LINK.exec(path);
  if (stored) return { documentId: stored[1] };
  const match = /^\/read\/([a-z]{2}(?:-[A-Za-z]{2})?)\/([^/?#]+)\/?(?:[?#].*)?$/.exec(path);
  if (!match) return null;
  const slug = safeDecode(match[2]);
  // The reader's own list routes share the prefix: they are not articles.
  if (!slug || ['kategori', 'tag', 'penulis', 'preview'].includes(slug)) return null;
  return { locale: match[1], slug };
}

function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

const isDate = (value: unknown) =>
  value instanceof Date
    ? !Number.isNaN(value.getTime())
    : typeof value === 'string' && !Number.isNaN(Date.parse(value));

/**
 * The shape errors of a `notices` list as a client sent it (the admin, REST, GraphQL, an import): every
 * problem at once, each with its path. References are checked against the database by the caller.
 */
export function noticeShapeErrors(input: unknown, field = 'notices'): FieldError[] {
  if (input === null || input === undefined) return [];
  if (!Array.isArray(input)) return [{ path: field, message: M.notAList(field) }];
  const errors: FieldError[] = [];
  if (input.length > NOTICE_LIMITS.count) errors.push({ path: field, message: M.tooMany(field, NOTICE_LIMITS.count) });
  input.forEach((raw, index) => {
    const path = `${field}.${index}`;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
      errors.push({ path, message: M.notAnObject(path) });
      return;
    }
    const notice = raw as Record<string, unknown>;
    if (!(NOTICE_KINDS as readonly unknown[]).includes(notice.kind)) {
      errors.push({ path: `${path}.kind`, message: M.unknownKind(path, notice.kind, NOTICE_KINDS) });
      return;
    }
    const kind = notice.kind as NoticeKind;
    const text = typeof notice.text === 'string' ? notice.text.trim() : '';
    if (notice.text !== undefined && notice.text !== null && typeof notice.text !== 'string')
      errors.push({ path: `${path}.text`, message: M.textRequired(path) });
    else if (text.length > NOTICE_LIMITS.text)
      errors.push({ path: `${path}.text`, message: M.tooLong(`${path}.text`, NOTICE_LIMITS.text) });
    const reply = notice.replyArticle;
    const hasReply = typeof reply === 'string' && reply.trim() !== '';
    if (reply !== undefined && reply !== null && reply !== '' && typeof reply !== 'string')
      errors.push({ path: `${path}.replyArticle`, message: M.replyArticleShape(`${path}.replyArticle`) });
    if (hasReply && kind !== 'hak-jawab')
      errors.push({ path: `${path}.replyArticle`, message: M.replyArticleOnlyForHakJawab(`${path}.replyArticle`) });
    if (kind === 'hak-jawab' && !text && !hasReply) errors.push({ path, message: M.hakJawabNeedsContent(path) });
    // Belum-terverifikasi says itself what it means; every other kind must say what it corrects or adds.
    if (kind !== 'hak-jawab' && kind !== 'belum-terverifikasi' && !text)
      errors.push({ path: `${path}.text`, message: M.textRequired(path) });
    for (const key of ['madeAt', 'removedAt'] as const) {
      if (notice[key] !== undefined && notice[key] !== null && notice[key] !== '' && !isDate(notice[key]))
        errors.push({ path: `${path}.${key}`, message: M.notADate(`${path}.${key}`) });
    }
    if (notice.removedAt && kind !== 'belum-terverifikasi')
      errors.push({ path: `${path}.removedAt`, message: M.removalOnlyUnverified(`${path}.removedAt`) });
    for (const key of ['madeBy', 'removedBy'] as const) {
      if (typeof notice[key] === 'string' && (notice[key] as string).length > NOTICE_LIMITS.madeBy)
        errors.push({ path: `${path}.${key}`, message: M.tooLong(`${path}.${key}`, NOTICE_LIMITS.madeBy) });
    }
  });
  return errors;
}

const time = (value: string | Date | null | undefined): number => (value ? new Date(value).getTime() : NaN);

/** The notices a reader sees: not removed, oldest first (the order they were made in). */
export function activeNotices<N extends StoredNotice>(notices: N[] | null | undefined): N[] {
  return (notices ?? [])
    .filter((notice) => !notice.removedAt)
    .map((notice, index) => ({ notice, index }))
    .sort((a, b) => (time(a.notice.madeAt) || 0) - (time(b.notice.madeAt) || 0) || a.index - b.index)
    .map(({ notice }) => notice);
}

/** The latest Ralat or Koreksi, which is when the story last changed for its readers; null when none. */
export function latestCorrectionAt(notices: StoredNotice[] | null | undefined): Date | null {
  let latest: number | null = null;
  for (const notice of notices ?? []) {
    if (!CORRECTION_KINDS.includes(notice.kind) || notice.removedAt) continue;
    const at = time(notice.madeAt);
    if (!Number.isNaN(at) && (latest === null || at > latest)) latest = at;
  }
  return latest === null ? null : new Date(latest);
}
