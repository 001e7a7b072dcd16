/**
 * What a response depends on, collected while it is computed: every database read the request makes is
 * handed to utils/cache/tags.ts by a lifecycle subscriber (the Document Service, our services' own
 * db.query reads and GraphQL's relation loads all go through the query engine), and what is read around
 * it (the related lists, the clock behind "2 jam yang lalu") is added by the services that read it.
 */
import type { Core } from '@strapi/strapi';
import { UPLOAD_FILE_UID } from '../../constants';
import {
  readTags,
  tagSet,
  type Read,
  type TagAttribute,
  type TagLookup,
  type TagModel,
} from '../../utils/cache/read-tags';

export type Collector = ReturnType<typeof tagSet> & {
  /** Closed once the response is captured: reads of background work the request started no longer count. */
  open: boolean;
  /** Seconds the response stays right without any write (a relative date's label); null: until a write. */
  validFor: number | null;
};

const collectors = new WeakMap<object, Collector>();

export function openCollector(ctx: object): Collector {
  const collector: Collector = { ...tagSet(), open: true, validFor: null };
  collectors.set(ctx, collector);
  return collector;
}

/** The collector of the request being computed, if this code runs inside one. */
export function currentCollector(strapi: Core.Strapi): Collector | undefined {
  const ctx = strapi.requestContext.get();
  const collector = ctx ? collectors.get(ctx) : undefined;
  return collector?.open ? collector : undefined;
}

// What is read of a Strapi model; its attribute types are a wide union, this is the part that matters here.
type ModelView = {
  modelType?: string;
  info?: { singularName?: string };
  options?: { draftAndPublish?: boolean } | null;
  pluginOptions?: { i18n?: { localized?: boolean } } | null;
  attributes?: Record<
    string,
    { type: string; target?: string; mappedBy?: string; component?: string; components?: string[] }
  >;
};

function tagModel(strapi: Core.Strapi, uid: string): TagModel | null {
  const base = { uid, type: uid, localized: false, draftAndPublish: false, uniqueFields: [], attributes: {} };
  if (uid === 'strapi::core-store') return { ...base, kind: 'store' };
  if (uid === 'plugin::i18n.locale') return { ...base, kind: 'locales' };
  const model = strapi.getModel(uid as Parameters<Core.Strapi['getModel']>[0]) as unknown as ModelView | undefined;
  if (!model) return null;
  const kind =
    model.modelType === 'component'
      ? 'component'
      : uid.startsWith('api::') || uid === UPLOAD_FILE_UID
        ? 'document'
        : null;
  if (!kind) return null;
  const attributes: Record<string, TagAttribute> = {};
  const uniqueFields: string[] = [];
  for (const [name, attribute] of Object.entries(model.attributes ?? {})) {
    if (attribute.type === 'relation' && attribute.target)
      attributes[name] = { type: 'relation', target: attribute.target, inverse: Boolean(attribute.mappedBy) };
    else if (attribute.type === 'media') attributes[name] = { type: 'media' };
    else if (attribute.type === 'component' && attribute.component)
      attributes[name] = { type: 'component', target: attribute.component };
    else if (attribute.type === 'dynamiczone')
      attributes[name] = { type: 'dynamiczone', components: attribute.components };
    else if (attribute.type === 'uid') uniqueFields.push(name);
  }
  return {
    uid,
    kind,
    type: model.info?.singularName ?? uid,
    localized: model.pluginOptions?.i18n?.localized === true,
    draftAndPublish: model.options?.draftAndPublish === true,
    uniqueFields,
    attributes,
  };
}

/** The tagging's view of Strapi's models, built once per model. */
export function tagLookup(strapi: Core.Strapi): TagLookup {
  const models = new Map<string, TagModel | null>();
  return (uid) => {
    if (!models.has(uid)) models.set(uid, tagModel(strapi, uid));
    return models.get(uid) ?? undefined;
  };
}

/** A database lifecycle event of a read, as far as it is read here (@strapi/database leaves events loosely typed). */
type ReadEvent = { model: { uid: string }; params?: unknown; result?: unknown };

/** Subscribes to every read of the query engine; returns the unsubscribe function. */
export function collectReads(strapi: Core.Strapi, lookup: TagLookup): () => void {
  const record = (action: Read['action']) => (event: ReadEvent) => {
    const collector = currentCollector(strapi);
    if (!collector) return;
    readTags({ uid: event.model.uid, action, params: event.params, result: event.result }, lookup, collector.sink);
  };
  const subscriber = {
    afterFindOne: record('findOne'),
    afterFindMany: record('findMany'),
    afterCount: record('count'),
  };
  return strapi.db.lifecycles.subscribe(subscriber as Parameters<Core.Strapi['db']['lifecycles']['subscribe']>[0]);
}
