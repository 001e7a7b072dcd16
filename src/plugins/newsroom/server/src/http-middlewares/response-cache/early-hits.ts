/**
 * Cache hits answered by the HTTP server itself, ahead of Koa (`answerHitsFirst`, plugin bootstrap). A hit
 * needs nothing of the stack, its entry holds every header the stack set; yet building Koa's context and
 * Strapi's request context and walking the middleware chain cost about ten times sending the bytes
 * (issue 13: hits at 0.1x of a bare server). What goes out is what the response-cache middleware sends for
 * the same hit (status, headers, `Age`, `X-Cache: HIT`, a 304 for a matching validator, HEAD without a
 * body) and the line strapi::logger would write.
 *
 * Only the plainest case is answered here: a GET or HEAD of the REST API or the public site, without
 * credentials, a range or a preview, whose entry is a 200. Everything else goes to Koa as though this were
 * not here: a miss (computed, coalesced and stored there), a cached 404 (the redirects middleware may turn
 * it into a 301), GraphQL (its key needs the parsed document), a store that cannot answer now.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'http';
import type { Core } from '@strapi/strapi';
import { getService } from '../../get-service';
import type { StoredEntry } from '../../services/response-cache';
import { hashKey, requestKey } from '../../utils/cache/key';
import { notModified } from '../../utils/http/conditional';
import { bypassReason, surfaceOf } from './plan';

type QueryParser = (querystring: string) => unknown;

/** `ctx.query` exactly as Strapi computes it (strapi::query's qs getter and settings), for one query string. */
function strapiQueryParser(strapi: Core.Strapi): QueryParser | null {
  const getter = Object.getOwnPropertyDescriptor(strapi.server.app.request, 'query')?.get;
  return getter ? (querystring) => getter.call({ querystring }) : null;
}

const header = (request: IncomingMessage, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(', ') : value || undefined;
};

/** Hashes by request line and Origin: the key is a function of those alone, and parsing it is most of a hit's work. */
const HASH_MEMO_LIMIT = 10_000;
/** Longer request lines are hashed each time: the memo holds at most HASH_MEMO_LIMIT of this many characters. */
const HASH_MEMO_LINE_CHARS = 1024;

/** The request's cache hash when the cache would key it (plan.ts rules), null when Koa must see it. */
function plannedHash(
  strapi: Core.Strapi,
  request: IncomingMessage,
  parseQuery: QueryParser,
  memo: Map<string, string | null>
): string | null {
  const { method, url } = request;
  if ((method !== 'GET' && method !== 'HEAD') || !url || url[0] !== '/') return null;
  if (bypassReason((name) => header(request, name), url.split('?', 1)[0])) return null;
  const origin = header(request, 'origin') ?? null;
  const line = `${url} ${origin ?? ''}`;
  const known = memo.get(line);
  if (known !== undefined) return known;
  const mark = url.indexOf('?');
  const path = mark < 0 ? url : url.slice(0, mark);
  const surface = surfaceOf(path, strapi);
  const hash =
    surface === 'rest' || surface === 'site'
      ? hashKey(requestKey({ method: 'GET', path, query: parseQuery(mark < 0 ? '' : url.slice(mark + 1)), origin }))
      : null;
  if (line.length > HASH_MEMO_LINE_CHARS) return hash;
  if (memo.size >= HASH_MEMO_LIMIT) memo.clear();
  memo.set(line, hash);
  return hash;
}

function send(request: IncomingMessage, response: ServerResponse, entry: StoredEntry): number {
  const conditions = {
    ifNoneMatch: header(request, 'if-none-match') ?? null,
    ifModifiedSince: header(request, 'if-modified-since') ?? null,
  };
  const validators = { etag: entry.headers.etag ?? null, lastModified: entry.headers['last-modified'] ?? null };
  const status = notModified(entry.status, conditions, validators) ? 304 : entry.status;
  for (const [name, value] of Object.entries(entry.headers)) response.setHeader(name, value);
  response.setHeader('Age', String(Math.max(0, Math.floor((Date.now() - entry.storedAt) / 1000))));
  response.setHeader('X-Cache', 'HIT');
  response.statusCode = status;
  if (status === 304) {
    // As Koa does for an empty status: no body, so nothing that describes one.
    for (const name of ['content-type', 'content-length', 'transfer-encoding']) response.removeHeader(name);
    response.end();
  } else {
    response.setHeader('Content-Length', entry.body.length);
    response.end(request.method === 'HEAD' ? undefined : entry.body);
  }
  return status;
}

/**
 * Puts the early answer in front of Strapi's request listener. Requests it does not answer reach that
 * listener unchanged, in the same tick when they are not the cache's, after one store lookup otherwise.
 */
export function answerHitsFirst(strapi: Core.Strapi): void {
  const server = strapi.server.httpServer;
  const koa = server.listeners('request').find((listener) => listener.name === 'handleRequest') as
    RequestListener | undefined;
  if (!koa) {
    strapi.log.warn('[newsroom] response cache: Strapi request listener not found; hits go through Koa');
    return;
  }
  const middlewares = (strapi.config.get('middlewares') ?? []) as unknown[];
  const logs = middlewares.some(
    (entry) => entry === 'strapi::logger' || (entry as { name?: string })?.name === 'strapi::logger'
  );
  const cache = getService('response-cache', strapi);
  let parseQuery: QueryParser | null = null;
  const memo = new Map<string, string | null>();

  server.removeListener('request', koa);
  server.on('request', function early(request: IncomingMessage, response: ServerResponse) {
    const started = Date.now();
    let hash: string | null = null;
    try {
      if (cache.enabled()) {
        parseQuery ??= strapiQueryParser(strapi);
        hash = parseQuery ? plannedHash(strapi, request, parseQuery, memo) : null;
      }
    } catch {
      hash = null;
    }
    if (hash === null) return koa.call(server, request, response);
    cache.peek(hash).then(
      (entry) => {
        if (!entry || entry.status !== 200 || response.headersSent) return koa.call(server, request, response);
        const status = send(request, response, entry);
        if (logs) strapi.log.http(`${request.method} ${request.url} (${Math.ceil(Date.now() - started)} ms) ${status}`);
      },
      () => koa.call(server, request, response)
    );
  });
}
