import { derivePreviewKey, signPreviewToken, verifyPreviewToken } from '../token';

const key = derivePreviewKey('admin-jwt-secret');
const otherKey = derivePreviewKey('another-secret');
const claims = { uid: 'api::article.article', documentId: 'abc123', locale: 'id', status: 'draft' as const };
const now = new Date('2024-01-01T00:00:00Z');
const token = signPreviewToken(claims, key, 600, now);
const [payload, signature] = token.split('.');
const reencode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('verifyPreviewToken', () => {
  test.each([
    ['a fresh token', token, key, now, { ok: true }],
    ['one second before expiry', token, key, new Date(now.getTime() + 599_000), { ok: true }],
    ['at expiry', token, key, new Date(now.getTime() + 600_000), { ok: false, reason: 'expired' }],
    ['after expiry', token, key, new Date(now.getTime() + 3_600_000), { ok: false, reason: 'expired' }],
    ['signed with another secret', token, otherKey, now, { ok: false, reason: 'forged' }],
    [
      'a changed documentId',
      `${reencode({ ...claims, documentId: 'other', exp: 1704067800 })}.${signature}`,
      key,
      now,
      { ok: false, reason: 'forged' },
    ],
    [
      'a stretched expiry',
      `${reencode({ ...claims, exp: 9999999999 })}.${signature}`,
      key,
      now,
      { ok: false, reason: 'forged' },
    ],
    ['a truncated signature', `${payload}.${signature.slice(0, 10)}`, key, now, { ok: false, reason: 'forged' }],
    ['no signature', payload, key, now, { ok: false, reason: 'malformed' }],
    ['three parts', `${token}.x`, key, now, { ok: false, reason: 'malformed' }],
    ['not base64url', `${payload}.a+b/c=`, key, now, { ok: false, reason: 'malformed' }],
    ['empty', '', key, now, { ok: false, reason: 'malformed' }],
    ['not a string', undefined, key, now, { ok: false, reason: 'malformed' }],
  ])('%s', (_name, candidate, verifyKey, at, expected) => {
    expect(verifyPreviewToken(candidate, verifyKey, at)).toMatchObject(expected);
  });

  test('a valid token carries its claims and expiry', () => {
    expect(verifyPreviewToken(token, key, now)).toEqual({
      ok: true,
      claims: { ...claims, exp: Math.floor(now.getTime() / 1000) + 600 },
    });
  });

  test('a validly signed token with wrong claims is malformed', () => {
    const { createHmac } = require('crypto');
    const bad = reencode({ ...claims, status: 'archived', exp: 1704067800 });
    const signed = `${bad}.${createHmac('sha256', key).update(bad).digest('base64url')}`;
    expect(verifyPreviewToken(signed, key, now)).toEqual({ ok: false, reason: 'malformed' });
  });

  test('the key is not the secret itself and needs one', () => {
    expect(key.equals(Buffer.from('admin-jwt-secret'))).toBe(false);
    expect(() => derivePreviewKey('')).toThrow('ADMIN_JWT_SECRET');
  });
});
