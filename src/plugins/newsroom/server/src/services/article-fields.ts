import type { Core } from '@strapi/strapi';
import { ARTICLE_UID } from '../constants';
import { newsroomConfig } from '../config';
import { formatCreditLine, withCreditLine } from '../utils/format/credit-line';
import { paragraphsToBlocks } from '../utils/format/blocks';
import { getService } from '../get-service';
import type { ResolvedWhatsappFollow } from '../utils/whatsapp/follow';
import {
  formatByline,
  formatDate,
  formatDateInText,
  formatDateTime,
  formatRelative,
  HOUSE_STYLES,
  isZoneLabel,
  localParts,
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

type ArticleRow = {
  id: number;
  locale: string;
  timezone: string | null;
  datePublished: string | Date | null;
  dateModified: string | Date | null;
  title: string | null;
  lead: string | null;
  body: unknown;
  authors?: { name: string; role: string | null }[];
  cover?: { credit: string | null; creditLabel: string | null } | null;
};

/**
 * The computed fields every article carries in REST (`newsroom`) and GraphQL: byline, local dates,
 * reading time and the cover's credit line. `forRows` loads what they need for a whole page of
 * articles in one batch (one query plus one per relation), never one query per article.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = {
    houseStyle(): HouseStyle {
      return HOUSE_STYLES[newsroomConfig(strapi).houseStyle] ?? HOUSE_STYLES.kbbi;
    },

    async forRows(ids: number[], now: Date = new Date()): Promise<Map<number, ArticleNewsroomFields>> {
      const result = new Map<number, ArticleNewsroomFields>();
      const unique = [...new Set(ids.filter((id) => Number.isInteger(id)))];
      if (unique.length === 0) return result;
      const rows: ArticleRow[] = await strapi.db.query(ARTICLE_UID).findMany({
        where: { id: { $in: unique } },
        select: ['id', 'locale', 'timezone', 'datePublished', 'dateModified', 'title', 'lead', 'body'],
        populate: {
          authors: { select: ['name', 'role'] },
          cover: { select: ['credit', 'creditLabel'] },
        },
      });
      const style = service.houseStyle();
      const { wordsPerMinute } = newsroomConfig(strapi);
      for (const row of rows) result.set(row.id, service.fieldsOf(row, style, wordsPerMinute, now));
      return result;
    },

    fieldsOf(row: ArticleRow, style: HouseStyle, wordsPerMinute: number, now: Date): ArticleNewsroomFields {
      const zone: ZoneLabel = isZoneLabel(row.timezone) ? row.timezone : 'WIB';
      const locale = row.locale;
      const local = (value: string | Date | null): LocalDate | null => {
        if (!value) return null;
        const instant = new Date(value);
        const parts = localParts(instant, zone, locale, style);
        return {
          date: formatDate(parts, style.monthStyle),
          time: `${parts.hour}:${parts.minute}`,
          zone,
          dateTime: formatDateTime(parts, style),
          dateInText: formatDateInText(instant, zone, locale, style),
          relative: formatRelative(instant, now, zone, locale),
          iso: toZonedIso(instant, zone),
        };
      };
      const published = local(row.datePublished);
      const updated = local(row.dateModified);
      const minutes = readingTimeMinutes(row.body, `${row.title ?? ''} ${row.lead ?? ''}`, wordsPerMinute);
      return {
        byline: row.datePublished
          ? formatByline(row.authors ?? [], new Date(row.datePublished), zone, locale, style)
          : null,
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
      const ids = articles.map((article) => article.id);
      const computed = newsroomConfig(strapi).computedFields !== false;
      const [fields, whatsapp] = computed
        ? await Promise.all([service.forRows(ids), getService('whatsapp-follow', strapi).forRows(ids)])
        : [new Map<number, ArticleNewsroomFields>(), new Map<number, ResolvedWhatsappFollow | null>()];
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
