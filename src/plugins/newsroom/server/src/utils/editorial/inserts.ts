/**
 * What the page puts between and around the body's blocks (`inserts` of the page payload), each at one
 * documented position, never two at one place:
 *
 *   { type: 'baca-juga' | 'ad' | 'whatsapp-follow', position, afterBlock?, afterParagraph?, ... }
 *
 * `position` is `top` (above the body), `body` (after the block `afterBlock` of the payload's `body`, which
 * is the `afterParagraph`-th paragraph), `end` (after the body), `before-related` or `sidebar`.
 * A body position holds at most one insert. Claims are served in this order: the editor's Baca Juga items
 * (where placed, adjacent ones included: the editor chose them), then the WhatsApp block, then ad slots
 * `after-paragraph-N`, then the automatic Baca Juga. A claim on a taken paragraph moves to the next free
 * paragraph; with none left an ad or an automatic Baca Juga is dropped and the WhatsApp block goes to `end`.
 * Pure: no Strapi import.
 */
import { inlineText, type BlockNode } from '../reader/html';
import type { AdPosition, AdSlot } from './ads';

export type InsertPosition = 'top' | 'body' | 'end' | 'before-related' | 'sidebar';
type Placed = { position: InsertPosition; afterBlock?: number; afterParagraph?: number };
export type Insert<C> = Placed &
  (
    | { type: 'baca-juga'; source: 'editor' | 'auto'; card: C }
    | { type: 'ad'; slot: string; adUnit: string; label: string }
    | { type: 'whatsapp-follow' }
  );

export type InsertPlan<C> = {
  body: unknown[];
  placed: { afterBlock: number; card: C }[];
  whatsapp: { placement: string; afterParagraph?: number | null } | null;
  ads: (AdSlot & AdPosition)[];
  /** Candidates of the automatic Baca Juga, best first (Berita Terkait without what the body shows or pins). */
  auto: C[];
  autoCount: number;
  autoAfterParagraphs: number[];
  adLabel: string;
};

/** The body indexes of its paragraphs with text, as the reader counts them (an empty paragraph is no paragraph). */
export function paragraphIndexes(body: unknown[]): number[] {
  const indexes: number[] = [];
  body.forEach((block, index) => {
    const node = block as BlockNode;
    if (node?.type === 'paragraph' && inlineText(node.children).trim()) indexes.push(index);
  });
  return indexes;
}

export function planInserts<C>(plan: InsertPlan<C>): Insert<C>[] {
  const paragraphs = paragraphIndexes(plan.body);
  const paragraphOf = new Map(paragraphs.map((index, n) => [index, n + 1]));
  const taken = new Set<number>();
  const inserts: Insert<C>[] = [];
  const at = (afterBlock: number): Placed =>
    afterBlock < 0
      ? { position: 'top' }
      : {
          position: 'body',
          afterBlock,
          ...(paragraphOf.has(afterBlock) ? { afterParagraph: paragraphOf.get(afterBlock) } : {}),
        };
  /** The first free paragraph from the n-th on (1-based), taken; null when none is left. */
  const claim = (n: number): number | null => {
    for (let p = Math.max(1, n); p <= paragraphs.length; p += 1) {
      const index = paragraphs[p - 1];
      if (!taken.has(index)) {
        taken.add(index);
        return index;
      }
    }
    return null;
  };

  for (const item of plan.placed) {
    taken.add(item.afterBlock);
    inserts.push({ ...at(item.afterBlock), type: 'baca-juga', source: 'editor', card: item.card });
  }
  if (plan.whatsapp) {
    const index = plan.whatsapp.placement === 'after-paragraph' ? claim(plan.whatsapp.afterParagraph ?? 0) : null;
    inserts.push(
      index === null ? { position: 'end', type: 'whatsapp-follow' } : { ...at(index), type: 'whatsapp-follow' }
    );
  }
  for (const ad of plan.ads) {
    const base = { type: 'ad' as const, slot: ad.slot, adUnit: ad.adUnit!, label: plan.adLabel };
    if (ad.position !== 'after-paragraph') {
      inserts.push({ position: ad.position, ...base });
      continue;
    }
    const index = claim(ad.paragraph);
    if (index !== null) inserts.push({ ...at(index), ...base });
  }
  if (plan.placed.length === 0) {
    const cards = plan.auto.slice(0, plan.autoCount);
    for (const [n, card] of cards.entries()) {
      const paragraph = plan.autoAfterParagraphs[n];
      if (paragraph === undefined) break;
      const index = claim(paragraph);
      if (index === null) break;
      inserts.push({ ...at(index), type: 'baca-juga', source: 'auto', card });
    }
  }
  const order: Record<InsertPosition, number> = { top: 0, body: 1, end: 2, 'before-related': 3, sidebar: 4 };
  return inserts
    .map((insert, n) => ({ insert, n }))
    .sort(
      (a, b) =>
        order[a.insert.position] - order[b.insert.position] ||
        (a.insert.afterBlock ?? 0) - (b.insert.afterBlock ?? 0) ||
        a.n - b.n
    )
    .map(({ insert }) => insert);
}
