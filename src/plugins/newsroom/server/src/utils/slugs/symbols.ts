/**
 * What an Indonesian slug does with symbols. slugify's default character map spells them in English
 * ("<" less, ">" greater, "|" or, "$" dollar, "♥" love) and glues the word to its neighbours
 * (`<Kami Rugi>` -> `lesskami-rugigreater`). Warta decides each one instead:
 * - a word where a reader would say one, in Indonesian: & dan, % persen, $ dolar, € euro, £ poundsterling;
 * - nothing, joining the word, for apostrophes only (Jum'at -> jumat, Ma'ruf -> maruf);
 * - otherwise a word boundary (`2>1` -> `2-1`, `©`, `™`, `♥`, emoji, `<`, `|`, `/`).
 * Letters keep slugify's transliteration (é -> e, ß -> ss); see slug.ts.
 */

/** Currency signs and how Indonesian reads them. A sign before a number is read after it ($100 -> 100 dolar). */
export const CURRENCY_WORDS: ReadonlyArray<readonly [string, string]> = [
  ['$', 'dolar'],
  ['¢', 'sen'],
  // "Poundsterling" is how Indonesian newsrooms write the British currency; "pound" alone is also a weight.
  ['£', 'poundsterling'],
  // ¥ is also the yuan's sign; Indonesian news mostly uses it for the yen and writes "yuan" out.
  ['¥', 'yen'],
  ['€', 'euro'],
  ['฿', 'baht'],
  ['₠', 'ecu'],
  ['₢', 'cruzeiro'],
  ['₣', 'franc'],
  ['₤', 'lira'],
  ['₦', 'naira'],
  ['₧', 'peseta'],
  ['₨', 'rupee'],
  ['₩', 'won'],
  ['₪', 'shekel'],
  ['₫', 'dong'],
  ['₭', 'kip'],
  ['₮', 'tugrik'],
  ['₯', 'drachma'],
  // slugify says "penny"; the sign is the German pfennig's.
  ['₰', 'pfennig'],
  ['₱', 'peso'],
  ['₲', 'guarani'],
  ['₳', 'austral'],
  ['₴', 'hryvnia'],
  ['₵', 'cedi'],
  ['₸', 'tenge'],
  ['₹', 'rupee'],
  ['₺', 'lira'],
  ['₽', 'rubel'],
  ['₿', 'bitcoin'],
  ['元', 'yuan'],
  ['円', 'yen'],
  ['﷼', 'rial'],
];

/** Dollar prefixes Indonesian news reads as "dolar <country>" (US$1 juta -> 1 juta dolar AS). */
const DOLLAR_PREFIXES: ReadonlyArray<readonly [string, string]> = [
  ['US$', 'dolar AS'],
  ['HK$', 'dolar Hong Kong'],
  ['S$', 'dolar Singapura'],
  ['A$', 'dolar Australia'],
];

/**
 * Single-symbol replacements that need no context. The same list is each uid field's
 * `options.customReplacements` in the schemas (a unit test keeps them equal), so even
 * @sindresorhus/slugify, which the content-manager uses, spells these symbols the Indonesian way.
 */
export const SLUG_REPLACEMENTS: ReadonlyArray<readonly [string, string]> = [
  // Apostrophes sit inside words (Jum'at, Ma'ruf): joining keeps the word whole.
  ["'", ''],
  ['\u2019', ''],
  ['\u2018', ''],
  ['`', ''],
  ['\u02bc', ''],
  ['&', ' dan '],
  ['%', ' persen '],
  ['‰', ' permil '],
  ['+', ' plus '],
  // U+2206 INCREMENT is written for the Greek capital delta (Δ inflasi, ∆T).
  ['\u2206', ' delta '],
  ...CURRENCY_WORDS.map(([sign, word]) => [sign, ` ${word} `] as const),
  // @sindresorhus/slugify's own defaults ("love", "unicorn"): a boundary, like every other pictograph.
  ['♥', ' '],
  ['🦄', ' '],
];

/** Symbols whose NFKC form would spell them in letters (™ -> TM, ₨ -> Rs, ﷼ -> ریال) or hide them. */
export const KEEP_BEFORE_NFKC = new Set(['™', '℠', '₨', '﷼', '˚', '…']);

/** Magnitudes that stay with their number when a currency moves behind it ($1,5 miliar -> 1,5 miliar dolar). */
const MAGNITUDES = ['ribu', 'juta', 'miliar', 'milyar', 'triliun', 'thousand', 'million', 'billion', 'trillion'];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const CURRENCY_BY_SIGN = new Map<string, string>([
  ...DOLLAR_PREFIXES.map(([prefix, word]) => [prefix.toLowerCase(), word] as [string, string]),
  ...CURRENCY_WORDS,
]);
// Longest sign first, so "US$" wins over "$".
const CURRENCY_SIGNS = [...DOLLAR_PREFIXES.map(([prefix]) => prefix), ...CURRENCY_WORDS.map(([sign]) => sign)]
  .sort((a, b) => b.length - a.length)
  .map(escapeRegExp)
  .join('|');
const NUMBER = String.raw`\d+(?:[.,]\d+)*`;
const CURRENCY_BEFORE_NUMBER = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(${CURRENCY_SIGNS})\s*(${NUMBER}(?:\s*(?:${MAGNITUDES.join('|')})(?![\p{L}\p{N}]))?)`,
  'giu'
);

/**
 * Spells or drops every symbol of `text` (NFKC-normalized, see slug.ts) for a slug. Letters, digits
 * and whitespace come out; everything else has become a word or a space.
 */
export function spellSymbols(text: string): string {
  return (
    text
      // Rupiah stays before its number, as portals write it (Rp10.000 -> rp-10000), but as its own word.
      .replace(/(?<![\p{L}\p{N}])(rp)\.?\s*(?=\d)/giu, '$1 ')
      .replace(
        CURRENCY_BEFORE_NUMBER,
        (_, sign: string, amount: string) => ` ${amount} ${CURRENCY_BY_SIGN.get(sign.toLowerCase())} `
      )
      .replace(
        /(\d)\s*[°˚]\s*([CF])(?![\p{L}\p{N}])/giu,
        (_, digit: string, scale: string) =>
          `${digit} derajat ${scale.toUpperCase() === 'C' ? 'celsius' : 'fahrenheit'}`
      )
      .replace(/(\d)\s*[°˚]/gu, '$1 derajat ')
      // A thousands separator joins (10.000 and 10,000 -> 10000); any other dot or comma between digits
      // is a decimal sign, a time or a date, and a boundary (2,86 -> 2-86, 17.33 -> 17-33, 4.0 -> 4-0).
      .replace(/(?<=\d)[.,](?=\d{3}(?!\d))/g, '')
      // Dotted initials are one word: U.S. -> us, H.M. Soeharto -> hm-soeharto.
      .replace(/(?<![\p{L}\p{N}.])\p{L}(?:\.\p{L})+\.?(?![\p{L}\p{N}])/gu, (initials) => initials.split('.').join(''))
      .replace(PLAIN, (symbol) => PLAIN_BY_SYMBOL.get(symbol) ?? ' ')
      // Whatever is left that is not a letter, mark, digit or space is a boundary.
      .replace(/[^\p{L}\p{M}\p{N}\s]/gu, ' ')
  );
}

const PLAIN_BY_SYMBOL = new Map<string, string>(SLUG_REPLACEMENTS.map(([from, to]) => [from, to]));
const PLAIN = new RegExp(SLUG_REPLACEMENTS.map(([from]) => escapeRegExp(from)).join('|'), 'gu');
