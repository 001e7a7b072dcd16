/**
 * The inline content of an HTML element as Strapi's inline nodes: text with marks (bold, italic, ...),
 * line breaks and links; images met inline are handed back (`hoisted`) to become blocks of their own,
 * since Strapi's blocks have no inline image. Pure.
 */
import type { InlineNode, TextNode, Unmapped } from './blocks-types';
import { mergeText, type DomNode } from './block-nodes';
import { DROPPED_ELEMENTS, INLINE_ELEMENTS, INLINE_MARKS, type Marks } from './html-vocabulary';

/** What the walk needs from the converter: its link handling and its report of unmapped markup. */
export type InlineWalker = {
  link(href: string, children: TextNode[]): InlineNode[];
  report(kind: Unmapped['kind'], name: string, detail?: string): void;
};

export function inlineOf(
  walker: InlineWalker,
  nodes: DomNode[],
  marks: Marks,
  inLink: boolean,
  hoisted: DomNode[]
): InlineNode[] {
  const out: InlineNode[] = [];
  for (const node of nodes) {
    if (node.type === 'text') {
      const text = (node.data ?? '').replace(/\s+/g, ' ');
      if (text) out.push({ type: 'text', text, ...marks });
      continue;
    }
    if (node.type !== 'tag') continue;
    const name = node.name ?? '';
    if (name === 'br') out.push({ type: 'text', text: '\n', ...marks });
    else if (name === 'img') hoisted.push(node);
    else if (name === 'a' && !inLink && node.attribs?.href) {
      const children = inlineOf(walker, node.children ?? [], marks, true, hoisted).filter(
        (child): child is TextNode => child.type === 'text'
      );
      if (children.length) out.push(...walker.link(node.attribs.href.trim(), mergeText(children) as TextNode[]));
    } else if (INLINE_MARKS[name])
      out.push(...inlineOf(walker, node.children ?? [], { ...marks, [INLINE_MARKS[name]]: true }, inLink, hoisted));
    else if (DROPPED_ELEMENTS.has(name)) walker.report('element', name, 'dropped');
    else {
      if (!INLINE_ELEMENTS.has(name)) walker.report('element', name, 'text kept');
      out.push(...inlineOf(walker, node.children ?? [], marks, inLink, hoisted));
    }
  }
  return out;
}
