import { HEADLINE_MAX_LENGTH, headlineFor, shortHeadline } from '../headline';

const long =
  'Update Perang Rusia Ukraina: AS, Korsel dan Jepang Kecam Pasokan Amunisi Korea Utara ke Rusia, Kremlin Membantah Semua Tuduhan Itu';

describe('shortHeadline', () => {
  test.each([
    ['a short title stays as it is', 'Harga Beras Stabil', 110, 'Harga Beras Stabil'],
    ['exactly the limit stays whole', 'a'.repeat(110), 110, 'a'.repeat(110)],
    ['whitespace is collapsed before measuring', '  Banjir   Jakarta\n Surut ', 110, 'Banjir Jakarta Surut'],
    [
      'a long title is cut at the last word that fits, with an ellipsis',
      long,
      110,
      'Update Perang Rusia Ukraina: AS, Korsel dan Jepang Kecam Pasokan Amunisi Korea Utara ke Rusia, Kremlin…',
    ],
    ['a cut that lands on a space keeps the whole word before it', 'abcd efgh ijkl', 10, 'abcd efgh…'],
    ['a cut inside a word drops that word', 'abcd efghij kl', 10, 'abcd…'],
    ['punctuation before the ellipsis is dropped', 'Jepang dan AS: kecam keras', 16, 'Jepang dan AS…'],
    ['one word longer than the limit is cut inside it', 'Supercalifragilistic', 10, 'Supercali…'],
    ['an emoji counts as one character', '🔥 Api Hutan Riau', 8, '🔥 Api…'],
    ['a character outside the BMP is never split in half', '🔥'.repeat(10), 5, '🔥🔥🔥🔥…'],
  ])('%s', (_name, input, max, expected) => {
    const result = shortHeadline(input, max);
    expect(result).toBe(expected);
    expect(Array.from(result).length).toBeLessThanOrEqual(max);
  });
});

describe('headlineFor', () => {
  test.each([
    [
      'the editor short headline wins',
      'AS, Korsel, Jepang Kecam Amunisi Korut',
      long,
      'AS, Korsel, Jepang Kecam Amunisi Korut',
    ],
    ['an empty short headline falls back to the title', '   ', 'Harga Beras Stabil', 'Harga Beras Stabil'],
    ['no short headline: the title is cut', null, long, shortHeadline(long)],
  ])('%s', (_name, seoTitle, title, expected) => {
    expect(headlineFor(seoTitle, title)).toBe(expected);
    expect(Array.from(headlineFor(seoTitle, title)).length).toBeLessThanOrEqual(HEADLINE_MAX_LENGTH);
  });
});
