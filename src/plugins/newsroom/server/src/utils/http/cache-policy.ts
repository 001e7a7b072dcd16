/**
 * How long a response of ours may be kept, and by whom: one policy per kind of response, one way to
 * write it as a Cache-Control header.
 */
import { PUBLIC_CACHE_SECONDS, PUBLIC_STALE_SECONDS } from '../../constants';

export type CachePolicy = { public: true; maxAge: number; staleWhileRevalidate: number } | { public: false };

/** Published pages, feeds and sitemaps: shared caches may keep them a minute and serve them stale while refetching. */
export const PUBLIC_PAGE = {
  public: true,
  maxAge: PUBLIC_CACHE_SECONDS,
  staleWhileRevalidate: PUBLIC_STALE_SECONDS,
} as const satisfies CachePolicy;

/** Previews and error pages about a caller's own request: never stored. */
export const PRIVATE_PAGE = { public: false } as const satisfies CachePolicy;

export function cacheControl(policy: CachePolicy): string {
  return policy.public
    ? `public, max-age=${policy.maxAge}, stale-while-revalidate=${policy.staleWhileRevalidate}`
    : 'private, no-store';
}
