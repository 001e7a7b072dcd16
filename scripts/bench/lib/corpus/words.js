/**
 * The made-up vocabulary of the bench corpus: Indonesian- and English-looking words (none a stopword, so
 * they survive tokenizing), real function words as glue, document ids like Strapi's, and the Zipf table
 * common words are drawn from.
 */
const { ind, eng } = require('stopword');

const ID_ONSETS = [
  'b',
  'c',
  'd',
  'g',
  'h',
  'j',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'w',
  'y',
  'ng',
  'ny',
  'kr',
  'pr',
  'tr',
  'sy',
];
const ID_VOWELS = ['a', 'a', 'i', 'u', 'e', 'o', 'ai', 'au'];
const ID_CODAS = ['', '', '', 'n', 'ng', 'r', 'k', 't', 'h', 'l', 's', 'm'];
const EN_ONSETS = [
  'b',
  'br',
  'c',
  'ch',
  'cl',
  'd',
  'dr',
  'f',
  'fl',
  'g',
  'gr',
  'h',
  'l',
  'm',
  'n',
  'p',
  'pl',
  'r',
  's',
  'sh',
  'st',
  'str',
  't',
  'th',
  'tr',
  'v',
  'w',
];
const EN_VOWELS = ['a', 'e', 'i', 'o', 'u', 'ea', 'oo', 'ou', 'ai'];
const EN_CODAS = ['', 'n', 'nd', 'nt', 'r', 'rt', 'st', 'ck', 'll', 'sh', 'ng', 'ss'];
const EN_SUFFIXES = ['', '', '', 'er', 'ing', 'ion', 'ly', 'ness', 'ment', 'ed'];
/** Real function words, so the text reads like prose to the tokenizer (it drops them). */
const ID_GLUE = [
  'yang',
  'dan',
  'di',
  'ke',
  'dari',
  'untuk',
  'dengan',
  'pada',
  'ini',
  'itu',
  'dalam',
  'akan',
  'tidak',
  'sudah',
  'oleh',
  'kata',
  'ujar',
];
const EN_GLUE = [
  'the',
  'and',
  'of',
  'to',
  'in',
  'for',
  'on',
  'with',
  'that',
  'is',
  'was',
  'by',
  'said',
  'will',
  'from',
];

/** Unique words of a locale's look, none of them a stopword (topic words must survive tokenizing). */
function wordFactory(rand, locale) {
  const taken = new Set([...ind, ...eng]);
  return () => {
    for (;;) {
      let word = '';
      if (locale === 'en') {
        const syllables = 1 + rand.int(2);
        for (let i = 0; i < syllables; i += 1)
          word += rand.pick(EN_ONSETS) + rand.pick(EN_VOWELS) + rand.pick(EN_CODAS);
        word += rand.pick(EN_SUFFIXES);
      } else {
        const syllables = 2 + rand.int(2);
        for (let i = 0; i < syllables; i += 1)
          word += rand.pick(ID_ONSETS) + rand.pick(ID_VOWELS) + (i === syllables - 1 ? rand.pick(ID_CODAS) : '');
        if (rand.next() < 0.2) word = rand.pick(['me', 'di', 'ber', 'pe', 'ter']) + word;
        if (rand.next() < 0.15) word += rand.pick(['an', 'kan', 'nya']);
      }
      if (word.length >= 4 && word.length <= 14 && !taken.has(word)) {
        taken.add(word);
        return word;
      }
    }
  };
}

const capitalize = (word) => word.charAt(0).toUpperCase() + word.slice(1);

/** 24 lowercase alphanumerics starting with a letter, like Strapi's cuid2 document ids. */
function documentIdFactory(rand) {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return () => {
    let id = alphabet[rand.int(26)];
    while (id.length < 24) id += alphabet[rand.int(36)];
    return id;
  };
}

/** Cumulative Zipf (s = 1) weights of ranks 1..n, normalised to 1. */
function cumulative(n) {
  const out = new Float64Array(n);
  let sum = 0;
  for (let rank = 1; rank <= n; rank += 1) out[rank - 1] = sum += 1 / rank;
  for (let i = 0; i < n; i += 1) out[i] /= sum;
  return out;
}
function searchCumulative(table, u) {
  let lo = 0;
  let hi = table.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (table[mid] < u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

module.exports = {
  ID_GLUE,
  EN_GLUE,
  wordFactory,
  capitalize,
  documentIdFactory,
  cumulative,
  searchCumulative,
};
