import slugify from 'slugify';
import { KEEP_BEFORE_NFKC, spellSymbols } from './symbols';

export const MAX_SLUG_LENGTH = 120;

export { SLUG_REPLACEMENTS } from './symbols';

/** slugify's transliterations that are look-alike digits (Θ -> 8, Ξ -> 3): spelled as Greek is romanized. */
const LETTER_OVERRIDES: Record<string, string> = { Θ: 'Th', θ: 'th', Ξ: 'X', ξ: 'x' };
// slugify transliterates letters only when given a `remove` pattern that keeps everything: every symbol
// it would spell in English is gone by then (spellSymbols), so its character map sees letters and digits.
const REMOVE_NOTHING = /(?!)/g;

/**
 * The slug of a title, for every generator: the document-service middleware (API writes, seeds,
 * imports) and the admin's uid generator (services/extensions/content-manager-uid.ts).
 */
export function slugifyTitle(title: string): string {
  // NFKC turns full-width and compatibility forms into plain ones (＄ -> $, ℃ -> °C, ² -> 2), except
  // where it would spell a symbol in letters (™ -> TM): those stay for spellSymbols to decide.
  const normalized = Array.from(title.normalize('NFC'), (ch) =>
    KEEP_BEFORE_NFKC.has(ch) ? ch : ch.normalize('NFKC')
  ).join('');
  const spelled = spellSymbols(normalized).replace(/[ΘθΞξ]/g, (letter) => LETTER_OVERRIDES[letter]);
  const transliterated = slugify(spelled, {
    replacement: ' ',
    remove: REMOVE_NOTHING,
    lower: false,
    strict: false,
    trim: true,
  });
  const slug = transliterated
    // Apostrophes from transliteration (Armenian Է -> E') join, like typed ones.
    .replace(/'/g, '')
    // Accents slugify's map does not know (ǎ, ṭ) fall off with their combining marks.
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    // Letters without a transliteration (Han, Thai) and any leftovers are boundaries.
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return truncateSlug(slug, MAX_SLUG_LENGTH);
}

/** Cuts at a hyphen so a long title never ends its slug in half a word. */
export function truncateSlug(slug: string, maxLength: number): string {
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > maxLength / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, '');
}

/** The `n`th slug tried for a title: `base`, then `base-2`, `base-3` ..., never longer than the limit. */
export function numberedSlug(base: string, n: number): string {
  if (n <= 1) return base;
  const suffix = `-${n}`;
  return `${truncateSlug(base, MAX_SLUG_LENGTH - suffix.length)}${suffix}`;
}

/** `count` numbered slugs from the `first`th on, in the order they are tried. */
export function slugCandidates(base: string, first: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => numberedSlug(base, first + i));
}
