import { firstFreeSlug, MAX_SLUG_LENGTH, slugifyTitle, truncateSlug } from '../slug';

describe('slugifyTitle', () => {
  test.each([
    ["Jum'at Berkah", 'jumat-berkah'],
    ['Ma\u2019ruf Amin & Anies', 'maruf-amin-dan-anies'],
    ['TikTok Shop Naik 10%', 'tiktok-shop-naik-10-persen'],
    ['iPhone 15 Pro', 'iphone-15-pro'],
    ['Update Perang Rusia Ukraina: AS, Korsel dan Jepang Kecam Pasokan Amunisi Korea Utara ke Rusia',
      'update-perang-rusia-ukraina-as-korsel-dan-jepang-kecam-pasokan-amunisi-korea-utara-ke-rusia'],
    ['  Banjir   Jakarta!!  ', 'banjir-jakarta'],
    ['Harga BBM "Naik" Lagi?', 'harga-bbm-naik-lagi'],
    ['Timnas U-23 Menang 2-0', 'timnas-u-23-menang-2-0'],
    ['Café Señor Ümit', 'cafe-senor-umit'],
    ['Google+ Ditutup', 'google-plus-ditutup'],
  ])('turns %p into %p', (title, expected) => {
    expect(slugifyTitle(title)).toBe(expected);
  });

  test('keeps slugs at most MAX_SLUG_LENGTH characters and never ends on a hyphen', () => {
    const slug = slugifyTitle('Sangat Panjang '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug.endsWith('-')).toBe(false);
    expect(slug.startsWith('sangat-panjang-sangat')).toBe(true);
  });
});

describe('truncateSlug', () => {
  test.each([
    ['abc-def', 10, 'abc-def'],
    ['abcde-fghij-klmno', 12, 'abcde-fghij'],
    ['abcdefghijklmnop', 5, 'abcde'],
  ])('cuts %p at %p to %p', (slug, max, expected) => {
    expect(truncateSlug(slug, max)).toBe(expected);
  });
});

describe('firstFreeSlug', () => {
  test.each([
    ['berita', [], 'berita'],
    ['berita', ['berita'], 'berita-2'],
    ['berita', ['berita', 'berita-2', 'berita-3'], 'berita-4'],
    ['berita', ['berita-2'], 'berita'],
  ])('picks a free slug for %p when %p are taken', (base, taken, expected) => {
    expect(firstFreeSlug(base, new Set(taken))).toBe(expected);
  });
});
