/**
 * Cache keys: two requests get one key only when Strapi is certain to answer them alike. Anything this
 * cannot prove equal keeps a key of its own (a miss, never a wrong hit).
 */
import { createHash } from 'crypto';
import { Kind, parse, print, type DocumentNode, type OperationDefinitionNode } from 'graphql';

/**
 * JSON with object keys sorted at every level and arrays in their order: the query `b=1&a=2` and `a=2&b=1`
 * parse to objects that print alike. Strapi's qs parser (`ctx.query`) is what every handler reads, so equal
 * parsed objects mean equal requests. `null` (qs' `?a`) and `''` (`?a=`) stay apart.
 */
export function stableStringify(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${stableStringify(record[key])}`).join(',')}}`;
}

// An escape of an unreserved character (A-Z a-z 0-9 - . _ ~). Koa's router matches static segments on the
// raw path, so `/r%65ad/id` is a 404 while `/read/id` is a page: such a segment is kept exactly as sent.
const ESCAPED_UNRESERVED = /%(?:3[0-9]|4[1-9A-F]|5[0-9A]|6[1-9A-F]|7[0-9A]|2D|2E|5F|7E)/i;

/**
 * The path with each segment in one spelling: `%c3%a9`, `%C3%A9` and a raw `é` are one segment, `%2F`
 * stays inside its segment. Route parameters are decoded by the router, and static segments never hold
 * escapes, so these spellings always route and answer alike.
 */
export function canonicalPath(path: string): string {
  return path
    .split('/')
    .map((segment) => {
      if (ESCAPED_UNRESERVED.test(segment)) return segment;
      const decoded = safeDecode(segment);
      return decoded === null ? segment : encodeURIComponent(decoded);
    })
    .join('/');
}

function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

export type RequestKeyParts = {
  method: string;
  path: string;
  /** `ctx.query` as Strapi's qs parser gives it, or the GraphQL request's canonical form. */
  query: unknown;
  /** The request's Origin: CORS answers differ by it (`Vary: Origin`). */
  origin?: string | null;
};

/** The readable key of a request; stores hash it (`hashKey`). */
export function requestKey({ method, path, query, origin }: RequestKeyParts): string {
  const verb = method.toUpperCase() === 'HEAD' ? 'GET' : method.toUpperCase();
  return `${verb} ${canonicalPath(path)} ${stableStringify(query)} origin=${origin ?? ''}`;
}

export const hashKey = (key: string): string => createHash('sha256').update(key).digest('base64url');

export type GraphQLRequest = { query?: unknown; variables?: unknown; operationName?: unknown; extensions?: unknown };
export type GraphQLKey = { cacheable: true; canonical: Record<string, unknown> } | { cacheable: false; reason: string };

/**
 * A GraphQL request as one canonical object: the document printed by graphql-js (whitespace, comments and
 * commas gone), the variables and extensions with sorted keys. Only a query operation is cacheable; a
 * mutation, a subscription, a document that does not parse or names no single operation is not.
 */
export function graphqlKey({ query, variables, operationName, extensions }: GraphQLRequest): GraphQLKey {
  if (typeof query !== 'string' || !query.trim()) return { cacheable: false, reason: 'no query' };
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') {
    return { cacheable: false, reason: 'operationName is not a string' };
  }
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch {
    return { cacheable: false, reason: 'does not parse' };
  }
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION
  );
  const chosen = operationName
    ? operations.find((operation) => operation.name?.value === operationName)
    : operations.length === 1
      ? operations[0]
      : undefined;
  if (!chosen) return { cacheable: false, reason: 'no single operation' };
  if (chosen.operation !== 'query') return { cacheable: false, reason: chosen.operation };
  return {
    cacheable: true,
    canonical: {
      query: print(document),
      operationName: operationName ?? null,
      variables: variables ?? null,
      extensions: extensions ?? null,
    },
  };
}

/**
 * A GraphQL GET's parameters, as Apollo reads them (URLSearchParams, not qs). `variables` and `extensions`
 * are JSON text; a parameter given twice or JSON that does not parse makes the request uncacheable.
 */
export function graphqlGetRequest(querystring: string): GraphQLRequest | null {
  const params = new URLSearchParams(querystring);
  const request: GraphQLRequest = {};
  for (const name of ['query', 'operationName', 'variables', 'extensions'] as const) {
    const values = params.getAll(name);
    if (values.length > 1) return null;
    if (values.length === 0) continue;
    if (name === 'variables' || name === 'extensions') {
      try {
        request[name] = JSON.parse(values[0]);
      } catch {
        return null;
      }
    } else {
      request[name] = values[0];
    }
  }
  return request;
}
