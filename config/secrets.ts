/**
 * Production must never run on a missing or template secret: anyone who knows the
 * template value could forge admin sessions, API tokens or transfer tokens.
 */
const PLACEHOLDER = /^(tobemodified|changeme|change-me|replace-me|secret)\d*$/i;

export const REQUIRED_SECRETS = [
  'APP_KEYS',
  'API_TOKEN_SALT',
  'ADMIN_JWT_SECRET',
  'TRANSFER_TOKEN_SALT',
  'JWT_SECRET',
  'ENCRYPTION_KEY',
] as const;

export type SecretName = (typeof REQUIRED_SECRETS)[number];

export function findUnsafeSecret(
  environment: Record<string, string | undefined>
): { name: SecretName; reason: 'missing' | 'placeholder' } | null {
  for (const name of REQUIRED_SECRETS) {
    const raw = environment[name];
    if (raw === undefined || raw.trim() === '') return { name, reason: 'missing' };
    const parts = name === 'APP_KEYS' ? raw.split(',') : [raw];
    if (parts.some((part) => part.trim() === '' || PLACEHOLDER.test(part.trim()))) {
      return { name, reason: 'placeholder' };
    }
  }
  return null;
}

/** Exits with one line naming the variable, rather than a stack trace an operator must decode. */
export function assertProductionSecrets(environment: Record<string, string | undefined> = process.env): void {
  if (environment.NODE_ENV !== 'production') return;
  const unsafe = findUnsafeSecret(environment);
  if (!unsafe) return;
  const what = unsafe.reason === 'missing' ? 'is not set' : 'still has the example value from .env.example';
  process.stderr.write(
    `Warta refuses to start in production: ${unsafe.name} ${what}. Generate one with: node -e "console.log(require('crypto').randomBytes(32).toString('base64'))"\n`
  );
  process.exit(1);
}
