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
 * The shape of a public `filters` tree, checked before it reaches the database. Strapi's own checks
 * look at keys only: a value of the wrong shape (`$or=x`, `$between=a`, `$eq[$eq]=x`, `filters[0]=1`)
 * went on to knex and came back as a 500. Every problem here is a sentence for a 400 instead.
 */
const SCALAR_OPERATORS = new Set([
  '$eq',
  '$eqi',
  '$ne',
  '$nei',
  '$lt',
  '$lte',
  '$gt',
  '$gte',
  '$contains',
  '$notContains',
  '$containsi',
  '$notContainsi',
  '$startsWith',
  '$startsWithi',
  '$endsWith',
  '$endsWithi',
]);
const LIST_OPERATORS = new Set(['$in', '$notIn']);
const NULL_OPERATORS = new Set(['$null', '$notNull']);
const GROUP_OPERATORS = new Set(['$and', '$or']);
const BOOLEAN_VALUES = new Set([true, false, 'true', 'false', '1', '0', 1, 0]);
/** Deeper than any real frontend query; a bound keeps a hostile query from costing a deep recursion. */
export const MAX_FILTER_DEPTH = 16;

const isScalar = (value: unknown): boolean =>
  typeof value === 'string' ||
  typeof value === 'boolean' ||
  value === null ||
  (typeof value === 'number' && Number.isFinite(value));

/** Relations the public may never walk: editors' private choices and the admin users behind createdBy/updatedBy. */
export function isClosedAttribute(attribute: QueryAttribute): boolean {
  return (
    attribute.private === true ||
    (attribute.type === 'relation' && String(attribute.target ?? '').startsWith('admin::'))
  );
}

/**
 * What a column holds, as far as a filter value is concerned. PostgreSQL compares strictly: `id = "'"`,
 * `LIKE` on an integer or a timestamp, or a word against a relation's id failed inside SQL (500) where
 * SQLite and MariaDB quietly coerced.
 */
export type ValueKind = 'text' | 'integer' | 'number' | 'boolean' | 'temporal' | 'opaque';
const KINDS: Record<string, ValueKind> = {
  string: 'text',
  text: 'text',
  richtext: 'text',
  email: 'text',
  uid: 'text',
  enumeration: 'text',
  integer: 'integer',
  biginteger: 'integer',
  float: 'number',
  decimal: 'number',
  boolean: 'boolean',
  date: 'temporal',
  datetime: 'temporal',
  time: 'temporal',
  timestamp: 'temporal',
};
export const valueKind = (type: string): ValueKind => KINDS[type] ?? 'opaque';

const TEXT_OPERATORS = new Set([
  '$eqi',
  '$nei',
  '$contains',
  '$notContains',
  '$containsi',
  '$notContainsi',
  '$startsWith',
  '$startsWithi',
  '$endsWith',
  '$endsWithi',
]);
const ORDER_OPERATORS = new Set(['$lt', '$lte', '$gt', '$gte', '$between']);

function operatorFits(operator: string, kind: ValueKind): boolean {
  if (NULL_OPERATORS.has(operator) || operator === '$not' || GROUP_OPERATORS.has(operator)) return true;
  if (kind === 'opaque') return false;
  if (TEXT_OPERATORS.has(operator)) return kind === 'text';
  if (ORDER_OPERATORS.has(operator)) return kind !== 'boolean';
  return true;
}

function scalarFits(value: unknown, kind: ValueKind): boolean {
  if (value === null) return true;
  switch (kind) {
    case 'integer':
      return (
        (typeof value === 'number' && Number.isSafeInteger(value)) ||
        (typeof value === 'string' && /^-?\d{1,15}$/.test(value))
      );
    case 'number':
      return (
        (typeof value === 'number' && Number.isFinite(value)) ||
        (typeof value === 'string' && /^-?\d{1,15}(\.\d{1,15})?$/.test(value))
      );
    case 'boolean':
      return BOOLEAN_VALUES.has(value as never);
    case 'temporal':
      return typeof value === 'string' || typeof value === 'number';
    default:
      return isScalar(value);
  }
}

function kindProblem(value: unknown, path: string, kind: ValueKind): string | null {
  if (!isScalar(value)) return queryMessages.notAScalar(path);
  return scalarFits(value, kind) ? null : queryMessages.wrongType(path, kind);
}

const KNOWN_OPERATORS = new Set([
  ...SCALAR_OPERATORS,
  ...LIST_OPERATORS,
  ...NULL_OPERATORS,
  ...GROUP_OPERATORS,
  '$between',
  '$not',
]);

function valueProblem(value: unknown, path: string, depth: number, kind: ValueKind): string | null {
  if (depth > MAX_FILTER_DEPTH) return queryMessages.tooDeep(path);
  if (kind === 'opaque' && !isPlainObject(value)) return queryMessages.operatorNotFor(path, '$eq');
  if (isScalar(value)) return kindProblem(value, path, kind);
  if (Array.isArray(value)) {
    if (!value.every(isScalar)) return queryMessages.notAScalarList(path);
    return value.map((item, index) => kindProblem(item, `${path}[${index}]`, kind)).find(Boolean) ?? null;
  }
  if (!isPlainObject(value)) return queryMessages.notAScalar(path);
  for (const [operator, operand] of Object.entries(value)) {
    const at = `${path}[${operator}]`;
    if (!KNOWN_OPERATORS.has(operator)) return queryMessages.unknownOperator(path, operator);
    if (!operatorFits(operator, kind)) return queryMessages.operatorNotFor(path, operator);
    let problem: string | null | undefined = null;
    if (SCALAR_OPERATORS.has(operator)) {
      const list = (operator === '$eq' || operator === '$ne') && Array.isArray(operand) ? operand : null;
      problem = list
        ? valueProblem(list, at, depth + 1, kind)
        : isScalar(operand)
          ? kindProblem(operand, at, kind)
          : queryMessages.notAScalar(at);
    } else if (LIST_OPERATORS.has(operator)) {
      const list = isScalar(operand) ? [operand] : asList(operand);
      problem =
        !list || !list.every(isScalar)
          ? queryMessages.notAScalarList(at)
          : list.map((item, index) => kindProblem(item, `${at}[${index}]`, kind)).find(Boolean);
    } else if (operator === '$between') {
      const list = asList(operand);
      problem =
        !list || list.length !== 2 || !list.every((item) => isScalar(item) && item !== null)
          ? queryMessages.between(at)
          : list.map((item, index) => kindProblem(item, `${at}[${index}]`, kind)).find(Boolean);
    } else if (NULL_OPERATORS.has(operator)) {
      problem = BOOLEAN_VALUES.has(operand as never) ? null : queryMessages.notABoolean(at);
    } else if (operator === '$not') {
      problem = valueProblem(operand, at, depth + 1, kind);
    } else {
      const list = asList(operand);
      problem = list
        ? list.map((item, index) => valueProblem(item, `${at}[${index}]`, depth + 1, kind)).find(Boolean)
        : queryMessages.notAList(at);
    }
    if (problem) return problem;
  }
  return null;
}

/**
 * `filters` at a position where attribute names of `model` are expected. Under a relation, operators
 * may also stand directly (they compare the related id: `filters[category][$null]=true`).
 */
export function filterProblem(
  filters: unknown,
  model: QueryModel,
  getModel: GetModel,
  path = 'filters',
  depth = 0,
  underRelation = false
): string | null {
  if (depth > MAX_FILTER_DEPTH) return queryMessages.tooDeep(path);
  if (!isPlainObject(filters)) return queryMessages.notAnObject(path);
  for (const [key, value] of Object.entries(filters)) {
    const at = `${path}[${key}]`;
    if (GROUP_OPERATORS.has(key)) {
      const list = asList(value);
      if (!list) return queryMessages.notAList(at);
      for (const [index, item] of list.entries()) {
        const problem = filterProblem(item, model, getModel, `${at}[${index}]`, depth + 1, underRelation);
        if (problem) return problem;
      }
      continue;
    }
    if (key === '$not') {
      const problem = filterProblem(value, model, getModel, at, depth + 1, underRelation);
      if (problem) return problem;
      continue;
    }
    if (key.startsWith('$')) {
      if (!underRelation) return queryMessages.unknownOperator(path, key);
      // Directly under a relation, an operator compares the related id.
      const problem = valueProblem({ [key]: value }, path, depth + 1, 'integer');
      if (problem) return problem;
      continue;
    }
    const attribute = ownAttribute(model, key);
    if (!attribute || attribute.type === 'dynamiczone' || attribute.type === 'password')
      return queryMessages.unknownKey(path, key);
    if (isClosedAttribute(attribute)) return queryMessages.privateRelation(at);
    const target = nestedModel(attribute, getModel);
    if (target) {
      const problem = isPlainObject(value)
        ? filterProblem(value, target, getModel, at, depth + 1, true)
        : valueProblem(value, at, depth + 1, 'integer');
      if (problem) return problem;
      continue;
    }
    const problem = valueProblem(value, at, depth + 1, valueKind(attribute.type));
    if (problem) return problem;
  }
  return null;
}

const PUBLISHED_ONLY = { publishedAt: { $notNull: true } };

/**
 * The same filters in the one shape Strapi's database layer takes under a relation or component, and
 * with every walk into a draft-and-publish type limited to published rows when `publishedOnly`.
 *
 * Published only: a filter through `localizations` joins every row of the other locales, drafts
 * included, so a guess at an unpublished translation's title could be confirmed by comparing two
 * responses. Shape: under a relation Strapi accepts attribute keys, or a single group operator, or a
 * single operator on the id; `$not` over attributes, operators mixed with attributes or two operators
 * went on to SQL and failed with a 500. Each relation's filter is rewritten as one `$and`, operators
 * spelled out on `id`, which means what the caller wrote.
 */
export function normalisedFilters(
  filters: unknown,
  model: QueryModel,
  getModel: GetModel,
  publishedOnly: boolean,
  depth = 0
): unknown {
  if (depth > MAX_FILTER_DEPTH || !isPlainObject(filters)) return filters;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filters)) {
    if (GROUP_OPERATORS.has(key)) {
      const list = asList(value);
      result[key] = list
        ? list.map((item) => normalisedFilters(item, model, getModel, publishedOnly, depth + 1))
        : value;
      continue;
    }
    if (key === '$not') {
      result[key] = normalisedFilters(value, model, getModel, publishedOnly, depth + 1);
      continue;
    }
    const attribute = key.startsWith('$') ? undefined : ownAttribute(model, key);
    const target = attribute ? nestedModel(attribute, getModel) : undefined;
    if (!attribute || !target) {
      result[key] = value;
      continue;
    }
    const inner = normalisedFilters(asRootWhere(value), target, getModel, publishedOnly, depth + 1);
    const published = publishedOnly && attribute.type === 'relation' && hasDraftAndPublish(target);
    result[key] = { $and: published ? [inner, PUBLISHED_ONLY] : [inner] };
  }
  return result;
}

/** A filter written under a relation, as a filter at the root of the related type: operators compare its id. */
function asRootWhere(value: unknown): Record<string, unknown> {
  if (!isPlainObject(value)) return { id: value };
  const result: Record<string, unknown> = {};
  const id: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (GROUP_OPERATORS.has(key)) {
      const list = asList(inner);
      result[key] = list ? list.map(asRootWhere) : inner;
    } else if (key === '$not') {
      // `$not` over operators only negates the id comparison; over attributes it negates the filter.
      const negated = asRootWhere(inner);
      result.$not = negated;
    } else if (key.startsWith('$')) {
      id[key] = inner;
    } else if (key === 'id' && !isPlainObject(inner)) {
      id.$eq = inner;
    } else if (key === 'id') {
      Object.assign(id, inner);
    } else {
      result[key] = inner;
    }
  }
  if (Object.keys(id).length) result.id = id;
  return result;
}
