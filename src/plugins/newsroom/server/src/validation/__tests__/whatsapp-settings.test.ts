import { whatsappSettingsShapeErrors } from '..';

const paths = (input: unknown) => {
  const errors = whatsappSettingsShapeErrors(input);
  return (
    errors && {
      general: errors.general.map((e) => e.path),
      id: errors.byLocale.id.map((e) => e.path),
      en: errors.byLocale.en.map((e) => e.path),
    }
  );
};

describe('whatsappSettingsShapeErrors', () => {
  test.each([
    ['not an object', 'x', null],
    ['an array', [], null],
    ['null', null, null],
    ['a good body', { id: { enabled: true }, en: {}, utm: { source: 'wa' } }, { general: [], id: [], en: [] }],
    ['unknown settings', { id: {}, colour: 1, size: 2 }, { general: ['colour', 'size'], id: [], en: [] }],
    ['a locale that is not an object', { id: 'on', en: null }, { general: [], id: ['id'], en: ['en'] }],
    ['unknown fields of a locale', { en: { enabled: true, colour: 'x' } }, { general: [], id: [], en: ['en.colour'] }],
    ['an array as a locale: its indexes are unknown fields', { id: ['a'] }, { general: [], id: ['id.0'], en: [] }],
  ])('%s', (_name, input, expected) => {
    expect(paths(input)).toEqual(expected);
  });

  test('keeps the bilingual messages', () => {
    const errors = whatsappSettingsShapeErrors({ x: 1, id: 3, en: { y: 1 } })!;
    expect([...errors.general, ...errors.byLocale.id, ...errors.byLocale.en].map((e) => e.message)).toEqual([
      'Pengaturan "x" tidak dikenal. (Unknown setting "x".)',
      'Pengaturan id harus berupa objek. (id must be an object.)',
      'Kolom "y" tidak dikenal. (Unknown field "y".)',
    ]);
  });
});
