import { env } from '@strapi/utils';
import plugins from '../plugins';

/** The GraphQL schema is everything the API can do: told to anyone only while developing, unless asked for. */
describe('GraphQL introspection', () => {
  const saved = { NODE_ENV: process.env.NODE_ENV, GRAPHQL_INTROSPECTION: process.env.GRAPHQL_INTROSPECTION };
  afterEach(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  test.each([
    ['development', undefined, true],
    ['test', undefined, true],
    ['production', undefined, false],
    ['production', 'true', true],
    ['development', 'false', false],
  ])('with NODE_ENV=%s and GRAPHQL_INTROSPECTION=%s it is %s', (nodeEnv, switchValue, expected) => {
    process.env.NODE_ENV = nodeEnv;
    if (switchValue === undefined) delete process.env.GRAPHQL_INTROSPECTION;
    else process.env.GRAPHQL_INTROSPECTION = switchValue;
    const config = plugins({ env } as never) as any;
    expect(config.graphql.config.apolloServer.introspection).toBe(expected);
  });
});

/** The response cache: off when asked, Redis when there is one, else each process's own memory. */
describe('response cache mode', () => {
  const names = ['WARTA_CACHE', 'REDIS_URL', 'WARTA_CACHE_TAG_HEADERS'] as const;
  const saved = Object.fromEntries(names.map((name) => [name, process.env[name]]));
  afterEach(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });
  const set = (name: string, value: string | undefined) => {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  };

  test.each([
    [undefined, undefined, 'memory'],
    [undefined, 'redis://127.0.0.1:6379', 'redis'],
    ['off', 'redis://127.0.0.1:6379', 'off'],
    ['OFF', undefined, 'off'],
    ['memory', 'redis://127.0.0.1:6379', 'memory'],
    ['redis', 'redis://cache:6379', 'redis'],
  ])('WARTA_CACHE=%s and REDIS_URL=%s give %s', (mode, url, expected) => {
    set('WARTA_CACHE', mode);
    set('REDIS_URL', url);
    const config = plugins({ env } as never) as any;
    expect(config.newsroom.config.cache.mode).toBe(expected);
    expect(config.newsroom.config.cache.redisUrl).toBe(url ?? '');
  });

  test.each([
    [undefined, ['Surrogate-Key', 'Cache-Tag', 'xkey']],
    ['Cache-Tag', ['Cache-Tag']],
    [' Surrogate-Key , Edge-Cache-Tag ', ['Surrogate-Key', 'Edge-Cache-Tag']],
    ['', []],
  ])('WARTA_CACHE_TAG_HEADERS=%p gives %p', (value, expected) => {
    set('WARTA_CACHE_TAG_HEADERS', value);
    expect((plugins({ env } as never) as any).newsroom.config.cache.tagHeaders).toEqual(expected);
  });
});
