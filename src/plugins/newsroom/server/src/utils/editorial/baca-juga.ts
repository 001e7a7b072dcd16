/**
 * "Baca Juga" inside the body. Editors link a Warta article in the blocks editor (its reader URL or
 * `warta://article/<documentId>`); a paragraph that holds only such a link (optionally after "Baca Juga:")
 * is a Baca Juga item. At read time each link is resolved to a published article of the page's locale:
 * a Baca Juga paragraph leaves the body and becomes an insert at its place, or vanishes when its article
 * is not published (a draft, another locale, unpublished, withdrawn); an inline link to such an article
 * keeps its words and loses the link. Pure: no Strapi import.
 */
import { inlineText, type BlockNode } from '../reader/html';
import { parseArticleRef, type ArticleRef } from './notices';

type Node = { type?: unknown; url?: unknown; children?: unknown; text?: unknown } & Record<string, unknown>;
const LEAD_IN = /^\s*(baca juga|baca pula|simak juga|read also|also read)\s*:?\s*$/i;

const refKey = (ref: ArticleRef) => ('documentId' in ref ? `id:${ref.documentId}` : `slug:${ref.locale}:${ref.slug}`);
export { refKey };

/** A paragraph that is a Baca Juga item: its one link's reference, or null for ordinary prose. */
export function bacaJugaRef(block: BlockNode, siteUrl: string): ArticleRef | null {
  if (!block || block.type !== 'paragraph' || !Array.isArray(block.children)) return null;
  const nodes = block.children as Node[];
  const links = nodes.filter((node) => node?.type === 'link');
  if (links.length !== 1) return null;
  const ref = parseArticleRef(links[0].url, siteUrl);
  if (!ref) return null;
  const before = inlineText(nodes.slice(0, nodes.indexOf(links[0])));
  const after = inlineText(nodes.slice(nodes.indexOf(links[0]) + 1));
  return (before.trim() === '' || LEAD_IN.test(before)) && after.trim() === '' ? ref : null;
}

/** Every Warta article a body links to (Baca Juga items and inline links alike). */
export function bodyArticleRefs(body: unknown, siteUrl: string): ArticleRef[] {
  const refs: ArticleRef[] = [];
  const walk = (nodes: unknown) => {
    if (!Array.isArray(nodes)) return;
    for (const node of nodes as Node[]) {
      if (node?.type === 'link') {
        const ref = parseArticleRef(node.url, siteUrl);
        if (ref) refs.push(ref);
      }
      walk(node?.children);
    }
  };
  walk(body);
  return refs;
}

export type ResolvedCard = { documentId: string; url: string } & Record<string, unknown>;
export type BodyResult<C extends ResolvedCard> = {
  body: unknown[];
  /** Baca Juga items the editor placed: after the block of `body` at `afterBlock` (-1: before the first). */
  placed: { afterBlock: number; card: C }[];
  /** documentIds the body shows (Baca Juga items and live inline links), which automatic Baca Juga skips. */
  shown: Set<string>;
};

/** The body as readers get it, with `resolve` answering each reference (null: not published in this locale). */
export function resolveBody<C extends ResolvedCard>(
  body: unknown,
  siteUrl: string,
  resolve: (ref: ArticleRef) => C | null
): BodyResult<C> {
  const result: BodyResult<C> = { body: [], placed: [], shown: new Set() };
  if (!Array.isArray(body)) return result;
  const rewrite = (nodes: unknown): unknown => {
    if (!Array.isArray(nodes)) return nodes;
    return (nodes as Node[]).flatMap((node) => {
      if (node?.type !== 'link') return node?.children ? [{ ...node, children: rewrite(node.children) }] : [node];
      const ref = parseArticleRef(node.url, siteUrl);
      if (!ref) return [{ ...node, children: rewrite(node.children) }];
      const card = resolve(ref);
      if (!card) return (rewrite(node.children) as unknown[]) ?? [];
      result.shown.add(card.documentId);
      return [{ ...node, url: card.url, children: rewrite(node.children) }];
    });
  };
  for (const block of body as BlockNode[]) {
    const ref = bacaJugaRef(block, siteUrl);
    if (ref) {
      const card = resolve(ref);
      if (card) {
        result.placed.push({ afterBlock: result.body.length - 1, card });
        result.shown.add(card.documentId);
      }
      continue;
    }
    result.body.push(block && typeof block === 'object' ? { ...block, children: rewrite(block.children) } : block);
  }
  return result;
}
