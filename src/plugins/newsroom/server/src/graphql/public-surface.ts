import type { Core } from '@strapi/strapi';
import { GraphQLError, parse } from 'graphql';
import type { Context } from 'koa';
import { DATABASE_RETRY_AFTER_SECONDS } from '../constants';
import { fragmentsAreSound } from '../utils/graphql/fragments';
import { graphqlMessages, operationsMessages } from '../utils/messages';
import { isDatabaseUnavailable } from '../utils/operations/database-errors';

// The body parser Strapi's GraphQL route itself uses (it skips a body already parsed); no types shipped.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const bodyParser: () => (ctx: unknown, next: () => Promise<void>) => Promise<void> = require('koa-bodyparser');

const SUBSCRIPTIONS_REFUSED = graphqlMessages.subscriptionsRefused;

/** The users-permissions mutations Strapi leaves open (`auth: false`), and the REST action that governs each. */
const AUTH_MUTATIONS: Record<string, string> = {
  login: 'callback',
  register: 'register',
  forgotPassword: 'forgotPassword',
  resetPassword: 'resetPassword',
  emailConfirmation: 'emailConfirmation',
};

const UNSOUND_FRAGMENTS = graphqlMessages.unsoundFragments;

/**
 * A body that the response cache (first in the stack, before Strapi's error handling) could not parse:
 * the stream is read, so the guard below throws the parser's error where Strapi formats it as always.
 */
const bodyErrors = new WeakMap<object, unknown>();
export function deferBodyError(ctx: object, error: unknown): void {
  bodyErrors.set(ctx, error);
}

type ErrorLike = { message?: string; extensions?: { code?: unknown } };
/** What the plugin reads of Apollo's response: a single result's errors (incremental ones are left alone). */
type ResponseLike = {
  http: { status?: number; headers: { set(name: string, value: string): unknown } };
  body?: { kind?: string; singleResult?: { data?: unknown; errors?: readonly ErrorLike[] } };
};
/** The GraphQL plugin's Apollo options: only `plugins` is read here, the rest is passed on untouched. */
type ApolloServerOptions = { plugins?: unknown[]; [option: string]: unknown };

/** A request the caller got wrong answers 400 (or 403 when it was only refused), as REST does, not 200. */
export function statusForErrors(errors: readonly ErrorLike[] | undefined): number | null {
  if (!errors?.length) return null;
  const codes = errors.map((error) => error.extensions?.code);
  if (codes.every((code) => code === 'FORBIDDEN')) return 403;
  if (codes.every((code) => code === 'BAD_USER_INPUT' || code === 'FORBIDDEN' || code === 'BAD_REQUEST')) return 400;
  return null;
}

/**
 * A resolver that met an unreachable database answers as REST does (operations/database-unavailable.ts):
 * 503 with Retry-After and the bilingual message, instead of 200 with "Internal Server Error" and the
 * failed SQL in `extensions.error.message`. Partial data of such a response is dropped: it is arbitrary.
 */
function answerDatabaseUnavailable(http: ResponseLike['http'], body: NonNullable<ResponseLike['body']>) {
  http.status = 503;
  http.headers.set('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
  http.headers.set('cache-control', 'no-store');
  body.singleResult = {
    errors: [
      {
        message: operationsMessages.databaseUnavailable(DATABASE_RETRY_AFTER_SECONDS),
        extensions: { code: 'SERVICE_UNAVAILABLE' },
      },
    ],
  };
}

export const httpStatusPlugin = {
  async requestDidStart() {
    let databaseUnavailable = false;
    return {
      async didResolveOperation({ operation }: { operation?: { operation?: string } | null }) {
        if (operation?.operation === 'subscription') {
          throw new GraphQLError(SUBSCRIPTIONS_REFUSED, { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } });
        }
      },
      // Before Strapi's formatError turns them into "Internal Server Error": the original errors are still here.
      async didEncounterErrors({ errors }: { errors: readonly { originalError?: unknown }[] }) {
        if (errors.some((error) => isDatabaseUnavailable(error.originalError))) databaseUnavailable = true;
      },
      async willSendResponse({ response }: { response: ResponseLike }) {
        if (response.body?.kind !== 'single') return;
        if (databaseUnavailable) return answerDatabaseUnavailable(response.http, response.body);
        const status = statusForErrors(response.body.singleResult?.errors);
        if (status && (!response.http.status || response.http.status === 200)) response.http.status = status;
      },
    };
  },
};

/**
 * What the public sees of /graphql follows what it may do over REST: the users-permissions mutations
 * need the same Public-role permission as their REST routes (so `forgotPassword` no longer answers
 * `ok` and sends mail to anyone), a media file does not list the entries that use it (`related`
 * would name drafts), a malformed document is a 400 rather than a 500, and a subscription a clean 400.
 * Runs in register: the GraphQL plugin reads its Apollo configuration in its bootstrap.
 */
export function hardenGraphQL(strapi: Core.Strapi): void {
  const extension = strapi.plugin('graphql')?.service('extension');
  if (!extension) return;

  const apolloServer = (strapi.config.get('plugin::graphql.apolloServer') ?? {}) as ApolloServerOptions;
  // Strapi appends configured plugins to its own.
  strapi.config.set('plugin::graphql.apolloServer', {
    ...apolloServer,
    plugins: [...(apolloServer.plugins ?? []), httpStatusPlugin],
  });

  extension.shadowCRUD('plugin::upload.file').field('related').disable();
  extension.use({
    resolversConfig: Object.fromEntries(
      Object.entries(AUTH_MUTATIONS).map(([mutation, action]) => [
        `Mutation.${mutation}`,
        { auth: { scope: [`plugin::users-permissions.auth.${action}`] } },
      ])
    ),
  });
}

/**
 * Strapi's depth-limit validation rule follows fragment spreads without a cycle check: a fragment that
 * spreads itself back (or an undefined one) overflowed the stack inside validation and answered 500.
 * Such a document is answered here, before Apollo, with the 400 graphql's own rules would give.
 * Only documents that spread a fragment at all are parsed a second time. Strapi's body middleware
 * leaves /graphql to the route's own parser, so the body is parsed here with that same parser.
 */
export function graphQLDocumentGuard(strapi: Core.Strapi) {
  const endpoint = (strapi.config.get('plugin::graphql.endpoint') as string | undefined) ?? '/graphql';
  const parseBody = bodyParser();
  return async (ctx: Context, next: () => Promise<unknown>) => {
    if (ctx.path !== endpoint) return next();
    if (bodyErrors.has(ctx)) throw bodyErrors.get(ctx);
    if (ctx.method === 'POST') await parseBody(ctx, async () => {});
    const source =
      ctx.method === 'GET' ? ctx.query?.query : (ctx.request?.body as { query?: unknown } | undefined)?.query;
    if (typeof source !== 'string' || !source.includes('...')) return next();
    let sound = true;
    try {
      sound = fragmentsAreSound(parse(source) as never);
    } catch {
      return next(); // a syntax error: Apollo answers it with a 400 of its own
    }
    if (sound) return next();
    ctx.status = 400;
    ctx.body = { errors: [{ message: UNSOUND_FRAGMENTS, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] };
  };
}
