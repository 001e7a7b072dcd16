/**
 * Values a request computes once however many parts of it ask: the WhatsApp settings, a locale's
 * category tree. Keyed by the request's own context object, so they live exactly as long as the request
 * and a change saved meanwhile applies to the next one (this is not a cache across requests).
 */
const memos = new WeakMap<object, Map<string, Promise<unknown>>>();

/**
 * `compute()` once per `scope` (the request context) and `key`; every time when there is no scope (a
 * script, a test calling a service directly). A failure is not kept: the next ask computes again.
 */
export function perRequest<T>(scope: object | null | undefined, key: string, compute: () => Promise<T>): Promise<T> {
  if (!scope) return compute();
  let values = memos.get(scope);
  if (!values) memos.set(scope, (values = new Map()));
  const known = values.get(key) as Promise<T> | undefined;
  if (known) return known;
  const value = compute();
  values.set(key, value);
  value.catch(() => {
    if (values.get(key) === value) values.delete(key);
  });
  return value;
}
