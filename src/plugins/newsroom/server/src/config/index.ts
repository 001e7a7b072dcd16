import type { Core } from '@strapi/strapi';
import { HOUSE_STYLES, type HouseStyleName } from '../utils/format/dates';
import { DEFAULT_JOB_SETTINGS, jobSettings, type JobSettings } from '../utils/jobs/settings';
import { DEFAULT_RELATED_SETTINGS, relatedSettings, type RelatedSettings } from '../utils/related/settings';
import { cdnPurgeSettings, DEFAULT_CDN_PURGE, type CdnPurgeSettings } from '../utils/http/cdn-purge';
import { workflowSettings, type WorkflowSettings } from '../utils/workflow/rules';
import {
  CACHE_DEFAULT_MAX_BYTES,
  LOCK_DEFAULT_TTL_SECONDS,
  CACHE_DEFAULT_TAG_HEADERS,
  CACHE_DEFAULT_TTL_SECONDS,
} from '../constants';

export const CACHE_MODES = ['memory', 'redis', 'off'] as const;
export type CacheMode = (typeof CACHE_MODES)[number];

/** The shared response cache (services/response-cache/). */
export type CacheConfig = {
  /** memory: one LRU per process, kept in step through the purge log; redis: one cache for every instance; off. */
  mode: CacheMode;
  /** The in-process LRU's bound, in bytes of responses (bodies, headers and tags). */
  maxBytes: number;
  /** Upper bound on an entry's life; writes purge entries long before it. */
  ttlSeconds: number;
  /** redis://[user:password@]host:port[/db], required by mode redis. */
  redisUrl: string;
  /** Prefix of every Redis key; empty derives it from the database, so instances of one database share a cache. */
  keyPrefix: string;
  /** Response headers that carry the tags for CDNs; empty list for none. */
  tagHeaders: string[];
};

export const DEFAULT_CACHE_CONFIG: CacheConfig = {
  mode: 'memory',
  maxBytes: CACHE_DEFAULT_MAX_BYTES,
  ttlSeconds: CACHE_DEFAULT_TTL_SECONDS,
  redisUrl: '',
  keyPrefix: '',
  tagHeaders: CACHE_DEFAULT_TAG_HEADERS,
};

/** A header name as HTTP allows it (RFC 9110 token). */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

function validateCache(cache: Partial<CacheConfig> | undefined): void {
  if (cache === undefined) return;
  const { mode, maxBytes, ttlSeconds, redisUrl, keyPrefix, tagHeaders } = cache;
  if (mode !== undefined && !CACHE_MODES.includes(mode)) {
    throw new Error(`"newsroom.cache.mode" (WARTA_CACHE) must be one of ${CACHE_MODES.join(', ')}; got "${mode}".`);
  }
  if (maxBytes !== undefined && (!Number.isInteger(maxBytes) || maxBytes < 1024 * 1024)) {
    throw new Error(
      `"newsroom.cache.maxBytes" (WARTA_CACHE_MAX_BYTES) must be a whole number of bytes, at least 1048576 (1 MB); got ${maxBytes}.`
    );
  }
  if (ttlSeconds !== undefined && (!Number.isInteger(ttlSeconds) || ttlSeconds < 1 || ttlSeconds > 7 * 86400)) {
    throw new Error(
      `"newsroom.cache.ttlSeconds" (WARTA_CACHE_TTL_SECONDS) must be a whole number of seconds from 1 to 604800; got ${ttlSeconds}.`
    );
  }
  if (mode === 'redis' && !redisUrl) {
    throw new Error('"newsroom.cache.mode" is redis but no "newsroom.cache.redisUrl" (REDIS_URL) is set.');
  }
  if (redisUrl && !/^rediss?:\/\/[^\s]+$/.test(redisUrl)) {
    throw new Error(
      `"newsroom.cache.redisUrl" (REDIS_URL) must look like redis://host:6379 or rediss://...; got "${redisUrl}".`
    );
  }
  if (keyPrefix !== undefined && (typeof keyPrefix !== 'string' || /\s/.test(keyPrefix))) {
    throw new Error('"newsroom.cache.keyPrefix" (WARTA_CACHE_PREFIX) must be a string without spaces.');
  }
  if (tagHeaders !== undefined) {
    const bad = Array.isArray(tagHeaders) ? tagHeaders.filter((name) => !HEADER_NAME.test(String(name))) : [tagHeaders];
    if (bad.length) {
      throw new Error(
        `"newsroom.cache.tagHeaders" (WARTA_CACHE_TAG_HEADERS) must be header names such as Surrogate-Key, Cache-Tag, xkey; got ${JSON.stringify(bad)}.`
      );
    }
  }
}

function validateWorkflow(workflow: NewsroomConfig['workflow'] | undefined): void {
  if (workflow === undefined) return;
  const { lockTtlSeconds: ttl, revisionRetentionDays: days, ...rules } = workflow;
  workflowSettings(rules);
  if (ttl !== undefined && (!Number.isInteger(ttl) || ttl < 15 || ttl > 3600)) {
    throw new Error(
      `"newsroom.workflow.lockTtlSeconds" must be a whole number of seconds from 15 to 3600; got ${ttl}.`
    );
  }
  if (days !== undefined && (!Number.isInteger(days) || days < 0)) {
    throw new Error(
      `"newsroom.workflow.revisionRetentionDays" must be 0 (keep forever) or a whole number of days; got ${days}.`
    );
  }
}

export type NewsroomConfig = {
  /** How bylines and dates are printed: kbbi (default: "Jumat", " - ", " | "), okezone ("Jum'at"), detik, kompas. */
  houseStyle: HouseStyleName;
  /** Words per minute behind "3 menit baca". */
  wordsPerMinute: number;
  /** Adds the `newsroom` object to REST articles; off saves its batch of queries for a portal that computes them itself. */
  computedFields: boolean;
  /**
   * "Berita Terkait": score weights and half-lives (see DEFAULT_RELATED_WEIGHTS in utils/related-scoring.ts
   * for each one's meaning and default; any subset may be given) and candidates scored per list.
   */
  related: RelatedSettings;
  /** The durable job worker (scheduled publishes, related-news recomputation): see utils/jobs/settings.ts. */
  jobs: JobSettings;
  /** Public base URL of the reader site, no trailing slash: canonical links, hreflang, sitemaps, RSS, JSON-LD. */
  siteUrl: string;
  /** Publication name for Google News, RSS and the JSON-LD publisher. */
  publicationName: string;
  /** Absolute URL of the publisher logo in JSON-LD; empty for none. */
  publisherLogoUrl: string;
  /** How long a Preview link stays valid, in seconds. */
  previewTtlSeconds: number;
  /** On SIGTERM, how long requests already running may take to finish before Strapi cuts them. */
  shutdownGraceSeconds: number;
  /**
   * The shared response cache; any subset may be given. `tagHeaders` has no default here: Strapi fills a
   * plugin's config with lodash's defaultsDeep, which would merge a shorter list into the default one index
   * by index. `cacheConfig(strapi)` supplies it.
   */
  cache: Omit<CacheConfig, 'tagHeaders'> & { tagHeaders?: string[] };
  /** The CDN or reverse proxy purged by surrogate key on every write (off while `url` is empty). */
  cdn: CdnPurgeSettings;
  /** Notices, automatic Baca Juga and sponsored content (issue 16); any subset may be given. */
  editorial: Partial<EditorialConfig>;
  /**
   * The editorial workflow (utils/workflow/rules.ts): stages with Indonesian and English labels, the
   * transitions each role may take, the stage publishing needs, the roles that skip approval; plus how
   * long an unrenewed edit lock lasts and how many days revisions are kept (0: forever).
   */
  workflow: Partial<WorkflowSettings> & { lockTtlSeconds?: number; revisionRetentionDays?: number };
};

export type EditorialConfig = {
  /** Where Ralat, Hak Jawab and the other notices show: above the body (`top`) or below it (`bottom`). */
  noticePlacement: 'top' | 'bottom';
  /** Automatic Baca Juga from Berita Terkait where the editor placed none: how many, after which paragraphs. */
  bacaJugaCount: number;
  bacaJugaAfterParagraphs: number[];
  /** Sponsored stories are never related to ordinary ones, nor the other way round. */
  separateSponsored: boolean;
};

export const DEFAULT_EDITORIAL: EditorialConfig = {
  noticePlacement: 'top',
  bacaJugaCount: 2,
  bacaJugaAfterParagraphs: [3, 7],
  separateSponsored: true,
};

function validateEditorial(editorial: Partial<EditorialConfig> | undefined): void {
  if (editorial === undefined) return;
  const { noticePlacement, bacaJugaCount, bacaJugaAfterParagraphs, separateSponsored } = editorial;
  if (noticePlacement !== undefined && !['top', 'bottom'].includes(noticePlacement))
    throw new Error(`"newsroom.editorial.noticePlacement" must be top or bottom; got "${noticePlacement}".`);
  if (bacaJugaCount !== undefined && (!Number.isInteger(bacaJugaCount) || bacaJugaCount < 0 || bacaJugaCount > 5))
    throw new Error(`"newsroom.editorial.bacaJugaCount" must be a whole number from 0 to 5; got ${bacaJugaCount}.`);
  if (
    bacaJugaAfterParagraphs !== undefined &&
    (!Array.isArray(bacaJugaAfterParagraphs) ||
      bacaJugaAfterParagraphs.some((n) => !Number.isInteger(n) || n < 1 || n > 50))
  )
    throw new Error(
      `"newsroom.editorial.bacaJugaAfterParagraphs" must be paragraph numbers from 1 to 50, e.g. [3, 7]; got ${JSON.stringify(bacaJugaAfterParagraphs)}.`
    );
  if (separateSponsored !== undefined && typeof separateSponsored !== 'boolean')
    throw new Error('"newsroom.editorial.separateSponsored" must be true or false.');
}

export default {
  default: {
    houseStyle: 'kbbi',
    wordsPerMinute: 200,
    computedFields: true,
    related: DEFAULT_RELATED_SETTINGS,
    jobs: DEFAULT_JOB_SETTINGS,
    siteUrl: 'http://localhost:1337',
    publicationName: 'Warta',
    publisherLogoUrl: '',
    previewTtlSeconds: 600,
    shutdownGraceSeconds: 10,
    cache: {
      mode: 'memory',
      maxBytes: CACHE_DEFAULT_MAX_BYTES,
      ttlSeconds: CACHE_DEFAULT_TTL_SECONDS,
      redisUrl: '',
      keyPrefix: '',
    },
    cdn: DEFAULT_CDN_PURGE,
    editorial: DEFAULT_EDITORIAL,
    // No lists here: Strapi fills a plugin's config with lodash's defaultsDeep, which would merge a shorter
    // configured list of stages into the default one index by index. workflowConfig(strapi) supplies them.
    workflow: { lockTtlSeconds: LOCK_DEFAULT_TTL_SECONDS, revisionRetentionDays: 0 },
  } satisfies NewsroomConfig,
  validator(config: Partial<NewsroomConfig>) {
    relatedSettings(config.related);
    validateCache(config.cache);
    cdnPurgeSettings(config.cdn);
    jobSettings(config.jobs);
    validateEditorial(config.editorial);
    validateWorkflow(config.workflow);
    const styles = Object.keys(HOUSE_STYLES);
    if (config.houseStyle !== undefined && !styles.includes(config.houseStyle)) {
      throw new Error(`"newsroom.houseStyle" must be one of ${styles.join(', ')}; got "${config.houseStyle}".`);
    }
    if (config.computedFields !== undefined && typeof config.computedFields !== 'boolean') {
      throw new Error(`"newsroom.computedFields" must be true or false; got ${JSON.stringify(config.computedFields)}.`);
    }
    if (config.siteUrl !== undefined && !/^https?:\/\/[^/\s?#]+(\/[^\s?#]*)?$/.test(config.siteUrl)) {
      throw new Error(
        `"newsroom.siteUrl" (WARTA_SITE_URL) must be an absolute http(s) URL such as https://warta.example.id; got "${config.siteUrl}".`
      );
    }
    if (
      config.publicationName !== undefined &&
      (typeof config.publicationName !== 'string' || !config.publicationName.trim())
    ) {
      throw new Error('"newsroom.publicationName" (WARTA_PUBLICATION_NAME) must be a non-empty name, e.g. Warta.');
    }
    if (config.publisherLogoUrl && !/^https?:\/\//.test(config.publisherLogoUrl)) {
      throw new Error(
        `"newsroom.publisherLogoUrl" (WARTA_PUBLISHER_LOGO_URL) must be an absolute http(s) URL; got "${config.publisherLogoUrl}".`
      );
    }
    const ttl = config.previewTtlSeconds;
    if (ttl !== undefined && (!Number.isInteger(ttl) || ttl < 30 || ttl > 86400)) {
      throw new Error(
        `"newsroom.previewTtlSeconds" (WARTA_PREVIEW_TTL_SECONDS) must be a whole number of seconds from 30 to 86400; got ${ttl}.`
      );
    }
    const grace = config.shutdownGraceSeconds;
    if (grace !== undefined && (!Number.isInteger(grace) || grace < 0 || grace > 300)) {
      throw new Error(
        `"newsroom.shutdownGraceSeconds" (WARTA_SHUTDOWN_GRACE_SECONDS) must be a whole number of seconds from 0 to 300; got ${grace}.`
      );
    }
    const wpm = config.wordsPerMinute;
    if (wpm !== undefined && (!Number.isInteger(wpm) || wpm < 50 || wpm > 1000)) {
      throw new Error(`"newsroom.wordsPerMinute" must be a whole number between 50 and 1000; got ${wpm}.`);
    }
  },
};

/** The plugin's configuration, read when asked (never at import time: tests and scripts change it). */
export const newsroomConfig = (strapi: Core.Strapi): NewsroomConfig =>
  strapi.config.get('plugin::newsroom') as NewsroomConfig;

/** The cache section with its defaults filled in (Strapi merges a plugin's config one level deep only). */
export const cacheConfig = (strapi: Core.Strapi): CacheConfig => {
  const configured = newsroomConfig(strapi).cache ?? {};
  return {
    ...DEFAULT_CACHE_CONFIG,
    ...configured,
    tagHeaders: configured.tagHeaders ?? DEFAULT_CACHE_CONFIG.tagHeaders,
  };
};

/** The editorial section with its defaults filled in (a partial section replaces the default one). */
export const editorialConfig = (strapi: Core.Strapi): EditorialConfig => ({
  ...DEFAULT_EDITORIAL,
  ...(newsroomConfig(strapi).editorial ?? {}),
});
/** The workflow section with its defaults (a configured list replaces the default one whole). */
export const workflowConfig = (strapi: Core.Strapi) => {
  const { lockTtlSeconds, revisionRetentionDays, ...rules } = newsroomConfig(strapi).workflow ?? {};
  return {
    rules: workflowSettings(rules),
    lockTtlSeconds: lockTtlSeconds ?? LOCK_DEFAULT_TTL_SECONDS,
    revisionRetentionDays: revisionRetentionDays ?? 0,
  };
};
