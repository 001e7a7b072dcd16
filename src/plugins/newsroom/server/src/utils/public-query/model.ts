/**
 * The little of a Strapi schema that the public-query checks read. Kept local so the checks stay pure
 * (no Strapi import) and are unit-tested with hand-written models.
 */
export type QueryAttribute = {
  type: string;
  target?: string;
  component?: string;
  components?: string[];
  relation?: string;
  private?: boolean;
  searchable?: boolean;
};

export type QueryModel = {
  uid: string;
  attributes: Record<string, QueryAttribute>;
  options?: { draftAndPublish?: boolean } | null;
};

export type GetModel = (uid: string) => QueryModel | undefined;

/** Keys every document has, whether or not its schema lists them. */
const SYSTEM_KEYS = new Set(['id', 'documentId']);

/**
 * An attribute of the model itself, never one inherited from Object.prototype: `attributes.constructor`
 * and `attributes.__proto__` exist on every plain object, and Strapi's own checks accept them.
 */
export function ownAttribute(model: QueryModel, key: string): QueryAttribute | undefined {
  if (SYSTEM_KEYS.has(key)) return { type: key === 'id' ? 'integer' : 'string' };
  return Object.prototype.hasOwnProperty.call(model.attributes, key) ? model.attributes[key] : undefined;
}

export const hasDraftAndPublish = (model: QueryModel | undefined): boolean => model?.options?.draftAndPublish === true;

/** The model a relation or component attribute leads to, if any. */
export function nestedModel(attribute: QueryAttribute, getModel: GetModel): QueryModel | undefined {
  if (attribute.type === 'relation' && attribute.target) return getModel(attribute.target);
  if (attribute.type === 'component' && attribute.component) return getModel(attribute.component);
  if (attribute.type === 'media') return getModel('plugin::upload.file');
  return undefined;
}

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.getPrototypeOf(value) === Object.prototype;

/** qs turns `a[0]=x` into an array but `a[25]=x` into an object with numeric keys. */
export function asList(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value;
  if (isPlainObject(value) && Object.keys(value).length > 0 && Object.keys(value).every((key) => /^\d+$/.test(key))) {
    return Object.values(value);
  }
  return null;
}
