/** Conditional GETs (RFC 9110 section 13): whether the client's copy is still the current one. */

export type Validators = { etag?: string | null; lastModified?: string | null };
export type Conditions = { ifNoneMatch?: string | null; ifModifiedSince?: string | null };

const opaque = (tag: string): string => tag.trim().replace(/^W\//, '');

/**
 * True when a 200 may be answered 304. If-None-Match wins over If-Modified-Since (which is then ignored),
 * and is compared weakly: a GET's validator may be weak.
 */
export function notModified(status: number, conditions: Conditions, validators: Validators): boolean {
  if (status !== 200) return false;
  const { ifNoneMatch, ifModifiedSince } = conditions;
  if (ifNoneMatch) {
    if (!validators.etag) return false;
    if (ifNoneMatch.trim() === '*') return true;
    const current = opaque(validators.etag);
    return ifNoneMatch.split(',').some((candidate) => opaque(candidate) === current);
  }
  if (ifModifiedSince && validators.lastModified) {
    const since = Date.parse(ifModifiedSince);
    const modified = Date.parse(validators.lastModified);
    return !Number.isNaN(since) && !Number.isNaN(modified) && modified <= since;
  }
  return false;
}
