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

/** `base`, or `base-2`, `base-3` ... : the first that is not taken. */
export function firstFreeSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const suffix = `-${n}`;
    const candidate = `${truncateSlug(base, MAX_SLUG_LENGTH - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
