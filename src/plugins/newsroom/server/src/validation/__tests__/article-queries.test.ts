import { pageQuery, relatedQuery, validateQuery, validateRelatedLimit } from '..';

const LIMIT = 'limit harus bilangan bulat 1 sampai 20. (limit must be a whole number from 1 to 20.)';
const validateRelated = validateQuery(relatedQuery);
const validatePage = validateQuery(pageQuery);
const messageOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return { name: (error as Error).name, message: (error as Error).message };
  }
  return null;
};

describe('relatedQuery', () => {
  test.each([
    [{}, { limit: 5 }],
    [{ locale: 'en' }, { locale: 'en', limit: 5 }],
    [
      { locale: 'pt-BR', limit: '20' },
      { locale: 'pt-BR', limit: 20 },
    ],
    [{ limit: '007' }, { limit: 7 }],
  ])('%j is read as %j', (query, expected) => {
    expect(validateRelated(query)).toEqual(expected);
  });

  test.each([
    [{ limit: '0' }, LIMIT],
    [{ limit: '21' }, LIMIT],
    [{ limit: 'abc' }, LIMIT],
    [{ limit: '2.5' }, LIMIT],
    [{ limit: '-1' }, LIMIT],
    [{ limit: '' }, LIMIT],
    [{ limit: ['1', '2'] }, LIMIT],
    [{ limit: '99999999999999999999' }, LIMIT],
    [{ locale: 'FR' }, 'Bahasa "FR" tidak dikenal. (Unknown locale.)'],
    [{ locale: '' }, 'Bahasa "" tidak dikenal. (Unknown locale.)'],
    [{ locale: ['id', 'en'] }, 'Bahasa "id,en" tidak dikenal. (Unknown locale.)'],
    // An unknown name is reported first, before the bad values next to it.
    [
      { locale: 'FR', populate: '*', limit: 'x', status: '' },
      'Parameter tidak dikenal: populate, status. Yang boleh: locale, limit. (Unknown query parameter.)',
    ],
  ])('%j is a ValidationError: %s', (query, message) => {
    expect(messageOf(() => validateRelated(query))).toEqual({ name: 'ValidationError', message });
  });
});

describe('pageQuery', () => {
  test('takes a locale and nothing else', () => {
    expect(validatePage({ locale: 'id' })).toEqual({ locale: 'id' });
    expect(validatePage({})).toEqual({});
    expect(messageOf(() => validatePage({ locale: 'id', populate: '*' }))).toEqual({
      name: 'ValidationError',
      message: 'Parameter tidak dikenal: populate. Yang boleh: locale. (Unknown query parameter.)',
    });
  });
});

describe('validateRelatedLimit', () => {
  test.each([
    [1, null],
    [20, null],
    [0, LIMIT],
    [21, LIMIT],
    [2.5, LIMIT],
  ])('%p: %p', (limit, message) => {
    expect(messageOf(() => validateRelatedLimit(limit))).toEqual(
      message === null ? null : { name: 'ValidationError', message }
    );
  });
});
