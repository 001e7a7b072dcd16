import { MAX_SLUG_LENGTH, numberedSlug, slugCandidates, slugifyTitle, truncateSlug } from '../slug';

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

describe('numberedSlug and slugCandidates', () => {
  const long = `${'kata-'.repeat(23)}akhir`; // 120 characters
  test.each([
    ['berita', 1, 'berita'],
    ['berita', 2, 'berita-2'],
    ['berita', 13, 'berita-13'],
    // At the length limit the base gives way to the suffix, at a hyphen.
    [long, 2, `${'kata-'.repeat(23).replace(/-$/, '')}-2`],
  ])('%p number %i is %p', (base, n, expected) => {
    expect(numberedSlug(base, n)).toBe(expected);
    expect(numberedSlug(base, n).length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
  });
  test('candidates come in the order they are tried', () => {
    expect(slugCandidates('berita', 1, 3)).toEqual(['berita', 'berita-2', 'berita-3']);
    expect(slugCandidates('berita', 21, 2)).toEqual(['berita-21', 'berita-22']);
  });
});
