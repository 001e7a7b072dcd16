/**
 * What one database read adds to the response being computed: the schema-aware half of tags.ts. A where
 * clause pinned by documentId, by row id or by a slug is a keyed lookup; anything else is an open query
 * (its type's list tag); the rows that come back are walked through their relations, media, components
 * and dynamic zones for every document they show.
 */
import { listTag, slugTag, storeTag, isTrackedStoreKey } from './tags';

export type TagAttribute = {
  type: 'relation' | 'media' | 'component' | 'dynamiczone';
  target?: string;
  /** The relation's other side owns it (`mappedBy`): writes of the target change which rows it holds. */
  inverse?: boolean;
  components?: string[];
};

/** The little of a Strapi model the tagging reads; kept local so this stays pure and unit-tested. */
export type TagModel = {
  uid: string;
  /** documents carry documentIds and tags; components only lead on to relations; store and locales are Strapi's. */
  kind: 'document' | 'component' | 'store' | 'locales';
  /** The tag name of the type, its singularName: article, author, file. */
  type: string;
  localized: boolean;
  draftAndPublish: boolean;
  /** uid attributes: a lookup by one of them finds at most one document per locale. */
  uniqueFields: string[];
  /** Relation, media, component and dynamic zone attributes; scalars are not needed. */
  attributes: Record<string, TagAttribute>;
};
export type TagLookup = (uid: string) => TagModel | undefined;

/** Where a read's tags go: a request's collector, or a plain set in the unit tests. */
export interface TagSink {
  /** `coarse` is a tag that every write purging `tag` also purges: what a header over its budget falls back to. */
  add(tag: string, coarse?: string): void;
  rememberRow(uid: string, id: unknown, documentId: string): void;
  documentOfRow(uid: string, id: unknown): string | undefined;
}

/** One read as the database lifecycle reports it. */
export type Read = { uid: string; action: 'findOne' | 'findMany' | 'count'; params?: unknown; result?: unknown };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

type Pins = {
  documentIds: string[];
  rows: boolean;
  unique: string[];
  locales: string[] | null;
  nested: [string, unknown][];
};

/** `x`, `{ $eq: x }`, `{ $in: [x, y] }` or `[x, y]` as the list of values it allows; null for anything else. */
function equalities(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value;
  if (!isRecord(value)) return value === undefined ? null : [value];
  const keys = Object.keys(value);
  if (keys.length !== 1) return null;
  if (keys[0] === '$eq') return [value.$eq];
  if (keys[0] === '$in' && Array.isArray(value.$in)) return value.$in;
  return null;
}

const strings = (values: unknown[] | null): string[] | null =>
  values && values.every((value) => typeof value === 'string') ? (values as string[]) : null;

/** What the conjuncts of a where clause pin down. `$or` and `$not` pin nothing (the read counts as open). */
function pinsOf(where: unknown, model: TagModel, pins: Pins): Pins {
  if (!isRecord(where)) return pins;
  for (const [key, value] of Object.entries(where)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const part of value) pinsOf(part, model, pins);
    } else if (key === 'documentId') {
      const ids = strings(equalities(value));
      if (ids) pins.documentIds.push(...ids);
    } else if (key === 'id') {
      if (equalities(value)) pins.rows = true;
    } else if (key === 'locale') {
      const locales = strings(equalities(value));
      if (locales) pins.locales = locales;
    } else if (model.uniqueFields.includes(key)) {
      const values = strings(equalities(value));
      if (values) pins.unique.push(...values);
    } else if (Object.prototype.hasOwnProperty.call(model.attributes, key) && isRecord(value)) {
      pins.nested.push([key, value]);
    }
  }
  return pins;
}

/**
 * The tags of a where clause on a document model: keyed lookups first, an open query otherwise. Returns
 * the one documentId it pins, if it pins exactly one (its rows are that document, whatever they select).
 */
function whereTags(
  model: TagModel,
  where: unknown,
  search: boolean,
  lookup: TagLookup,
  sink: TagSink,
  locales: string[] | null
): string | null {
  const pins = pinsOf(where, model, { documentIds: [], rows: false, unique: [], locales: null, nested: [] });
  const scope = model.localized ? (pins.locales ?? locales) : null;
  if (pins.documentIds.length && !search) {
    for (const id of pins.documentIds) sink.add(id, listTag(model.type));
  } else if (pins.rows && !search) {
    // Rows already found by this request's earlier reads: their own tags come from the result.
  } else if (pins.unique.length && !search) {
    for (const value of pins.unique)
      for (const locale of scope ?? [null]) sink.add(slugTag(model.type, locale, value), listTag(model.type));
  } else {
    for (const locale of scope ?? [null]) sink.add(listTag(model.type, locale));
  }
  // Filters through relations (`tags: { documentId: x }`, `category: { slug: y }`) depend on the target too.
  for (const [key, nestedWhere] of pins.nested) {
    const attribute = model.attributes[key];
    const target =
      attribute.type === 'media'
        ? lookup('plugin::upload.file')
        : attribute.target
          ? lookup(attribute.target)
          : undefined;
    if (target?.kind === 'document') whereTags(target, nestedWhere, false, lookup, sink, scope);
  }
  return pins.documentIds.length === 1 && !search ? pins.documentIds[0] : null;
}

/** Tags of populate clauses that filter: which targets they hold may change with the targets' own fields. */
function populateTags(model: TagModel, populate: unknown, lookup: TagLookup, sink: TagSink) {
  if (!isRecord(populate)) return;
  for (const [key, value] of Object.entries(populate)) {
    const attribute = model.attributes[key];
    if (!attribute || !isRecord(value)) continue;
    const target =
      attribute.type === 'media'
        ? lookup('plugin::upload.file')
        : attribute.target
          ? lookup(attribute.target)
          : undefined;
    if (!target) continue;
    if (value.where !== undefined || value.filters !== undefined) sink.add(listTag(target.type));
    populateTags(target, value.populate, lookup, sink);
  }
}

/** Whether a row shows anything of its own (GraphQL loads a relation through a parent row of `id` only). */
function showsOwnFields(row: Record<string, unknown>, model: TagModel): boolean {
  return Object.keys(row).some((key) => key !== 'id' && key !== 'documentId' && !(key in model.attributes));
}

/**
 * Tags of result rows, following populated relations, media, components and dynamic zones by the schema.
 * `pinned`: the document the read asked for by documentId, for rows that do not select it.
 */
export function rowTags(
  uid: string,
  value: unknown,
  lookup: TagLookup,
  sink: TagSink,
  pinned: string | null = null
): void {
  const model = lookup(uid);
  if (!model || value === null || value === undefined) return;
  for (const row of Array.isArray(value) ? value : [value]) {
    if (!isRecord(row)) continue;
    if (model.kind === 'document') {
      const own = typeof row.documentId === 'string' ? row.documentId : undefined;
      if (own && row.id !== undefined) sink.rememberRow(uid, row.id, own);
      const documentId = own ?? pinned ?? sink.documentOfRow(uid, row.id);
      // A row read without its documentId: its type's tag, which every write of the type purges.
      if (documentId) sink.add(documentId, listTag(model.type));
      else if (showsOwnFields(row, model)) sink.add(listTag(model.type));
    }
    for (const [key, nested] of Object.entries(row)) {
      if (!Object.prototype.hasOwnProperty.call(model.attributes, key)) continue;
      const attribute = model.attributes[key];
      if (attribute.type === 'dynamiczone') {
        for (const item of Array.isArray(nested) ? nested : [])
          if (isRecord(item) && typeof item.__component === 'string') rowTags(item.__component, item, lookup, sink);
        continue;
      }
      const target = attribute.type === 'media' ? 'plugin::upload.file' : attribute.target;
      if (!target) continue;
      const targetModel = lookup(target);
      // The target's writes change which rows this relation holds: inverse sides, and drafts becoming published.
      if (targetModel?.kind === 'document' && (attribute.inverse || targetModel.draftAndPublish))
        sink.add(listTag(targetModel.type));
      rowTags(target, nested, lookup, sink);
    }
  }
}

/** Every tag one read adds to the response being computed. */
export function readTags(read: Read, lookup: TagLookup, sink: TagSink): void {
  const model = lookup(read.uid);
  if (!model) return;
  const params = isRecord(read.params) ? read.params : {};
  if (model.kind === 'store') {
    const key = isRecord(params.where) ? params.where.key : undefined;
    if (isTrackedStoreKey(key)) sink.add(storeTag(key));
    return;
  }
  if (model.kind === 'locales') {
    sink.add(listTag('i18n-locale'));
    return;
  }
  if (model.kind !== 'document') return;
  const search = typeof params._q === 'string' && params._q !== '';
  const pinned = whereTags(model, params.where, search, lookup, sink, null);
  if (isRecord(params.filters)) whereTags(model, params.filters, search, lookup, sink, null);
  populateTags(model, params.populate, lookup, sink);
  if (read.action !== 'count') rowTags(read.uid, read.result, lookup, sink, pinned);
}

/** A set of tags with their coarse fallbacks and the rows seen: what a collector and the unit tests use. */
export function tagSet() {
  const tags = new Set<string>();
  const coarse = new Map<string, string>();
  const rows = new Map<string, string>();
  const sink: TagSink = {
    add(tag, fallback) {
      tags.add(tag);
      if (fallback && fallback !== tag) coarse.set(tag, fallback);
    },
    rememberRow(uid, id, documentId) {
      rows.set(`${uid}#${String(id)}`, documentId);
    },
    documentOfRow(uid, id) {
      return id === undefined || id === null ? undefined : rows.get(`${uid}#${String(id)}`);
    },
  };
  return { tags, coarse, sink };
}
