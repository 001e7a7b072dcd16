import { blocksToText } from './blocks';

/** Adult readers of Indonesian news read about 200 words a minute on screen. */
export const WORDS_PER_MINUTE = 200;

export function countWords(text: string): number {
  // "1.000" and "2,5" are one word each; "anak-anak" and "Jum'at" too.
  const words = text.match(/[\p{L}\p{N}](?:[\p{L}\p{N}'’-]|[.,](?=\p{N}))*/gu);
  return words ? words.length : 0;
}

export function readingTimeMinutes(body: unknown, extraText = '', wordsPerMinute = WORDS_PER_MINUTE): number {
  const words = countWords(`${extraText} ${blocksToText(body)}`);
  return Math.max(1, Math.ceil(words / wordsPerMinute));
}

export function readingTimeLabel(minutes: number, locale: string | null | undefined): string {
  return locale === 'en' ? `${minutes} min read` : `${minutes} menit baca`;
}
