/**
 * The JSON-LD `headline`. Google asks for a short one (the AMP rule was at most 110 characters, and
 * longer headlines are still cut in Top Stories), while Indonesian news titles often run past 150. An
 * editor's short headline (`seoTitle`) wins; otherwise the title is cut on a word boundary with an
 * ellipsis, never in the middle of a word unless the first word alone is too long.
 */
export const HEADLINE_MAX_LENGTH = 110;

const ELLIPSIS = '…';
// Punctuation that reads badly right before the ellipsis: "Jepang dan AS:…" -> "Jepang dan AS…".
const TRAILING = /[\s,;:.\-–—/|(]+$/u;

/** Counted in code points, so an emoji or a non-BMP letter is one character and never split in half. */
export function shortHeadline(title: string, max: number = HEADLINE_MAX_LENGTH): string {
  const clean = title.replace(/\s+/g, ' ').trim();
  const chars = Array.from(clean);
  if (chars.length <= max) return clean;
  const room = chars.slice(0, max - 1);
  // The cut lands on a boundary when the next character is a space.
  let cut = chars[max - 1] === ' ' ? room.length : room.lastIndexOf(' ');
  if (cut <= 0) cut = room.length;
  const head = room.slice(0, cut).join('').replace(TRAILING, '');
  return `${head || room.join('')}${ELLIPSIS}`;
}

/** The editor's short headline when set, else the title made short enough. */
export function headlineFor(seoTitle: string | null | undefined, title: string): string {
  const own = seoTitle?.replace(/\s+/g, ' ').trim();
  return own ? shortHeadline(own) : shortHeadline(title);
}
