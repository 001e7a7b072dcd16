import { GraphQLError } from 'graphql';
import { httpStatusPlugin, statusForErrors } from '../public-surface';

/** Apollo's response as the plugin's willSendResponse sees it: a single result and its HTTP part. */
function response(errors: { message: string; extensions?: { code?: string } }[], data: unknown = null) {
  const headers = new Map<string, string>();
  return {
    http: { status: undefined as number | undefined, headers },
    body: { kind: 'single', singleResult: { data, errors } },
  };
}

const resolverError = (originalError: Error) => new GraphQLError('Internal Server Error', { originalError });

describe('httpStatusPlugin', () => {
  test('answers 503 with Retry-After and the bilingual message when a resolver met an unreachable database', async () => {
    const hooks = await httpStatusPlugin.requestDidStart();
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    await hooks.didEncounterErrors({ errors: [resolverError(refused)] });
    const sent = response([{ message: 'Internal Server Error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }], {
      articles: null,
    });
    await hooks.willSendResponse({ response: sent });
    expect(sent.http.status).toBe(503);
    expect(Object.fromEntries(sent.http.headers)).toEqual({ 'retry-after': '5', 'cache-control': 'no-store' });
    expect(sent.body.singleResult).toEqual({
      errors: [
        {
          message: expect.stringMatching(
            /basis data tidak dapat dihubungi.*\(Service unavailable: the database cannot be reached/
          ),
          extensions: { code: 'SERVICE_UNAVAILABLE' },
        },
      ],
    });
  });

  test('leaves an internal error that is not about the database as it was', async () => {
    const hooks = await httpStatusPlugin.requestDidStart();
    await hooks.didEncounterErrors({ errors: [resolverError(new TypeError('a bug'))] });
    const sent = response([{ message: 'Internal Server Error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
    await hooks.willSendResponse({ response: sent });
    expect(sent.http.status).toBeUndefined();
    expect(sent.body.singleResult.errors).toHaveLength(1);
  });

  test('keeps answering 400 for what the caller got wrong', async () => {
    const hooks = await httpStatusPlugin.requestDidStart();
    const sent = response([{ message: 'Unknown argument', extensions: { code: 'BAD_USER_INPUT' } }]);
    await hooks.willSendResponse({ response: sent });
    expect(sent.http.status).toBe(400);
  });
});

describe('statusForErrors', () => {
  test.each([
    [[{ extensions: { code: 'FORBIDDEN' } }], 403],
    [[{ extensions: { code: 'BAD_USER_INPUT' } }, { extensions: { code: 'FORBIDDEN' } }], 400],
    [[{ extensions: { code: 'INTERNAL_SERVER_ERROR' } }], null],
    [[], null],
  ])('%j gives %s', (errors, status) => {
    expect(statusForErrors(errors)).toBe(status);
  });
});
