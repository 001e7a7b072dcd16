import { createHash, randomBytes } from 'crypto';
import { cacheControl, type CachePolicy } from './cache-policy';

/** What the reader and feed controllers need of a Koa context. */
export type HttpContext = {
  status: number;
  body: unknown;
  type: string;
  fresh: boolean;
  set(field: string, value: string): void;
};

export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * The reader's own CSP, replacing Strapi's default for these pages: nothing loads but the page's own
 * nonce'd style and script and images; no plugin, form or base-URL tricks; framed only by this origin
 * (the admin's Preview pane).
 */
export function readerCsp(nonce: string): string {
  return [
    "default-src 'none'",
    "img-src 'self' https: data:",
    `style-src 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'self'",
  ].join('; ');
}

/**
 * 200 with validators (ETag from the body, Last-Modified when known), or 304 when the client's copy is
 * still fresh. Public responses may be cached by CDNs; private ones never stored.
 */
export function send(
  ctx: HttpContext,
  body: string,
  type: string,
  policy: CachePolicy,
  lastModified?: Date | null
): void {
  ctx.status = 200;
  ctx.type = type;
  ctx.set('Cache-Control', cacheControl(policy));
  if (policy.public) {
    ctx.set('ETag', `"${createHash('sha1').update(body).digest('base64url')}"`);
    if (lastModified && !Number.isNaN(lastModified.getTime())) ctx.set('Last-Modified', lastModified.toUTCString());
    if (ctx.fresh) {
      ctx.status = 304;
      ctx.body = null;
      return;
    }
  }
  ctx.body = body;
}

export function latestDate(values: (string | Date | null | undefined)[]): Date | null {
  let latest: Date | null = null;
  for (const value of values) {
    if (!value) continue;
    const date = new Date(value);
    if (!Number.isNaN(date.getTime()) && (!latest || date > latest)) latest = date;
  }
  return latest;
}
