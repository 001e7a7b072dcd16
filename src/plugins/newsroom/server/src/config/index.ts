import type { Core } from '@strapi/strapi';
import { HOUSE_STYLES, type HouseStyleName } from '../utils/format/dates';
import { DEFAULT_RELATED_SETTINGS, relatedSettings, type RelatedSettings } from '../utils/related/settings';

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
  /** Public base URL of the reader site, no trailing slash: canonical links, hreflang, sitemaps, RSS, JSON-LD. */
  siteUrl: string;
  /** Publication name for Google News, RSS and the JSON-LD publisher. */
  publicationName: string;
  /** Absolute URL of the publisher logo in JSON-LD; empty for none. */
  publisherLogoUrl: string;
  /** How long a Preview link stays valid, in seconds. */
  previewTtlSeconds: number;
  /** Redis of the shared cache (REDIS_URL); empty when there is none. `GET /_ready` pings it. */
  redisUrl: string;
  /** On SIGTERM, how long requests already running may take to finish before Strapi cuts them. */
  shutdownGraceSeconds: number;
};

export default {
  default: {
    houseStyle: 'kbbi',
    wordsPerMinute: 200,
    computedFields: true,
    related: DEFAULT_RELATED_SETTINGS,
    siteUrl: 'http://localhost:1337',
    publicationName: 'Warta',
    publisherLogoUrl: '',
    previewTtlSeconds: 600,
    redisUrl: '',
    shutdownGraceSeconds: 10,
  } satisfies NewsroomConfig,
  validator(config: Partial<NewsroomConfig>) {
    relatedSettings(config.related);
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
    if (config.redisUrl && !/^rediss?:\/\/\S+$/.test(config.redisUrl)) {
      throw new Error(
        `"newsroom.redisUrl" (REDIS_URL) must look like redis://host:6379 or rediss://host:6380; got "${config.redisUrl}".`
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
