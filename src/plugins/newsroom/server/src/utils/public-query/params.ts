import { filterProblem, isClosedAttribute, normalisedFilters } from './filters';
import { queryMessages } from '../messages';
import {
  asList,
  hasDraftAndPublish,
  isPlainObject,
  nestedModel,
  ownAttribute,
  type GetModel,
  type QueryAttribute,
  type QueryModel,
} from './model';

/**
 * The rest of a public read's parameters: fields, sort, populate, pagination and `_q`. Each check
 * returns the sentence for a 400, or null. `fields=__proto__` and `pagination[start]=1e20` reached SQL
 * as a column name and an offset no database takes.
 */

/** The largest offset or page size a public read may ask for: far beyond any archive, within every database's integer. */
export const MAX_PAGINATION_NUMBER = 2_147_483_647;
const RELATIONAL = new Set(['relation', 'component', 'media', 'dynamiczone']);
const POPULATE_KEYS = new Set(['fields', 'filters', 'sort', 'populate', 'on', 'count']);

function fieldNames(value: unknown): string[] | null {
  if (typeof value === 'string') return value.split(',').map((name) => name.trim());
  const list = asList(value);
  return list && list.every((item) => typeof item === 'string') ? (list as string[]) : null;
}

export function fieldsProblem(fields: unknown, model: QueryModel, path = 'fields'): string | null {
  const names = fieldNames(fields);
  if (!names) return queryMessages.notAFieldList(path);
  for (const name of names) {
    if (name === '*') continue;
    const attribute = ownAttribute(model, name);
    if (!attribute || RELATIONAL.has(attribute.type) || attribute.private || attribute.type === 'password') {
      return queryMessages.field(path, name);
    }
  }
  return null;
}

/** `title`, `title:desc`, `category.name:asc`, or `{ title: 'desc' }`, alone or in a list. */
function sortEntries(sort: unknown): { path: string; direction: string }[] | null {
  if (typeof sort === 'string') {
    return sort.split(',').map((part) => {
      const [path, direction = 'asc'] = part.trim().split(':');
      return { path, direction };
    });
  }
  const list = asList(sort);
  if (list) {
    const entries = list.map(sortEntries);
    return entries.every(Boolean) ? (entries.flat() as { path: string; direction: string }[]) : null;
  }
  if (isPlainObject(sort)) {
    const entries: { path: string; direction: string }[] = [];
    for (const [key, value] of Object.entries(sort)) {
      if (typeof value === 'string') entries.push({ path: key, direction: value });
      else if (isPlainObject(value)) {
        const nested = sortEntries(value);
        if (!nested) return null;
        entries.push(...nested.map((entry) => ({ path: `${key}.${entry.path}`, direction: entry.direction })));
      } else return null;
    }
    return entries;
  }
  return null;
}

/**
 * A sort through a relation into a draft-and-publish type (`localizations.title`) orders by draft rows
 * too: the order alone would tell whether an unpublished translation's title sorts before a guess.
 */
export function sortProblem(sort: unknown, model: QueryModel, getModel: GetModel, path = 'sort'): string | null {
  const entries = sortEntries(sort);
  if (!entries) return queryMessages.sort(path);
  for (const { path: fieldPath, direction } of entries) {
    if (!/^(asc|desc)$/i.test(direction)) return queryMessages.sort(path);
    let current: QueryModel | undefined = model;
    const segments = fieldPath.split('.');
    for (const [index, segment] of segments.entries()) {
      const attribute = current ? ownAttribute(current, segment) : undefined;
      if (!attribute || attribute.type === 'password' || attribute.type === 'dynamiczone')
        return queryMessages.field(path, fieldPath);
      if (isClosedAttribute(attribute)) return queryMessages.privateRelation(`${path}[${fieldPath}]`);
      const last = index === segments.length - 1;
      const target = nestedModel(attribute, getModel);
      if (last) {
        if (target) return queryMessages.field(path, fieldPath);
        break;
      }
      if (!target) return queryMessages.field(path, fieldPath);
      if (attribute.type === 'relation' && hasDraftAndPublish(target))
        return queryMessages.privateRelation(`${path}[${fieldPath}]`);
      current = target;
    }
  }
  return null;
}

export function populateProblem(
  populate: unknown,
  model: QueryModel,
  getModel: GetModel,
  path = 'populate',
  depth = 0
): string | null {
  if (depth > 8) return queryMessages.tooDeep(path);
  if (populate === true || populate === '*' || populate === 'true') return null;
  const names = typeof populate === 'string' || Array.isArray(populate) ? fieldNames(populate) : null;
  if (names) {
    for (const name of names) {
      if (name === '*') continue;
      // `populate=category.parent` names a path.
      let current: QueryModel | undefined = model;
      for (const segment of name.split('.')) {
        const attribute: QueryAttribute | undefined = current ? ownAttribute(current, segment) : undefined;
        if (!attribute || !RELATIONAL.has(attribute.type) || isClosedAttribute(attribute))
          return queryMessages.field(path, name);
        current = attribute.type === 'dynamiczone' ? undefined : nestedModel(attribute, getModel);
      }
    }
    return null;
  }
  if (!isPlainObject(populate)) return queryMessages.populate(path);
  for (const [key, value] of Object.entries(populate)) {
    const at = `${path}[${key}]`;
    const attribute = ownAttribute(model, key);
    if (!attribute || !RELATIONAL.has(attribute.type) || isClosedAttribute(attribute))
      return queryMessages.field(path, key);
    if (value === true || value === '*' || value === 'true' || value === false || value === 'false') continue;
    if (!isPlainObject(value)) return queryMessages.populate(at);
    const target = attribute.type === 'dynamiczone' ? undefined : nestedModel(attribute, getModel);
    for (const [option, optionValue] of Object.entries(value)) {
      if (!POPULATE_KEYS.has(option)) return queryMessages.unknownKey(at, option);
      if (option === 'on') {
        if (!isPlainObject(optionValue)) return queryMessages.populate(`${at}[on]`);
        for (const [component, componentPopulate] of Object.entries(optionValue)) {
          const componentModel = attribute.components?.includes(component) ? getModel(component) : undefined;
          if (!componentModel) return queryMessages.unknownKey(`${at}[on]`, component);
          if (componentPopulate === true || componentPopulate === '*') continue;
          if (!isPlainObject(componentPopulate)) return queryMessages.populate(`${at}[on][${component}]`);
          const problem = nestedParamsProblem(
            componentPopulate,
            componentModel,
            getModel,
            `${at}[on][${component}]`,
            depth + 1
          );
          if (problem) return problem;
        }
        continue;
      }
      if (!target) return queryMessages.unknownKey(at, option);
    }
    if (target) {
      const problem = nestedParamsProblem(value, target, getModel, at, depth + 1);
      if (problem) return problem;
    }
  }
  return null;
}

function nestedParamsProblem(
  params: Record<string, unknown>,
  model: QueryModel,
  getModel: GetModel,
  path: string,
  depth: number
) {
  if (params.fields !== undefined) {
    const problem = fieldsProblem(params.fields, model, `${path}[fields]`);
    if (problem) return problem;
  }
  if (params.filters !== undefined) {
    const problem = filterProblem(params.filters, model, getModel, `${path}[filters]`);
    if (problem) return problem;
  }
  if (params.sort !== undefined) {
    const problem = sortProblem(params.sort, model, getModel, `${path}[sort]`);
    if (problem) return problem;
  }
  if (params.populate !== undefined) {
    const problem = populateProblem(params.populate, model, getModel, `${path}[populate]`, depth);
    if (problem) return problem;
  }
  if (params.count !== undefined && !['true', 'false', true, false].includes(params.count as never)) {
    return queryMessages.notABoolean(`${path}[count]`);
  }
  return null;
}

/** The same populate tree with its nested filters normalised (see normalisedFilters). */
export function normalisedPopulate(
  populate: unknown,
  model: QueryModel,
  getModel: GetModel,
  publishedOnly: boolean,
  depth = 0
): unknown {
  if (depth > 8 || !isPlainObject(populate)) return populate;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(populate)) {
    const attribute = ownAttribute(model, key);
    const target = attribute && attribute.type !== 'dynamiczone' ? nestedModel(attribute, getModel) : undefined;
    if (!target || !isPlainObject(value)) {
      result[key] = value;
      continue;
    }
    const nested: Record<string, unknown> = { ...value };
    if (nested.filters !== undefined)
      nested.filters = normalisedFilters(nested.filters, target, getModel, publishedOnly);
    if (nested.populate !== undefined)
      nested.populate = normalisedPopulate(nested.populate, target, getModel, publishedOnly, depth + 1);
    result[key] = nested;
  }
  return result;
}

function wholeNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isInteger(value) ? value : null;
  if (typeof value === 'string' && /^\d{1,10}$/.test(value)) return Number(value);
  return null;
}

/** `pagination[page|pageSize|start|limit]` and the top-level `start`/`limit` the services pass on. */
export function paginationProblem(params: Record<string, unknown>): string | null {
  const checks: [string, unknown, number][] = [];
  if (params.pagination !== undefined) {
    if (!isPlainObject(params.pagination)) return queryMessages.notAnObject('pagination');
    for (const [key, value] of Object.entries(params.pagination)) {
      if (key === 'withCount') continue;
      if (!['page', 'pageSize', 'start', 'limit'].includes(key)) return queryMessages.unknownKey('pagination', key);
      checks.push([`pagination[${key}]`, value, key === 'page' || key === 'pageSize' ? 1 : key === 'limit' ? -1 : 0]);
    }
  }
  if (params.start !== undefined) checks.push(['start', params.start, 0]);
  if (params.limit !== undefined) checks.push(['limit', params.limit, -1]);
  for (const [path, value, minimum] of checks) {
    const number = wholeNumber(value);
    // limit -1 is Strapi's "no limit", capped by the API's maxLimit.
    const ok = number !== null && number >= minimum && number <= MAX_PAGINATION_NUMBER;
    if (!ok)
      return minimum === 1
        ? queryMessages.page(path, MAX_PAGINATION_NUMBER)
        : queryMessages.pagination(path, MAX_PAGINATION_NUMBER);
  }
  return null;
}

const SEARCHABLE = new Set(['string', 'text', 'richtext', 'email', 'uid', 'enumeration']);

/**
 * `_q` as filters over the fields the public may read. Strapi's own search runs over every string
 * column, private ones included: `_q=<part of an email>` told whether an author's private email
 * contains it, one character at a time.
 */
export function searchFilters(query: string, model: QueryModel): Record<string, unknown> {
  const fields = Object.entries(model.attributes)
    .filter(([, attribute]) => SEARCHABLE.has(attribute.type) && !attribute.private && attribute.searchable !== false)
    .map(([name]) => name);
  const conditions: Record<string, unknown>[] = fields.map((name) => ({ [name]: { $containsi: query } }));
  if (/^\d{1,10}$/.test(query)) conditions.push({ id: { $eq: Number(query) } });
  return conditions.length ? { $or: conditions } : { id: { $null: true } };
}
