import slugify from 'slugify';

export const MAX_SLUG_LENGTH = 120;

/**
 * Indonesian-friendly replacements shared by the admin's uid generator and every server-side path:
 * apostrophes vanish (Jum'at -> jumat, Ma'ruf -> maruf) instead of splitting the word,
 * "&" reads "dan" and "%" reads "persen".
 */
export const SLUG_REPLACEMENTS: ReadonlyArray<readonly [string, string]> = [
  ["'", ''],
  ['\u2019', ''],
  ['\u2018', ''],
  ['`', ''],
  ['&', ' dan '],
  ['%', ' persen '],
  ['+', ' plus '],
];

export function slugifyTitle(title: string): string {
  let text = title.normalize('NFKC');
  for (const [from, to] of SLUG_REPLACEMENTS) text = text.split(from).join(to);
  const slug = slugify(text, { lower: true, strict: true, trim: true });
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
