/**
 * Ad placements: the named slots (`top`, `after-paragraph-N`, `before-related`, `sidebar`), what an ad-unit
 * id may be, and the slots an article shows (site default of its locale, then each category from the root
 * to its own, then the article; `noAds` switches every slot off). Pure: no Strapi import.
 */
import { editorialMessages as M } from '../messages';
import type { FieldError } from './notices';

export const AD_SLOT_MAX_PARAGRAPH = 50;
export const AD_SLOTS_MAX = 20;
export type AdSlot = { slot: string; adUnit: string | null };
export type AdPosition =
  | { position: 'top' }
  | { position: 'after-paragraph'; paragraph: number }
  | { position: 'before-related' }
  | { position: 'sidebar' };

const AD_UNIT = /^[A-Za-z0-9/._-]{1,200}$/;
const AFTER = /^after-paragraph-(\d{1,4})$/;

/** Where a slot name puts its slot, or null for a name Warta does not know. */
export function slotPosition(slot: unknown): AdPosition | null {
  if (slot === 'top' || slot === 'before-related' || slot === 'sidebar') return { position: slot };
  const after = typeof slot === 'string' ? AFTER.exec(slot) : null;
  return after ? { position: 'after-paragraph', paragraph: Number(after[1]) } : null;
}

/**
 * The errors of a list of slots (`[{ slot, adUnit }]`); `adUnit: null` switches an inherited slot off.
 * Null or absent is "inherit" and valid.
 */
export function adSlotErrors(input: unknown, field: string): FieldError[] {
  if (input === null || input === undefined) return [];
  if (!Array.isArray(input)) return [{ path: field, message: M.notAList(field) }];
  const errors: FieldError[] = [];
  if (input.length > AD_SLOTS_MAX) errors.push({ path: field, message: M.tooMany(field, AD_SLOTS_MAX) });
  const seen = new Set<string>();
  input.forEach((raw, index) => {
    const path = `${field}.${index}`;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
      errors.push({ path, message: M.notAnObject(path) });
      return;
    }
    const { slot, adUnit, ...rest } = raw as Record<string, unknown>;
    for (const key of Object.keys(rest))
      errors.push({ path: `${path}.${key}`, message: M.unknownKind(path, key, ['slot', 'adUnit']) });
    const position = slotPosition(slot);
    if (!position) errors.push({ path: `${path}.slot`, message: M.unknownSlot(path, slot) });
    else if (
      position.position === 'after-paragraph' &&
      (position.paragraph < 1 || position.paragraph > AD_SLOT_MAX_PARAGRAPH)
    )
      errors.push({ path: `${path}.slot`, message: M.slotParagraph(path, position.paragraph) });
    if (adUnit !== null && (typeof adUnit !== 'string' || !AD_UNIT.test(adUnit)))
      errors.push({ path: `${path}.adUnit`, message: M.adUnit(path) });
    if (typeof slot === 'string') {
      if (seen.has(slot)) errors.push({ path: `${path}.slot`, message: M.duplicateSlot(field, slot) });
      seen.add(slot);
    }
  });
  return errors;
}

const asSlots = (value: unknown): AdSlot[] | null => (Array.isArray(value) ? (value as AdSlot[]) : null);

/**
 * The slots an article shows, in a stable order (top, after-paragraph by number, before-related, sidebar).
 * Each level replaces the slots it names; a slot set to `adUnit: null` is off from there down.
 */
export function resolveAdSlots(input: {
  site: unknown;
  /** The category's own slots first, then its parent's, up to the root (as the category tree walks). */
  categoryChain: unknown[];
  article: unknown;
  noAds: boolean | null | undefined;
}): (AdSlot & AdPosition)[] {
  if (input.noAds) return [];
  const merged = new Map<string, string | null>();
  const levels = [input.site, ...[...input.categoryChain].reverse(), input.article];
  for (const level of levels) for (const slot of asSlots(level) ?? []) merged.set(slot.slot, slot.adUnit ?? null);
  const rank = (position: AdPosition) =>
    position.position === 'top'
      ? 0
      : position.position === 'after-paragraph'
        ? position.paragraph
        : position.position === 'before-related'
          ? 10_000
          : 10_001;
  const resolved: (AdSlot & AdPosition)[] = [];
  for (const [slot, adUnit] of merged) {
    const position = slotPosition(slot);
    if (adUnit && position) resolved.push({ slot, adUnit, ...position });
  }
  return resolved.sort((a, b) => rank(a) - rank(b));
}
