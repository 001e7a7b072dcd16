import { parse } from 'graphql';
import { fragmentsAreSound } from '../fragments';

describe('fragmentsAreSound', () => {
  test.each([
    ['no fragments', '{ articles { title } }', true],
    [
      'a fragment used twice',
      'query { a: articles { ...F } b: articles { ...F } } fragment F on Article { title }',
      true,
    ],
    ['a chain of fragments', 'query { ...A } fragment A on Query { ...B } fragment B on Query { __typename }', true],
    ['a spread inside an inline fragment', 'query { ... on Query { ...A } } fragment A on Query { __typename }', true],
    ['a fragment that spreads itself', 'query { ...A } fragment A on Query { ...A }', false],
    [
      'two fragments spreading each other',
      'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }',
      false,
    ],
    [
      'a cycle deep in selections',
      'query { ...A } fragment A on Query { articles { ...B } } fragment B on Article { category { ...C } } fragment C on Category { articles { ...B } }',
      false,
    ],
    ['a cycle in an unused fragment', 'query { __typename } fragment A on Query { ...A }', false],
    ['a spread of an undefined fragment', 'query { ...Missing }', false],
  ])('%s', (_name, source, sound) => {
    expect(fragmentsAreSound(parse(source) as never)).toBe(sound);
  });
});
