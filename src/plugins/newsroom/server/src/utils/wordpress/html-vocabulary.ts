/**
 * What the WordPress body converter (html-to-blocks.ts) knows about the markup it meets: which shortcodes
 * and Gutenberg blocks map, which HTML elements hold blocks, carry inline marks, or are dropped. Pure.
 */
import type { TextNode } from './blocks-types';

export type Marks = Omit<TextNode, 'type' | 'text'>;

export const PLACEHOLDER = 'wp-shortcode';
/** Shortcodes with a block of their own; any other is kept as text and reported. */
export const MAPPED_SHORTCODES = new Set(['caption', 'wp_caption']);
/** Gutenberg blocks whose HTML maps as it is (or is a container of blocks that do). */
export const PLAIN_BLOCKS = new Set([
  'paragraph',
  'heading',
  'list',
  'list-item',
  'quote',
  'image',
  'gallery',
  'columns',
  'column',
  'group',
  'html',
  'code',
  'preformatted',
  'freeform',
  'verse',
  'pullquote',
  'shortcode',
  'media-text',
  'cover',
]);
/** Gutenberg blocks that hold layout only: nothing to carry over, but reported. */
export const LAYOUT_BLOCKS = new Set(['separator', 'spacer', 'more', 'nextpage', 'buttons', 'button']);
export const DROPPED_ELEMENTS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'form',
  'input',
  'button',
  'select',
  'textarea',
]);
export const CONTAINER_ELEMENTS = new Set([
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'aside',
  'nav',
  'center',
  'body',
  'html',
  'dl',
  'details',
  'summary',
  'address',
  'hgroup',
  'figure',
  'tbody',
  'thead',
]);
export const INLINE_MARKS: Record<string, keyof Marks> = {
  strong: 'bold',
  b: 'bold',
  em: 'italic',
  i: 'italic',
  u: 'underline',
  ins: 'underline',
  s: 'strikethrough',
  strike: 'strikethrough',
  del: 'strikethrough',
  code: 'code',
  kbd: 'code',
  tt: 'code',
};
export const INLINE_ELEMENTS = new Set([
  'a',
  'span',
  'sup',
  'sub',
  'abbr',
  'acronym',
  'small',
  'big',
  'mark',
  'cite',
  'q',
  'font',
  'time',
  'var',
  'samp',
  'dfn',
  'bdi',
  'bdo',
  'label',
  'br',
  'img',
  'wbr',
  ...Object.keys(INLINE_MARKS),
]);

/** A Gutenberg block comment (`wp:paragraph`, `wp:core/embed {"url":...}`): its name and attributes, or null. */
export function blockComment(data: string): { rawName: string; name: string; attrs: Record<string, unknown> } | null {
  const text = data.trim();
  if (!text.startsWith('wp:')) return null;
  const body = text.slice(3).replace(/\/$/, '').trim();
  const space = body.search(/\s/);
  const rawName = space < 0 ? body : body.slice(0, space);
  let attrs: Record<string, unknown> = {};
  if (space >= 0) {
    try {
      attrs = JSON.parse(body.slice(space).trim()) as Record<string, unknown>;
    } catch {
      attrs = {};
    }
  }
  return { rawName, name: rawName.replace(/^core\//, ''), attrs };
}
