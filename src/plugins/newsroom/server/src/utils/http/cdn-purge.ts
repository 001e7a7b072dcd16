/**
 * Purging a CDN or a reverse proxy by surrogate key: the requests a list of keys becomes, for the
 * request shapes CDNs use (keys in a header, as Varnish xkey and Fastly take them, or in a JSON body,
 * as Cloudflare takes them), and the backoff between attempts. No Strapi import.
 */

export type CdnPurgeSettings = {
  /** Where purges go; empty: no CDN in front, nothing is sent. */
  url: string;
  method: string;
  /** `header`: the keys in one header, joined by `separator`; `json`: a JSON body `{ [field]: keys }`. */
  keysIn: 'header' | 'json';
  keysHeader: string;
  separator: string;
  jsonField: string;
  /** Sent with every purge (an API token, a Host for the proxy). */
  headers: Record<string, string>;
  /** Keys per request: CDNs cap a purge (Fastly 256 keys, Cloudflare 30 tags per call on some plans). */
  maxKeysPerRequest: number;
  /** Attempts after the first, with exponential backoff from `backoffMs`. */
  retries: number;
  backoffMs: number;
  timeoutMs: number;
};

export const DEFAULT_CDN_PURGE: CdnPurgeSettings = {
  url: '',
  method: 'PURGE',
  keysIn: 'header',
  keysHeader: 'xkey-purge',
  separator: ' ',
  jsonField: 'tags',
  headers: {},
  maxKeysPerRequest: 100,
  retries: 4,
  backoffMs: 250,
  timeoutMs: 5000,
};

export type PurgeRequest = {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  keys: string[];
};

/** The settings an operator gave, completed with the defaults; a sentence naming the setting when one is wrong. */
export function cdnPurgeSettings(raw: Partial<CdnPurgeSettings> | undefined): CdnPurgeSettings {
  const settings = { ...DEFAULT_CDN_PURGE, ...(raw ?? {}) };
  if (settings.url && !/^https?:\/\/[^\s]+$/.test(settings.url)) {
    throw new Error(`"newsroom.cdn.url" (WARTA_CDN_PURGE_URL) must be an http(s) URL; got "${settings.url}".`);
  }
  if (!/^[A-Z]+$/.test(settings.method)) {
    throw new Error(`"newsroom.cdn.method" must be an HTTP method such as PURGE or POST; got "${settings.method}".`);
  }
  if (settings.keysIn !== 'header' && settings.keysIn !== 'json') {
    throw new Error(`"newsroom.cdn.keysIn" must be "header" or "json"; got "${String(settings.keysIn)}".`);
  }
  if (settings.keysIn === 'header' && !/^[A-Za-z0-9-]+$/.test(settings.keysHeader)) {
    throw new Error(`"newsroom.cdn.keysHeader" must be a header name; got "${settings.keysHeader}".`);
  }
  for (const name of ['maxKeysPerRequest', 'timeoutMs'] as const) {
    if (!Number.isInteger(settings[name]) || settings[name] < 1) {
      throw new Error(`"newsroom.cdn.${name}" must be a whole number of at least 1; got ${settings[name]}.`);
    }
  }
  for (const name of ['retries', 'backoffMs'] as const) {
    if (!Number.isInteger(settings[name]) || settings[name] < 0) {
      throw new Error(`"newsroom.cdn.${name}" must be a whole number of at least 0; got ${settings[name]}.`);
    }
  }
  return settings;
}

/** The requests that purge these keys: each key once, in a stable order, at most `maxKeysPerRequest` per request. */
export function purgeRequests(settings: CdnPurgeSettings, keys: string[]): PurgeRequest[] {
  if (!settings.url) return [];
  const unique = [...new Set(keys.filter((key) => key.length > 0))].sort();
  const requests: PurgeRequest[] = [];
  for (let start = 0; start < unique.length; start += settings.maxKeysPerRequest) {
    const part = unique.slice(start, start + settings.maxKeysPerRequest);
    const headers = { ...settings.headers };
    if (settings.keysIn === 'header') {
      headers[settings.keysHeader] = part.join(settings.separator);
      requests.push({ url: settings.url, method: settings.method, headers, keys: part });
    } else {
      headers['content-type'] = 'application/json';
      const body = JSON.stringify({ [settings.jsonField]: part });
      requests.push({ url: settings.url, method: settings.method, headers, body, keys: part });
    }
  }
  return requests;
}

/** Milliseconds to wait before each retry: base, 2x, 4x, … */
export function backoffDelays(retries: number, baseMs: number): number[] {
  return Array.from({ length: retries }, (_, attempt) => baseMs * 2 ** attempt);
}
