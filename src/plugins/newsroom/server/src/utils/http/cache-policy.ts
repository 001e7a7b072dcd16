/**
 * How long a response of ours may be kept, and by whom: one policy per kind of response, one way to
 * write it as a Cache-Control header.
 */
import { API_SHARED_CACHE_SECONDS, PUBLIC_CACHE_SECONDS, PUBLIC_STALE_SECONDS } from '../../constants';

export type CachePolicy =
  | {
      public: true;
      /** Browsers (and shared caches, unless `sharedMaxAge` says otherwise). */
      maxAge: number;
      /** Shared caches (CDN, Varnish): they are purged by surrogate key, browsers cannot be. */
      sharedMaxAge: number;
      staleWhileRevalidate: number;
    }
  | { public: false };

/** Published pages, feeds and sitemaps: readers' browsers and shared caches keep them a minute, stale while refetching. */
export const PUBLIC_PAGE = {
  public: true,
  maxAge: PUBLIC_CACHE_SECONDS,
  sharedMaxAge: PUBLIC_CACHE_SECONDS,
  staleWhileRevalidate: PUBLIC_STALE_SECONDS,
} as const satisfies CachePolicy;

/**
 * Public content-API answers (REST, GraphQL queries, the article page payload): frontends revalidate every
 * time (an ETag makes that a 304), shared caches keep them and are purged by surrogate key on each write.
 */
export const PUBLIC_API = {
  public: true,
  maxAge: 0,
  sharedMaxAge: API_SHARED_CACHE_SECONDS,
  staleWhileRevalidate: PUBLIC_STALE_SECONDS,
} as const satisfies CachePolicy;

/** Previews and error pages about a caller's own request: never stored. */
export const PRIVATE_PAGE = { public: false } as const satisfies CachePolicy;

/** `s-maxage` is written only when it differs from `max-age`: shared caches already take `max-age` then. */
export function cacheControl(policy: CachePolicy): string {
  if (!policy.public) return 'private, no-store';
  const directives = ['public', `max-age=${policy.maxAge}`];
  if (policy.sharedMaxAge !== policy.maxAge) directives.push(`s-maxage=${policy.sharedMaxAge}`);
  directives.push(`stale-while-revalidate=${policy.staleWhileRevalidate}`);
  return directives.join(', ');
}

/** Whether a Cache-Control value forbids a shared cache (ours included) to keep the response. */
export const forbidsSharedCaching = (value: string | undefined): boolean =>
  value !== undefined && /(^|[\s,])(private|no-store|no-cache)([\s,=]|$)/i.test(value);

/** The policy with shared caches told to keep nothing: a response whose tags do not fit the tag headers. */
export const withoutSharedCaching = (policy: CachePolicy): CachePolicy =>
  policy.public ? { ...policy, sharedMaxAge: 0 } : policy;

const LIFETIMES = /\b(max-age|s-maxage|stale-while-revalidate)=(\d+)/gi;

/**
 * A Cache-Control value whose lifetimes last at most `seconds`: a response showing "2 jam yang lalu" must
 * not outlive its label in a browser or a CDN either, not only in our own cache.
 */
export function capLifetimes(value: string, seconds: number): string {
  const cap = Math.max(0, Math.floor(seconds));
  return value.replace(LIFETIMES, (_all, name: string, given: string) => `${name}=${Math.min(Number(given), cap)}`);
}
