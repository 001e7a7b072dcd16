/**
 * The shapes "Berita Terkait" stores and serves, and the conversions between them: an article row as
 * the indexer loads it, its features row and postings, and the card a list serves.
 */
import {
  DOCUMENT_COUNT_TERM,
  postingWeight,
  storedTerms,
  tagTerm,
  type FeatureRecord,
  type StoredTerm,
} from '../../utils/related/inverted-index';
import { termsOf } from '../../utils/related/scoring';
import { blocksToText } from '../../utils/format/blocks';
import { COVER_FIELDS, IMAGE_FIELDS } from '../../utils/content/fields';
import { RELATED_EXCLUDED_FIELD, RELATED_PINNED_FIELD } from '../../constants';

export type Card = Record<string, unknown> & { documentId: string };
type Related = { documentId: string };
type ImageRow = { id: number; documentId: string } & Record<string, unknown>;
type CoverRow = { id: number; documentId: string; image?: ImageRow | null } & Record<string, unknown>;

/** A published article row with what the index and the cards need (see `indexedArticleQuery`). */
export type IndexedArticleRow = {
  id: number;
  documentId: string;
  locale: string;
  title: string;
  slug: string;
  lead?: string | null;
  body?: unknown;
  datePublished?: string | Date | null;
  publishedAt: string | Date;
  timezone?: string | null;
  tags?: Related[];
  category?: (Related & { parent?: Related | null }) | null;
  cover?: CoverRow | null;
  [RELATED_PINNED_FIELD]?: Related[];
  [RELATED_EXCLUDED_FIELD]?: Related[];
};

/** A row of the features table as the database returns it (JSON columns may come back as text). */
export type FeatureRow = {
  document_id: string;
  published_ms: number | string;
  category?: string | null;
  category_parent?: string | null;
  tags?: unknown;
  terms?: unknown;
  pinned?: unknown;
  excluded?: unknown;
  norm?: number | string | null;
};

/** What a related card shows; everything else stays out of the list. */
export const CARD_FIELDS = [
  'title',
  'slug',
  'lead',
  'datePublished',
  'publishedAt',
  'timezone',
  'locale',
  'sponsoredLabel',
];
export const CARD_POPULATE = { cover: { fields: COVER_FIELDS, populate: { image: { fields: IMAGE_FIELDS } } } };

/** Rows per statement for IN lists and bulk inserts: well under every database's parameter limit. */
export const CHUNK = 500;

export const ms = (value: unknown): number =>
  value instanceof Date ? value.getTime() : typeof value === 'number' ? value : new Date(value as string).getTime();

export const json = <V>(value: unknown, fallback: V): V => {
  if (value === null || value === undefined) return fallback;
  return (typeof value === 'string' ? JSON.parse(value) : value) as V;
};

export const chunks = <V>(values: V[], size = CHUNK): V[][] => {
  const out: V[][] = [];
  for (let i = 0; i < values.length; i += size) out.push(values.slice(i, i + size));
  return out;
};

/** Document frequencies and the locale's article count from rows of the terms table. */
export function frequenciesFrom(rows: { term: string; df: unknown }[]): {
  df: Map<string, number>;
  documentCount: number;
} {
  const df = new Map<string, number>();
  let documentCount = 0;
  for (const row of rows) {
    if (row.term === DOCUMENT_COUNT_TERM) documentCount = Number(row.df);
    else if (Number(row.df) > 0) df.set(row.term, Number(row.df));
  }
  return { df, documentCount };
}

const pick = (row: Record<string, unknown> | null | undefined, fields: string[]) =>
  Object.fromEntries(fields.filter((field) => row?.[field] !== undefined).map((field) => [field, row![field]]));

/** The card of a published article row (with its cover populated), as the REST list serves it. */
export function cardOf(row: Pick<IndexedArticleRow, 'id' | 'documentId' | 'cover'> & Record<string, unknown>): Card {
  const card: Card = { id: row.id, documentId: row.documentId, ...pick(row, CARD_FIELDS) };
  for (const field of ['datePublished', 'publishedAt'])
    if (card[field]) card[field] = new Date(card[field] as string).toISOString();
  const { cover } = row;
  card.cover = cover
    ? {
        id: cover.id,
        documentId: cover.documentId,
        ...pick(cover, COVER_FIELDS),
        image: cover.image
          ? { id: cover.image.id, documentId: cover.image.documentId, ...pick(cover.image, IMAGE_FIELDS) }
          : null,
      }
    : null;
  return card;
}

export function featureOf(row: FeatureRow): FeatureRecord {
  return {
    documentId: row.document_id,
    publishedMs: Number(row.published_ms),
    category: row.category ?? null,
    categoryParent: row.category_parent ?? null,
    tags: json<string[]>(row.tags, []),
    terms: json<StoredTerm[]>(row.terms, []),
    pinned: json<string[]>(row.pinned, []),
    excluded: json<string[]>(row.excluded, []),
    norm: row.norm === null || row.norm === undefined ? null : Number(row.norm),
  };
}

const ids = (related: Related[] | undefined) => (related ?? []).map((target) => target.documentId);

/** The features row and the postings of one published article. */
export function indexRowOf(row: IndexedArticleRow) {
  const publishedMs = ms(row.datePublished ?? row.publishedAt);
  const terms = storedTerms(termsOf({ title: row.title, lead: row.lead, body: blocksToText(row.body) }, row.locale));
  const tags = ids(row.tags);
  const feature = {
    document_id: row.documentId,
    locale: row.locale,
    published_ms: publishedMs,
    category: row.category?.documentId ?? null,
    category_parent: row.category?.parent?.documentId ?? null,
    tags: JSON.stringify(tags),
    terms: JSON.stringify(terms),
    pinned: JSON.stringify(ids(row[RELATED_PINNED_FIELD])),
    excluded: JSON.stringify(ids(row[RELATED_EXCLUDED_FIELD])),
    version: ms(row.publishedAt),
    card: JSON.stringify(cardOf(row)),
  };
  const posting = (term: string, weight: number) => ({
    locale: row.locale,
    term,
    document_id: row.documentId,
    published_ms: publishedMs,
    weight,
  });
  const postings = [
    ...terms.map(([term, count]) => posting(term, postingWeight(count))),
    ...tags.map((tag) => posting(tagTerm(tag), 1)),
  ];
  return { feature, postings };
}
