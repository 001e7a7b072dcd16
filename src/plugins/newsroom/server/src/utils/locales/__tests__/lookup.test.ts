import { localeWhere } from '../lookup';

describe('localeWhere', () => {
  test.each([
    ['every locale', '*', 'id', {}],
    ['a list', ['id', 'en'], 'id', { locale: { $in: ['id', 'en'] } }],
    ['one code', 'en', 'id', { locale: 'en' }],
    ['the default when none is given', undefined, 'id', { locale: 'id' }],
    ['nothing without a default', undefined, undefined, {}],
  ])('%s', (_case, locale, fallback, where) => {
    expect(localeWhere(locale, fallback)).toEqual(where);
  });
});
