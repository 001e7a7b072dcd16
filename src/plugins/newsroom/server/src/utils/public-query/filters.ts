import { queryMessages } from './messages';
import { asList, hasDraftAndPublish, isPlainObject, nestedModel, ownAttribute, type GetModel, type QueryAttribute, type QueryModel } from './model';

/**
 * The shape of a public `filters` tree, checked before it reaches the database. Strapi's own checks
 * look at keys only: a value of the wrong shape (`$or=x`, `$between=a`, `$eq[$eq]=x`, `filters[0]=1`)
 * went on to knex and came back as a 500. Every problem here is a sentence for a 400 instead.
 */
const SCALAR_OPERATORS = new Set([
  '$eq', '$eqi', '$ne', '$nei', '$lt', '$lte', '$gt', '$gte',
  '$contains', '$notContains', '$containsi', '$notContainsi',
  '$startsWith', '$startsWithi', '$endsWith', '$endsWithi',
]);
const LIST_OPERATORS = new Set(['$in', '$notIn']);
const NULL_OPERATORS = new Set(['$null', '$notNull']);
const GROUP_OPERATORS = new Set(['$and', '$or']);
const BOOLEAN_VALUES = new Set([true, false, 'true', 'false', '1', '0', 1, 0]);
/** Deeper than any real frontend query; a bound keeps a hostile query from costing a deep recursion. */
export const MAX_FILTER_DEPTH = 16;

const isScalar = (value: unknown): boolean =>
  typeof value === 'string' || typeof value === 'boolean' || value === null || (typeof value === 'number' && Number.isFinite(value));

/** Relations the public may never walk: editors' private choices and the admin users behind createdBy/updatedBy. */
export function isClosedAttribute(attribute: QueryAttribute): boolean {
  return attribute.private === true || (attribute.type === 'relation' && String(attribute.target ?? '').startsWith('admin::'));
}

function valueProblem(value: unknown, path: string, depth: number): string | null {
  if (depth > MAX_FILTER_DEPTH) return queryMessages.tooDeep(path);
  if (isScalar(value)) return null;
  if (Array.isArray(value)) return value.every(isScalar) ? null : queryMessages.notAScalarList(path);
  if (!isPlainObject(value)) return queryMessages.notAScalar(path);
  for (const [operator, operand] of Object.entries(value)) {
    const at = `${path}[${operator}]`;
    if (SCALAR_OPERATORS.has(operator)) {
      const listOk = (operator === '$eq' || operator === '$ne') && Array.isArray(operand) && operand.every(isScalar);
      if (!isScalar(operand) && !listOk) return queryMessages.notAScalar(at);
    } else if (LIST_OPERATORS.has(operator)) {
      const list = asList(operand);
      if (!isScalar(operand) && !(list && list.every(isScalar))) return queryMessages.notAScalarList(at);
    } else if (operator === '$between') {
      const list = asList(operand);
      if (!list || list.length !== 2 || !list.every((item) => isScalar(item) && item !== null)) return queryMessages.between(at);
    } else if (NULL_OPERATORS.has(operator)) {
      if (!BOOLEAN_VALUES.has(operand as never)) return queryMessages.notABoolean(at);
    } else if (operator === '$not') {
      const problem = valueProblem(operand, at, depth + 1);
      if (problem) return problem;
    } else if (GROUP_OPERATORS.has(operator)) {
      const list = asList(operand);
      if (!list) return queryMessages.notAList(at);
      for (const [index, item] of list.entries()) {
        const problem = valueProblem(item, `${at}[${index}]`, depth + 1);
        if (problem) return problem;
      }
    } else {
      return queryMessages.unknownOperator(path, operator);
    }
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
      const problem = valueProblem({ [key]: value }, path, depth + 1);
      if (problem) return problem;
      continue;
    }
    const attribute = ownAttribute(model, key);
    if (!attribute || attribute.type === 'dynamiczone' || attribute.type === 'password') return queryMessages.unknownKey(path, key);
    if (isClosedAttribute(attribute)) return queryMessages.privateRelation(at);
    const target = nestedModel(attribute, getModel);
    if (target) {
      const problem = isPlainObject(value)
        ? filterProblem(value, target, getModel, at, depth + 1, attribute.type !== 'component')
        : valueProblem(value, at, depth + 1);
      if (problem) return problem;
      continue;
    }
    const problem = valueProblem(value, at, depth + 1);
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
export function normalisedFilters(filters: unknown, model: QueryModel, getModel: GetModel, publishedOnly: boolean, depth = 0): unknown {
  if (depth > MAX_FILTER_DEPTH || !isPlainObject(filters)) return filters;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filters)) {
    if (GROUP_OPERATORS.has(key)) {
      const list = asList(value);
      result[key] = list ? list.map((item) => normalisedFilters(item, model, getModel, publishedOnly, depth + 1)) : value;
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
