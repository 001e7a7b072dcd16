import { absoluteUrl, articlePath, categoryPath, homePath, normalizeSiteUrl, tagPath } from '../urls';

describe('reader URLs', () => {
  test.each([
    [articlePath('id', 'harga-beras-naik'), '/read/id/harga-beras-naik'],
    [articlePath('en', 'a b/c'), '/read/en/a%20b%2Fc'],
    [categoryPath('id', 'news'), '/read/id/kategori/news'],
    [tagPath('en', 'north-korea'), '/read/en/tag/north-korea'],
    [homePath('id'), '/read/id'],
    [normalizeSiteUrl(' https://warta.example/// '), 'https://warta.example'],
  ])('%p is %p', (actual, expected) => {
    expect(actual).toBe(expected);
  });
});

describe('absoluteUrl', () => {
  test.each([
    ['/uploads/a.jpg', 'https://w.id/uploads/a.jpg'],
    ['uploads/a.jpg', 'https://w.id/uploads/a.jpg'],
    ['https://cdn.w.id/a.jpg', 'https://cdn.w.id/a.jpg'],
    ['//cdn.w.id/a.jpg', 'https://cdn.w.id/a.jpg'],
    [null, null],
    ['', null],
  ])('%p gives %p', (input, expected) => {
    expect(absoluteUrl('https://w.id', input)).toBe(expected);
  });
});
