import fs from 'fs';
import { MAX_SLUG_LENGTH, numberedSlug, slugCandidates, slugifyTitle, truncateSlug } from '../slug';

/**
 * Every symbol of slugify's default character map that is not a letter, and the symbols editors type,
 * each with its deliberate Indonesian outcome: a word, joined (apostrophes), or a word boundary.
 * [symbol, title, slug]
 */
const SYMBOLS: [string, string, string][] = [
  // slugify's English words, now Indonesian or a boundary
  ['<', 'Pedagang: <Kami Rugi> Hari Ini', 'pedagang-kami-rugi-hari-ini'],
  ['>', 'Skor 2>1 untuk Persija', 'skor-2-1-untuk-persija'],
  ['|', 'Banjir Jakarta | Update Terkini', 'banjir-jakarta-update-terkini'],
  ['$', 'Harga Emas $2.000 per Ons', 'harga-emas-2000-dolar-per-ons'],
  ['%', 'Inflasi 2,86% Tahun Ini', 'inflasi-2-86-persen-tahun-ini'],
  ['&', 'Ekspor&Impor Naik', 'ekspor-dan-impor-naik'],
  ['¢', 'Harga Naik 50¢', 'harga-naik-50-sen'],
  ['£', 'Transfer £100 Juta ke Chelsea', 'transfer-100-juta-poundsterling-ke-chelsea'],
  ['¤', 'Simbol ¤ Mata Uang', 'simbol-mata-uang'],
  ['¥', 'Investasi ¥5 Triliun dari Jepang', 'investasi-5-triliun-yen-dari-jepang'],
  ['©', '©Kompas Hak Cipta', 'kompas-hak-cipta'],
  ['®', 'Merek Indomie® Mendunia', 'merek-indomie-mendunia'],
  ['˚', 'Suhu 40˚ di Surabaya', 'suhu-40-derajat-di-surabaya'],
  ['–', 'Jakarta–Bandung 45 Menit', 'jakarta-bandung-45-menit'],
  ['‘', '‘Kami Rugi’ Kata Pedagang', 'kami-rugi-kata-pedagang'],
  ['’', 'Ma’ruf Amin Hadir', 'maruf-amin-hadir'],
  ['“', '“Kami Rugi” Kata Pedagang', 'kami-rugi-kata-pedagang'],
  ['”', 'Pedagang: Rugi”Besar', 'pedagang-rugi-besar'],
  ['„', '„Kami Rugi“ Kata Pedagang', 'kami-rugi-kata-pedagang'],
  ['†', 'Soeharto† Wafat', 'soeharto-wafat'],
  ['•', 'Banjir • Longsor • Gempa', 'banjir-longsor-gempa'],
  ['…', 'Tunggu…Sebentar', 'tunggu-sebentar'],
  ['₠', 'Kurs ₠1 Dulu', 'kurs-1-ecu-dulu'],
  ['₢', 'Kurs ₢1 Dulu', 'kurs-1-cruzeiro-dulu'],
  ['₣', 'Denda ₣500 di Swiss', 'denda-500-franc-di-swiss'],
  ['₤', 'Kurs ₤1 Dulu', 'kurs-1-lira-dulu'],
  ['₥', 'Harga 5₥ Saja', 'harga-5-saja'],
  ['₦', 'Kurs ₦500 Nigeria', 'kurs-500-naira-nigeria'],
  ['₧', 'Kurs ₧100 Dulu', 'kurs-100-peseta-dulu'],
  ['₨', 'Harga ₨500 di Pakistan', 'harga-500-rupee-di-pakistan'],
  ['₩', 'Investasi ₩1 Triliun dari Korea', 'investasi-1-triliun-won-dari-korea'],
  ['₪', 'Harga ₪20 di Yerusalem', 'harga-20-shekel-di-yerusalem'],
  ['₫', 'Kopi 50.000₫ di Hanoi', 'kopi-50000-dong-di-hanoi'],
  ['€', 'Tiket €20 per Orang', 'tiket-20-euro-per-orang'],
  ['₭', 'Kurs ₭1.000 Laos', 'kurs-1000-kip-laos'],
  ['₮', 'Kurs ₮1.000 Mongolia', 'kurs-1000-tugrik-mongolia'],
  ['₯', 'Kurs ₯1 Dulu', 'kurs-1-drachma-dulu'],
  ['₰', 'Kurs ₰1 Dulu', 'kurs-1-pfennig-dulu'],
  ['₱', 'Gaji ₱20.000 di Manila', 'gaji-20000-peso-di-manila'],
  ['₲', 'Kurs ₲1 Paraguay', 'kurs-1-guarani-paraguay'],
  ['₳', 'Kurs ₳1 Dulu', 'kurs-1-austral-dulu'],
  ['₴', 'Bantuan ₴1 Miliar untuk Ukraina', 'bantuan-1-miliar-hryvnia-untuk-ukraina'],
  ['₵', 'Kurs ₵1 Ghana', 'kurs-1-cedi-ghana'],
  ['₸', 'Kurs ₸1 Kazakhstan', 'kurs-1-tenge-kazakhstan'],
  ['₹', 'Impor ₹5 Juta dari India', 'impor-5-juta-rupee-dari-india'],
  ['₺', 'Harga ₺100 di Istanbul', 'harga-100-lira-di-istanbul'],
  ['₽', 'Sanksi ₽1 Triliun untuk Rusia', 'sanksi-1-triliun-rubel-untuk-rusia'],
  ['₿', 'Harga ₿1 Tembus Rp1 Miliar', 'harga-1-bitcoin-tembus-rp-1-miliar'],
  ['℠', 'Layanan GoRide℠ Baru', 'layanan-goride-baru'],
  ['™', 'iPhone™ 15 Dijual', 'iphone-15-dijual'],
  ['∂', 'Rumus ∂x Fisika', 'rumus-x-fisika'],
  ['∆', 'Inflasi ∆2 Poin', 'inflasi-delta-2-poin'],
  ['∑', '∑ Suara Pemilu', 'suara-pemilu'],
  ['∞', 'Cinta ∞ Selamanya', 'cinta-selamanya'],
  ['♥', 'Jakarta ♥ Kamu', 'jakarta-kamu'],
  ['﷼', 'Dam ﷼500 untuk Jemaah', 'dam-500-rial-untuk-jemaah'],
  // Arabic harakat are vowels and Arabic-Indic digits are digits: transliterated, as slugify does.
  ['\u064b', 'Kitab كتابً', 'kitab-ktaban'],
  ['\u064c', 'Kitab كتابٌ', 'kitab-ktabon'],
  ['\u064d', 'Kitab كتابٍ', 'kitab-ktaben'],
  ['\u064e', 'Kitab كَتب', 'kitab-katb'],
  ['\u064f', 'Kitab كُتب', 'kitab-kutb'],
  ['\u0650', 'Kitab كِتب', 'kitab-ketb'],
  ['\u0652', 'Kitab كتْب', 'kitab-ktb'],
  ...'٠١٢٣٤٥٦٧٨٩'.split('').map((digit, n): [string, string, string] => [digit, `Juz ${digit}`, `juz-${n}`]),
  ...'۰۱۲۳۴۵۶۷۸۹'.split('').map((digit, n): [string, string, string] => [digit, `Juz ${digit}`, `juz-${n}`]),
  ['฿', 'Tiket ฿500 ke Bangkok', 'tiket-500-baht-ke-bangkok'],
  // Symbols editors type that slugify drops or glues
  ['°', 'Suhu Jakarta 35°C, Bandung 20°', 'suhu-jakarta-35-derajat-celsius-bandung-20-derajat'],
  ['+', 'Disney+ Hotstar', 'disney-plus-hotstar'],
  ['@', 'Akun @jokowi Diretas', 'akun-jokowi-diretas'],
  ['#', '#2019GantiPresiden Trending', '2019gantipresiden-trending'],
  ['~', 'Jakarta~Bogor', 'jakarta-bogor'],
  ['^', 'Skor 10^3', 'skor-10-3'],
  ['*', 'Syarat* Berlaku', 'syarat-berlaku'],
  ['=', '1 Dolar = Rp16.000', '1-dolar-rp-16000'],
  ['"', 'Harga BBM "Naik" Lagi?', 'harga-bbm-naik-lagi'],
  ["'", "Jum'at Berkah", 'jumat-berkah'],
  ['`', 'Ma`ruf Amin', 'maruf-amin'],
  ['ʼ', 'Jumʼat Berkah', 'jumat-berkah'],
  ['/', 'Pertalite Rp10.000/Liter', 'pertalite-rp-10000-liter'],
  [':', 'Skor 2:1 untuk Persija', 'skor-2-1-untuk-persija'],
  ['_', 'Akun resmi_pemda', 'akun-resmi-pemda'],
  ['‰', 'Kadar Alkohol 5‰', 'kadar-alkohol-5-permil'],
  ['🦄', 'Startup 🦄 Baru', 'startup-baru'],
  ['emoji', 'Timnas Menang! 🔥🇮🇩 👍🏽 ❤️', 'timnas-menang'],
  ['keycap', 'Peringkat 1️⃣ Dunia', 'peringkat-1-dunia'],
];

/** Whole titles as portals write them, where symbols meet numbers, currencies and abbreviations. */
const TITLES: [string, string][] = [
  ['Harga BBM Naik 10%: Pertalite Rp10.000/Liter', 'harga-bbm-naik-10-persen-pertalite-rp-10000-liter'],
  ['Harga Cabai Rp 5.000 per Kg', 'harga-cabai-rp-5000-per-kg'],
  ['Tiket Promo Rp. 150.000', 'tiket-promo-rp-150000'],
  ['Utang Rp1.500.000 Lunas', 'utang-rp-1500000-lunas'],
  ['$100 Hilang di Bandara', '100-dolar-hilang-di-bandara'],
  ['Hibah US$1,5 Miliar untuk IKN', 'hibah-1-5-miliar-dolar-as-untuk-ikn'],
  ['Investor S$ 2 Juta Masuk', 'investor-2-juta-dolar-singapura-masuk'],
  ['Bantuan A$10 Juta', 'bantuan-10-juta-dolar-australia'],
  ['Kurs Dolar $ Melemah', 'kurs-dolar-dolar-melemah'],
  ['Harga 100$ Saja', 'harga-100-dolar-saja'],
  ['$10,000 per Bulan', '10000-dolar-per-bulan'],
  ['Suhu 40℃ di Surabaya', 'suhu-40-derajat-celsius-di-surabaya'],
  ['Ｈａｒｇａ ＄５ Saja', 'harga-5-dolar-saja'],
  ['Industri 4.0 Pukul 17.33 WIB', 'industri-4-0-pukul-17-33-wib'],
  ['Liga 1 2023/2024 Dimulai 27.10.2023', 'liga-1-2023-2024-dimulai-27-10-2023'],
  ['AS dan U.S. Open, H.M. Soeharto', 'as-dan-us-open-hm-soeharto'],
  ['Wisuda S.Si. Unair', 'wisuda-s-si-unair'],
  ['AT&T Rugi', 'at-dan-t-rugi'],
  ['C++ & Java', 'c-plus-plus-dan-java'],
  ['Θεσσαλονίκη Ξάνθη', 'thessalonikh-xanthh'],
  ['Jokowi 中国 Bertemu', 'jokowi-bertemu'],
  ['♥♥♥', ''],
];

describe('slugifyTitle', () => {
  test.each(SYMBOLS)('decides %p: %p -> %p', (_symbol, title, expected) => {
    expect(slugifyTitle(title)).toBe(expected);
  });

  test.each(TITLES)('turns the title %p into %p', (title, expected) => {
    expect(slugifyTitle(title)).toBe(expected);
  });

  test("every symbol of slugify's character map has a deliberate row above", () => {
    // slugify 1.6 keeps its map inline as a JSON string literal; a new version with new symbols fails here.
    const source = fs.readFileSync(require.resolve('slugify/slugify.js'), 'utf8');
    const literal = source.match(/var charMap = JSON\.parse\(('.*?')\)\n/)?.[1];
    expect(literal).toBeDefined();
    const charMap: Record<string, string> = JSON.parse(new Function(`return ${literal}`)());
    const symbols = Object.keys(charMap).filter((key) => !/\p{L}/u.test(key));
    expect(symbols.length).toBeGreaterThan(80);
    const decided = new Set(SYMBOLS.map(([symbol]) => symbol));
    expect(symbols.filter((symbol) => !decided.has(symbol))).toEqual([]);
    // And no English word of the map survives into any decided title's slug.
    const english = /\b(?:less|greater|or|dollar|percent|and|cent|pound|currency|love|sum|infinity|tm|sm)\b/;
    for (const [, title] of SYMBOLS) expect(slugifyTitle(title).split('-').join(' ')).not.toMatch(english);
  });

  test.each([
    ["Jum'at Berkah", 'jumat-berkah'],
    ['Ma\u2019ruf Amin & Anies', 'maruf-amin-dan-anies'],
    ['TikTok Shop Naik 10%', 'tiktok-shop-naik-10-persen'],
    ['iPhone 15 Pro', 'iphone-15-pro'],
    [
      'Update Perang Rusia Ukraina: AS, Korsel dan Jepang Kecam Pasokan Amunisi Korea Utara ke Rusia',
      'update-perang-rusia-ukraina-as-korsel-dan-jepang-kecam-pasokan-amunisi-korea-utara-ke-rusia',
    ],
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
