/**
 * Small helpers of html-to-blocks.ts: the node shapes Strapi's blocks validation accepts (link URLs, the
 * fields of an image node) and the tidying of inline runs. Pure, no Strapi import.
 */
import type { ImageInfo, InlineNode, TextNode } from './blocks-types';

/** The parts of htmlparser2's DOM (domhandler) read here. */
export type DomNode = {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
};

/** The protocols Strapi's blocks validation accepts for a link (paths starting with / too). */
const LINK_PROTOCOLS = new Set(['http:', 'https:', 'ftp:', 'mailto:', 'tel:']);

export function acceptedUrl(href: string, baseUrl: string | undefined): string | null {
  if (!href || href.startsWith('#')) return null;
  if (href.startsWith('/') && !href.startsWith('//')) return href;
  try {
    const url = baseUrl ? new URL(href, baseUrl) : new URL(href);
    return LINK_PROTOCOLS.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

export const EPOCH = new Date(0).toISOString();
export const MIME_BY_EXT: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
};

export function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** A short stable hash of the URL (FNV-1a): the same image gives the same node on every run. */
export function urlHash(url: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < url.length; i += 1) {
    hash ^= url.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `url_${hash.toString(16).padStart(8, '0')}`;
}

export function containsImage(node: DomNode): boolean {
  return node.name === 'img' || (node.children ?? []).some(containsImage);
}

/** Skips from an opening block comment to its closing one at the same level. */
export function skipToClose(nodes: DomNode[], index: number, rawName: string): number {
  if ((nodes[index].data ?? '').trim().endsWith('/')) return index;
  for (let i = index + 1; i < nodes.length; i += 1) {
    const data = nodes[i].type === 'comment' ? (nodes[i].data ?? '').trim() : '';
    if (data === `/wp:${rawName}`) return i;
  }
  return index;
}

export const sameMarks = (a: TextNode, b: TextNode) =>
  a.bold === b.bold &&
  a.italic === b.italic &&
  a.underline === b.underline &&
  a.strikethrough === b.strikethrough &&
  a.code === b.code;

/** Adjacent text with the same marks as one node, the way the blocks editor saves it. */
export function mergeText(nodes: InlineNode[]): InlineNode[] {
  const out: InlineNode[] = [];
  for (const node of nodes) {
    const last = out[out.length - 1];
    if (node.type === 'text' && last?.type === 'text' && sameMarks(last, node)) {
      out[out.length - 1] = { ...last, text: last.text + node.text };
    } else out.push(node);
  }
  return out;
}

/** Collapses spaces around line breaks and trims the ends; a paragraph of only spaces is empty. */
export function trimInline(nodes: InlineNode[]): InlineNode[] {
  const merged = mergeText(nodes).map((node) =>
    node.type === 'text' ? { ...node, text: node.text.replace(/[ \t]*\n[ \t]*/g, '\n') } : node
  );
  const first = merged[0];
  if (first?.type === 'text') merged[0] = { ...first, text: first.text.replace(/^\s+/, '') };
  const lastIndex = merged.length - 1;
  const last = merged[lastIndex];
  if (last?.type === 'text') merged[lastIndex] = { ...last, text: last.text.replace(/\s+$/, '') };
  const kept = merged.filter((node) => node.type === 'link' || node.text !== '');
  return kept.some((node) => node.type === 'link' || node.text.trim()) ? kept : [];
}

export const textOf = (node: DomNode): string =>
  node.type === 'text' ? (node.data ?? '') : (node.children ?? []).map(textOf).join('');
export const findAll = (node: DomNode, name: string): DomNode[] =>
  (node.children ?? []).flatMap((child) => [...(child.name === name ? [child] : []), ...findAll(child, name)]);
export const tidy = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The `image` of an image block for a picture at `url` (Strapi's media shape, filled from the tag). */
export function imageInfo(url: string, attribs: Record<string, string>, caption: string | null): ImageInfo {
  const number = (value: string | undefined) => (value && /^\d+$/.test(value) ? Number(value) : 0);
  const name = safeDecode(url.split('?')[0].split('/').pop() || 'image');
  const ext = name.includes('.') ? `.${name.split('.').pop()?.toLowerCase()}` : '';
  return {
    name,
    url,
    alternativeText: attribs.alt?.trim() || null,
    caption: caption || null,
    width: number(attribs.width),
    height: number(attribs.height),
    hash: urlHash(url),
    ext,
    mime: MIME_BY_EXT[ext] ?? 'application/octet-stream',
    size: 0,
    provider: 'url',
    createdAt: EPOCH,
    updatedAt: EPOCH,
  };
}
