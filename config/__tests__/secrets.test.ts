import { findUnsafeSecret, REQUIRED_SECRETS } from '../secrets';

const safe = Object.fromEntries(REQUIRED_SECRETS.map((name) => [name, `${name.toLowerCase()}-Zx81kQ`])) as Record<
  string,
  string
>;
safe.APP_KEYS = 'kA1,kB2';

describe('findUnsafeSecret', () => {
  test('accepts a complete set of real-looking secrets', () => {
    expect(findUnsafeSecret(safe)).toBeNull();
  });

  test.each([
    ['APP_KEYS', undefined, 'missing'],
    ['APP_KEYS', '', 'missing'],
    ['APP_KEYS', 'toBeModified1,toBeModified2', 'placeholder'],
    ['APP_KEYS', 'realKey,toBeModified2', 'placeholder'],
    ['APP_KEYS', 'realKey,', 'placeholder'],
    ['API_TOKEN_SALT', 'tobemodified', 'placeholder'],
    ['ADMIN_JWT_SECRET', '   ', 'missing'],
    ['TRANSFER_TOKEN_SALT', 'changeme', 'placeholder'],
    ['JWT_SECRET', undefined, 'missing'],
    ['ENCRYPTION_KEY', 'TOBEMODIFIED', 'placeholder'],
  ])('flags %s=%p as %s', (name, value, reason) => {
    const environment = { ...safe, [name]: value };
    expect(findUnsafeSecret(environment)).toEqual({ name, reason });
  });
});
