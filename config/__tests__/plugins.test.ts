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
