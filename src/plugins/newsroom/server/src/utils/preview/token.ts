import { createHmac, timingSafeEqual } from 'crypto';

/**
 * Signed, short-lived links for the Preview button. Stateless (HMAC-SHA256 over the payload), so any
 * instance behind the load balancer can verify a link another instance signed; nothing is stored.
 * Token: base64url(JSON payload) "." base64url(signature).
 */
export type PreviewClaims = {
  /** content type uid */
  uid: string;
  documentId: string;
  locale: string;
  status: 'draft' | 'published';
  /** expiry, seconds since the epoch */
  exp: number;
};

export type PreviewVerification =
  { ok: true; claims: PreviewClaims } | { ok: false; reason: 'malformed' | 'forged' | 'expired' };

const b64url = (buffer: Buffer) => buffer.toString('base64url');

/** A key of its own for previews, derived from an app secret, so a preview link can never double as an admin JWT. */
export function derivePreviewKey(appSecret: string): Buffer {
  if (!appSecret) throw new Error('A secret is needed to sign preview links (ADMIN_JWT_SECRET).');
  return createHmac('sha256', appSecret).update('warta:preview-token:v1').digest();
}

function sign(encodedPayload: string, key: Buffer): Buffer {
  return createHmac('sha256', key).update(encodedPayload).digest();
}

export function signPreviewToken(
  claims: Omit<PreviewClaims, 'exp'>,
  key: Buffer,
  ttlSeconds: number,
  now: Date = new Date()
): string {
  const payload: PreviewClaims = { ...claims, exp: Math.floor(now.getTime() / 1000) + ttlSeconds };
  const encoded = b64url(Buffer.from(JSON.stringify(payload), 'utf8'));
  return `${encoded}.${b64url(sign(encoded, key))}`;
}

export function verifyPreviewToken(token: unknown, key: Buffer, now: Date = new Date()): PreviewVerification {
  if (typeof token !== 'string' || token.length > 2048) return { ok: false, reason: 'malformed' };
  const parts = token.split('.');
  if (parts.length !== 2 || !/^[A-Za-z0-9_-]+$/.test(parts[0]) || !/^[A-Za-z0-9_-]+$/.test(parts[1]))
    return { ok: false, reason: 'malformed' };
  const [encoded, signature] = parts;
  const expected = sign(encoded, key);
  const given = Buffer.from(signature, 'base64url');
  // Constant time, so the signature cannot be guessed byte by byte from response times.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'forged' };
  let claims: PreviewClaims;
  try {
    claims = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (
    !claims ||
    typeof claims.uid !== 'string' ||
    typeof claims.documentId !== 'string' ||
    typeof claims.locale !== 'string' ||
    (claims.status !== 'draft' && claims.status !== 'published') ||
    !Number.isInteger(claims.exp)
  ) {
    return { ok: false, reason: 'malformed' };
  }
  if (claims.exp * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}
