import { eng, ind } from 'stopword';

/**
 * Words that carry no topic in Indonesian news copy beyond the general stopword list: reporting verbs
 * and newsroom filler ("ujar", "kata", "dilansir") that every story shares.
 */
const NEWSROOM_STOPWORDS_ID = [
  'ujar',
  'ujarnya',
  'kata',
  'katanya',
  'menurut',
  'dilansir',
  'laporan',
  'melaporkan',
  'mengatakan',
  'menyatakan',
  'pernyataan',
  'disampaikan',
  'menyampaikan',
  'jelas',
  'jelasnya',
  'tutur',
  'tuturnya',
  'sebut',
  'menyebut',
  'menyebutkan',
  'hari',
  'senin',
  'selasa',
  'rabu',
  'kamis',
  'jumat',
  'sabtu',
  'minggu',
  'pekan',
  'bulan',
  'tahun',
  'lalu',
  'kemarin',
  'pihak',
  'sejumlah',
  'salah',
  'satu',
  'dua',
  'tiga',
  'lebih',
  'para',
  'tersebut',
  'juga',
  'yakni',
  'yaitu',
  'pun',
];
const NEWSROOM_STOPWORDS_EN = [
  'said',
  'says',
  'told',
  'according',
  'reported',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'week',
  'year',
  'also',
];

const STOPWORDS: Record<'id' | 'en', Set<string>> = {
  id: new Set([...ind, ...NEWSROOM_STOPWORDS_ID]),
  en: new Set([...eng, ...NEWSROOM_STOPWORDS_EN]),
};

/** Lower-case topic words of a text: no stopwords of the locale, no pure numbers, at least 3 letters. */
export function tokenize(text: string, locale: string | null | undefined): string[] {
  const stopwords = STOPWORDS[locale === 'en' ? 'en' : 'id'];
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .split(/[^\p{L}\p{N}]+/u);
  return words.filter((word) => word.length >= 3 && !/^\p{N}+$/u.test(word) && !stopwords.has(word));
}

export type TermCounts = Map<string, number>;

/** `normalize` maps each token to the term it counts as (the evaluation tries stemming with it). */
export function countTerms(
  weightedTexts: [string, number][],
  locale: string | null | undefined,
  normalize?: (token: string) => string
): TermCounts {
  const counts: TermCounts = new Map();
  for (const [text, weight] of weightedTexts) {
    for (const token of tokenize(text, locale)) {
      const term = normalize ? normalize(token) : token;
      counts.set(term, (counts.get(term) ?? 0) + weight);
    }
  }
  return counts;
}
