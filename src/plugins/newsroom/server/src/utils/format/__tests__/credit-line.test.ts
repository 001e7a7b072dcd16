import { formatCreditLine } from '../credit-line';

describe('formatCreditLine', () => {
  test.each([
    ['Foto', 'Reuters', 'id', '(Foto: Reuters)'],
    ['Foto', 'Reuters', 'en', '(Photo: Reuters)'],
    ['Video', 'AFP', 'id', '(Video: AFP)'],
    ['Ilustrasi', 'Freepik', 'id', '(Ilustrasi: Freepik)'],
    ['Ilustrasi', 'Freepik', 'en', '(Illustration: Freepik)'],
    ['Grafis', 'Warta/Andi', 'en', '(Graphic: Warta/Andi)'],
    [null, 'Antara', 'id', '(Foto: Antara)'],
    ['Foto', '  Reuters  ', 'id', '(Foto: Reuters)'],
    ['Foto', '', 'id', null],
    ['Foto', null, 'id', null],
  ])('label %p with credit %p in %p gives %p', (label, credit, locale, expected) => {
    expect(formatCreditLine(label, credit, locale)).toBe(expected);
  });
});
