/**
 * Revisions as content: what a stored snapshot holds, and how two compare. Pure, no Strapi import.
 * Relations are kept as documentIds (a revision must survive the renumbering a publish causes).
 */
import type { Change } from 'diff';

// jsdiff 9 is CommonJS; its types come with it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { diffWords } = require('diff') as typeof import('diff');

export type Snapshot = Record<string, unknown>;
export type FieldKind = 'scalar' | 'relation-one' | 'relation-many' | 'component' | 'blocks' | 'media';
export type FieldPlan = Record<string, FieldKind>;

/** Columns Strapi owns: they change on every write or mean nothing in another row. */
const SYSTEM_FIELDS = new Set([
  'id',
  'documentId',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'createdBy',
  'updatedBy',
  'locale',
  'localizations',
]);

const stripIds = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(stripIds);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([key]) => key !== 'id')
        .map(([key, inner]) => [key, stripIds(inner)])
    );
  }
  return value instanceof Date ? value.toISOString() : value;
};

/** The snapshot of one row as read with the plan's populate: relations as documentIds, components without ids. */
export function snapshotOf(row: Record<string, unknown>, plan: FieldPlan): Snapshot {
  const snapshot: Snapshot = {};
  for (const [field, value] of Object.entries(row)) {
    if (SYSTEM_FIELDS.has(field)) continue;
    const kind = plan[field] ?? 'scalar';
    if (kind === 'relation-one')
      snapshot[field] =
        (value as { documentId?: string; id?: number } | null)?.documentId ??
        (value as { id?: number } | null)?.id ??
        null;
    else if (kind === 'relation-many')
      snapshot[field] = ((value as { documentId?: string }[] | null) ?? []).map((item) => item.documentId);
    else if (kind === 'media') snapshot[field] = (value as { id?: number } | null)?.id ?? null;
    else snapshot[field] = value instanceof Date ? value.toISOString() : kind === 'component' ? stripIds(value) : value;
  }
  return snapshot;
}

/** The plain text of Strapi blocks (paragraphs, headings, lists, quotes), one line per block. */
export function blocksText(blocks: unknown): string {
  if (!Array.isArray(blocks)) return typeof blocks === 'string' ? blocks : '';
  const textOf = (node: unknown): string => {
    if (!node || typeof node !== 'object') return '';
    const { text, children } = node as { text?: string; children?: unknown[] };
    if (typeof text === 'string') return text;
    return Array.isArray(children) ? children.map(textOf).join('') : '';
  };
  return blocks.map(textOf).join('\n');
}

export type FieldChange = { field: string; before: unknown; after: unknown; text?: Change[] };

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** What changed from `before` to `after`: every differing field, with a word diff for text and blocks. */
export function compareSnapshots(before: Snapshot, after: Snapshot, plan: FieldPlan): FieldChange[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const changes: FieldChange[] = [];
  for (const field of fields) {
    if (same(before[field], after[field])) continue;
    const change: FieldChange = { field, before: before[field] ?? null, after: after[field] ?? null };
    if (plan[field] === 'blocks') change.text = diffWords(blocksText(before[field]), blocksText(after[field]));
    else if (typeof before[field] === 'string' || typeof after[field] === 'string') {
      change.text = diffWords(String(before[field] ?? ''), String(after[field] ?? ''));
    }
    changes.push(change);
  }
  return changes;
}

/** The data a restore writes: the snapshot minus the workflow's own fields (a restore keeps the stage and assignee). */
export function restoreData(snapshot: Snapshot, plan: FieldPlan, keep: string[]): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(snapshot)) {
    if (keep.includes(field) || SYSTEM_FIELDS.has(field)) continue;
    const kind = plan[field] ?? 'scalar';
    if (kind === 'relation-many') data[field] = { set: (value as string[]).map((documentId) => ({ documentId })) };
    else if (kind === 'relation-one') data[field] = value ? { set: [{ documentId: value as string }] } : { set: [] };
    else data[field] = value;
  }
  return data;
}
