import type { Core } from '@strapi/strapi';
import { LRUCache } from 'lru-cache';
import { newsroomConfig } from '../config';
import { formatCreditLine, withCreditLine } from '../utils/format/credit-line';
import { paragraphsToBlocks } from '../utils/format/blocks';
import { getService } from '../get-service';
import { uniqueIds } from '../utils/content/rows';
import type { BylineAuthor } from './content-rows';
import type { ResolvedWhatsappFollow } from '../utils/whatsapp/follow';
import {
  bylineOf,
  dateInTextOf,
  formatDate,
  formatDateTime,
  formatRelative,
  HOUSE_STYLES,
  isZoneLabel,
  localParts,
  relativeLabelValidFor,
  toZonedIso,
  type HouseStyle,
  type ZoneLabel,
} from '../utils/format/dates';
import { readingTimeLabel, readingTimeMinutes } from '../utils/format/reading-time';

export type LocalDate = {
  /** "Jumat, 27 Oktober 2023" */
  date: string;
  /** "17:33" */
  time: string;
  zone: ZoneLabel;
  /** "Jumat, 27 Oktober 2023 | 17:33 WIB" in the house style */
  dateTime: string;
  /** "Jumat (27/10/2023)" */
  dateInText: string;
  /** "2 jam yang lalu", "kemarin": relative to the response time */
  relative: string;
  /** "2023-10-27T17:33:00+07:00" */
  iso: string;
};

export type ArticleNewsroomFields = {
  byline: string | null;
  publishedAtLocal: LocalDate | null;
  /** Set when the article was re-published after its first publication: "Diperbarui ..." */
  updatedAtLocal: (LocalDate & { label: string }) | null;
  readingTimeMinutes: number;
  readingTimeLabel: string;
  coverCreditLine: string | null;
};

type DecoratableArticle = { id: number; locale?: string | null; cover?: unknown };
type DecoratedFields = {
  newsroom?: ArticleNewsroomFields | null;
  whatsappFollow?: ResolvedWhatsappFollow | null;
  cover?: unknown;
};

/** What the computed fields read of an article: its own columns, its authors and its cover's credit. */
export type FieldsRow = {
  id: number;
  locale: string;
  timezone: string | null;
  datePublished: string | Date | null;
  dateModified: string | Date | null;
  updatedAt?: string | Date | null;
  title: string | null;
  lead: string | null;
  body: unknown;
  authors?: BylineAuthor[];
  cover?: { credit: string | null; creditLabel: string | null } | null;
};

/** Both computed parts of each article of a batch. */
export type ComputedArticles = {
  fields: Map<number, ArticleNewsroomFields>;
  whatsapp: Map<number, ResolvedWhatsappFollow | null>;
};

/**
 * The computed fields every article carries in REST (`newsroom`) and GraphQL: byline, local dates,
 * reading time and the cover's credit line, and beside them the WhatsApp block. `computed` loads what
 * both need for a whole page of articles in one batch: the rows (one statement), their authors (one),
 * and, shared by the whole request, the category tree of the locale and the WhatsApp settings. However
 * many articles, however many authors or tags each: the same statements.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  // Counting a body's words is the dearest part of the fields; a row's count holds until its next write
  // (updatedAt), so each instance counts a version once. Bounded, and only ever a pure function's result.
  const readingTimes = new LRUCache<string, number>({ max: 20_000 });
  const readingTimeOf = (row: FieldsRow, wordsPerMinute: number): number => {
    const key = row.updatedAt ? `${row.id}|${new Date(row.updatedAt).getTime()}|${wordsPerMinute}` : null;
    const known = key ? readingTimes.get(key) : undefined;
    if (known !== undefined) return known;
    const minutes = readingTimeMinutes(row.body, `${row.title ?? ''} ${row.lead ?? ''}`, wordsPerMinute);
    if (key) readingTimes.set(key, minutes);
    return minutes;
  };

  const service = {
    houseStyle(): HouseStyle {
      return HOUSE_STYLES[newsroomConfig(strapi).houseStyle] ?? HOUSE_STYLES.kbbi;
    },

    /** The `newsroom` fields of each article. */
    async forRows(ids: number[], now: Date = new Date()): Promise<Map<number, ArticleNewsroomFields>> {
      return (await service.computed(ids, now)).fields;
    },

    /** The `newsroom` fields and the WhatsApp block of each article, in one batch. */
    async computed(ids: number[], now: Date = new Date()): Promise<ComputedArticles> {
      const unique = uniqueIds(ids);
      if (unique.length === 0) return { fields: new Map(), whatsapp: new Map() };
      const rowsService = getService('content-rows', strapi);
      const whatsapp = getService('whatsapp-follow', strapi);
      // Independent reads side by side; the category trees need the rows' locales, so they come after.
      const [rows, authors, settings] = await Promise.all([
        rowsService.articles(unique),
        rowsService.authors(unique),
        whatsapp.settingsOfRequest(),
      ]);
      const style = service.houseStyle();
      const { wordsPerMinute } = newsroomConfig(strapi);
      const fields = new Map<number, ArticleNewsroomFields>();
      for (const row of rows) {
        fields.set(
          row.id,
          service.fieldsOf({ ...row, authors: authors.get(row.id) ?? [] }, style, wordsPerMinute, now)
        );
      }
      service.limitToRelativeLabels(rows, now);
      return { fields, whatsapp: await whatsapp.resolveRows(rows, settings) };
    },

    /** "2 jam yang lalu" is relative to this response: a cached copy lives no longer than the label holds. */
    limitToRelativeLabels(rows: Pick<FieldsRow, 'timezone' | 'datePublished' | 'dateModified'>[], now: Date): void {
      const validFor = rows
        .flatMap((row) => {
          const zone: ZoneLabel = isZoneLabel(row.timezone) ? row.timezone : 'WIB';
          return [row.datePublished, row.dateModified].map((value) =>
            value ? relativeLabelValidFor(new Date(value), now, zone) : null
          );
        })
        .filter((seconds): seconds is number => seconds !== null);
      if (validFor.length) getService('response-cache', strapi).validFor(Math.min(...validFor));
    },

    /** Whether articles carry the computed fields (config `computedFields`, NEWSROOM_COMPUTED_FIELDS); off is stock Strapi. */
    enabled(): boolean {
      return newsroomConfig(strapi).computedFields !== false;
    },

    fieldsOf(row: FieldsRow, style: HouseStyle, wordsPerMinute: number, now: Date): ArticleNewsroomFields {
      const zone: ZoneLabel = isZoneLabel(row.timezone) ? row.timezone : 'WIB';
      const locale = row.locale;
      // Each instant is formatted into local parts once; every printed form of it is built from those.
      const local = (value: string | Date | null): LocalDate | null => {
        if (!value) return null;
        const instant = new Date(value);
        const parts = localParts(instant, zone, locale, style);
        return {
          date: formatDate(parts, style.monthStyle),
          time: `${parts.hour}:${parts.minute}`,
          zone,
          dateTime: formatDateTime(parts, style),
          dateInText: dateInTextOf(parts),
          relative: formatRelative(instant, now, zone, locale, parts),
          iso: toZonedIso(instant, zone),
        };
      };
      const published = local(row.datePublished);
      const updated = local(row.dateModified);
      const minutes = readingTimeOf(row, wordsPerMinute);
      return {
        // The byline prints the publication instant as `dateTime` does.
        byline: published ? bylineOf(row.authors ?? [], published.dateTime, locale, style) : null,
        publishedAtLocal: published,
        updatedAtLocal: updated
          ? { ...updated, label: `${locale === 'en' ? 'Updated' : 'Diperbarui'} ${updated.dateTime}` }
          : null,
        readingTimeMinutes: minutes,
        readingTimeLabel: readingTimeLabel(minutes, locale),
        coverCreditLine: row.cover ? formatCreditLine(row.cover.creditLabel, row.cover.credit, locale) : null,
      };
    },

    /** Attaches the computed fields, in one batch per page: `newsroom`, `whatsappFollow`, and the cover's `creditLine`. */
    async decorate<A extends DecoratableArticle>(
      articles: A[],
      requestedLocale: unknown
    ): Promise<(A & DecoratedFields)[]> {
      const computed = service.enabled();
      const { fields, whatsapp } = computed
        ? await service.computed(articles.map((article) => article.id))
        : {
            fields: new Map<number, ArticleNewsroomFields>(),
            whatsapp: new Map<number, ResolvedWhatsappFollow | null>(),
          };
      return articles.map((article) => {
        const decorated: A & DecoratedFields = computed
          ? { ...article, newsroom: fields.get(article.id) ?? null, whatsappFollow: whatsapp.get(article.id) ?? null }
          : { ...article };
        if (article.cover && typeof article.cover === 'object') {
          decorated.cover = service.withCreditLine(
            article.cover,
            (article.locale ?? requestedLocale) as string | undefined
          );
        }
        return decorated;
      });
    },

    /** `creditLine` ("(Foto: Reuters)") on a caption that has its credit fields; anything else as it came. */
    withCreditLine<C extends object>(caption: C, fallbackLocale?: string | null): C & { creditLine?: string | null } {
      return withCreditLine(caption as C & { credit?: unknown }, fallbackLocale);
    },

    /** Rich-text blocks from plain paragraphs (seeds, imports). */
    blocksFromParagraphs(paragraphs: string[]) {
      return paragraphsToBlocks(paragraphs);
    },
  };
  return service;
};
