/**
 * A WordPress post body (classic-editor HTML, or Gutenberg's `<!-- wp:... -->` block comments around
 * HTML) to Strapi blocks. The HTML is parsed by htmlparser2 and walked as a tree; shortcodes are
 * WordPress' bracket syntax and are scanned by shortcodes.ts before parsing. Whatever has no block
 * (tables, embeds, iframes, unknown shortcodes and blocks) is kept as text or a link where it has any,
 * and listed in `unmapped`.
 */
import { parseDocument } from 'htmlparser2';
import type { Block, InlineNode, ListChild, ListNode, TextNode, Unmapped } from './blocks-types';
import { detached } from './detached';
import {
  acceptedUrl,
  containsImage,
  findAll,
  imageInfo,
  mergeText,
  skipToClose,
  textOf,
  tidy,
  trimInline,
  type DomNode,
} from './block-nodes';
import { splitShortcodes, type Shortcode } from './shortcodes';
import { inlineOf } from './inline-html';
import {
  PLACEHOLDER,
  MAPPED_SHORTCODES,
  PLAIN_BLOCKS,
  LAYOUT_BLOCKS,
  DROPPED_ELEMENTS,
  CONTAINER_ELEMENTS,
  INLINE_ELEMENTS,
  blockComment,
} from './html-vocabulary';

export type ConvertOptions = {
  /** Rewrites a link's href (old internal URLs to the new reader URLs); return it unchanged otherwise. */
  rewriteLink?: (url: string) => string;
  /** Resolves relative links (`page.html`, `?p=1`) against the old site; absolute paths stay paths. */
  baseUrl?: string;
  /** Rewrites an image's src (to the media mirror); return it unchanged otherwise. */
  rewriteImage?: (url: string) => string;
};
export type ConvertResult = { blocks: Block[]; unmapped: Unmapped[]; links: string[]; images: string[] };

export function htmlToBlocks(html: string, options: ConvertOptions = {}): ConvertResult {
  const state = new Walker(options);
  // Shortcodes first: a mapped one becomes a placeholder element for the tree walk, the rest stay text.
  const shortcodes: Shortcode[] = [];
  let prepared = '';
  for (const piece of splitShortcodes(html, null)) {
    if (piece.kind === 'text') prepared += piece.text;
    else if (MAPPED_SHORTCODES.has(piece.shortcode.name) && piece.shortcode.content !== null) {
      prepared += `<${PLACEHOLDER} data-index="${shortcodes.length}"></${PLACEHOLDER}>`;
      shortcodes.push(piece.shortcode);
    } else {
      prepared += piece.shortcode.raw;
      state.report('shortcode', piece.shortcode.name, 'kept as text');
    }
  }
  state.shortcodes = shortcodes;
  const classic = !html.includes('<!-- wp:');
  const document = parseDocument(prepared, { decodeEntities: true }) as unknown as DomNode;
  state.blocks(document.children ?? [], classic);
  state.flush();
  return { blocks: state.out, unmapped: state.unmapped, links: state.links, images: state.images };
}

class Walker {
  out: Block[] = [];
  unmapped: Unmapped[] = [];
  links: string[] = [];
  images: string[] = [];
  shortcodes: Shortcode[] = [];
  private inline: InlineNode[] = [];
  private seen = new Set<string>();

  constructor(private options: ConvertOptions) {}

  report(kind: Unmapped['kind'], name: string, detail?: string) {
    const key = `${kind}\u0000${name}\u0000${detail ?? ''}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    // The report outlives the post: its entries must not hold the post's content alive.
    this.unmapped.push(
      detail ? { kind, name: detached(name), detail: detached(detail) } : { kind, name: detached(name) }
    );
  }

  /** Ends the paragraph being gathered from loose inline content (classic posts have no <p>). */
  flush() {
    const children = trimInline(this.inline);
    this.inline = [];
    if (children.length) this.out.push({ type: 'paragraph', children });
  }

  blocks(nodes: DomNode[], classic: boolean) {
    for (let i = 0; i < nodes.length; i += 1) {
      const node = nodes[i];
      if (node.type === 'comment') {
        i = this.comment(nodes, i);
        continue;
      }
      if (node.type === 'text') {
        this.looseText(node.data ?? '', classic);
        continue;
      }
      if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') continue;
      this.element(node, classic);
    }
  }

  /** Gutenberg's block comments: reported when unknown, embeds made links; returns the index to go on from. */
  private comment(nodes: DomNode[], index: number): number {
    const parsed = blockComment(nodes[index].data ?? '');
    if (!parsed) return index;
    const { rawName, name, attrs } = parsed;
    if (name === 'embed' || name.startsWith('core-embed/')) {
      this.flush();
      const url = typeof attrs.url === 'string' ? attrs.url : '';
      if (url) this.out.push({ type: 'paragraph', children: this.link(url, [{ type: 'text', text: url }]) });
      this.report('block', 'core/embed', url ? `kept as a link: ${url}` : 'no url');
      return skipToClose(nodes, index, rawName);
    }
    if (LAYOUT_BLOCKS.has(name)) this.report('block', `core/${name}`, 'layout only, nothing carried over');
    else if (name === 'table') this.report('block', 'core/table', 'rows kept as paragraphs');
    else if (!PLAIN_BLOCKS.has(name))
      this.report('block', rawName.includes('/') ? rawName : `core/${name}`, 'content kept');
    return index;
  }

  private looseText(text: string, classic: boolean) {
    if (!classic) {
      if (text.trim()) this.inline.push({ type: 'text', text });
      return;
    }
    // wpautop: a blank line ends a paragraph, a single newline is a line break.
    const parts = text.split(/\n\s*\n/);
    parts.forEach((part, index) => {
      if (index > 0) this.flush();
      const cleaned = part.replace(/^\s*\n|\n\s*$/g, '');
      if (cleaned) this.inline.push({ type: 'text', text: cleaned });
    });
  }

  private element(node: DomNode, classic: boolean) {
    const name = node.name ?? '';
    if (INLINE_ELEMENTS.has(name)) {
      if (name === 'img') {
        this.flush();
        return this.image(node, null);
      }
      const hoisted: DomNode[] = [];
      this.inline.push(...inlineOf(this, [node], {}, false, hoisted));
      for (const image of hoisted) {
        this.flush();
        this.image(image, null);
      }
      return;
    }
    this.flush();
    if (name === 'p') return this.paragraph(node);
    if (/^h[1-6]$/.test(name)) {
      const children = trimInline(inlineOf(this, node.children ?? [], {}, false, []));
      if (children.length) this.out.push({ type: 'heading', level: Number(name[1]) as 1, children });
      return;
    }
    if (name === 'ul' || name === 'ol') {
      const list = this.list(node, 0);
      if (list.children.length) this.out.push(list);
      return;
    }
    if (name === 'blockquote') return this.quote(node);
    if (name === 'pre') {
      const text = textOf(node).replace(/^\n/, '').trimEnd();
      if (text) this.out.push({ type: 'code', children: [{ type: 'text', text }] });
      return;
    }
    if (name === 'figure' && findAll(node, 'img').length && !findAll(node, 'table').length) return this.figure(node);
    if (name === 'table') return this.table(node);
    if (name === PLACEHOLDER) return this.captionShortcode(this.shortcodes[Number(node.attribs?.['data-index'])]);
    if (name === 'hr') return;
    if (name === 'iframe' || name === 'embed' || name === 'object' || name === 'video' || name === 'audio') {
      const src = node.attribs?.src ?? findAll(node, 'source')[0]?.attribs?.src ?? '';
      if (src) this.out.push({ type: 'paragraph', children: this.link(src, [{ type: 'text', text: src }]) });
      return this.report('element', name, src ? `kept as a link: ${src}` : 'dropped');
    }
    if (DROPPED_ELEMENTS.has(name)) return this.report('element', name, 'dropped');
    if (name === 'li' || name === 'dt' || name === 'dd' || name === 'figcaption' || name === 'caption') {
      return this.paragraph(node);
    }
    if (!CONTAINER_ELEMENTS.has(name)) this.report('element', name, 'content kept');
    this.blocks(node.children ?? [], classic);
    this.flush();
  }

  private paragraph(node: DomNode) {
    const hoisted: DomNode[] = [];
    const children = trimInline(inlineOf(this, node.children ?? [], {}, false, hoisted));
    if (children.length) this.out.push({ type: 'paragraph', children });
    for (const image of hoisted) this.image(image, null);
  }

  private list(node: DomNode, depth: number): ListNode {
    const children: ListChild[] = [];
    for (const item of node.children ?? []) {
      if (item.name === 'ul' || item.name === 'ol') {
        const sub = this.list(item, depth + 1);
        if (sub.children.length) children.push(sub);
      }
      if (item.name !== 'li') continue;
      const own = (item.children ?? []).filter((child) => child.name !== 'ul' && child.name !== 'ol');
      const nested = (item.children ?? []).filter((child) => child.name === 'ul' || child.name === 'ol');
      const hoisted: DomNode[] = [];
      const inline = trimInline(inlineOf(this, own, {}, false, hoisted));
      // Strapi wants every list item to hold a text node, even an empty one.
      children.push({ type: 'list-item', children: inline.length ? inline : [{ type: 'text', text: '' }] });
      if (hoisted.length) this.report('element', 'img', 'image inside a list item kept as its link');
      for (const image of hoisted) this.images.push(this.imageUrl(image));
      for (const sub of nested.map((list) => this.list(list, depth + 1))) if (sub.children.length) children.push(sub);
    }
    const list: ListNode = { type: 'list', format: node.name === 'ol' ? 'ordered' : 'unordered', children };
    if (depth > 0) list.indentLevel = depth;
    return list;
  }

  private quote(node: DomNode) {
    // A quote is one block of inline text: its paragraphs become lines, its citation the last one.
    const lines: InlineNode[][] = [];
    const loose: DomNode[] = [];
    const push = (nodes: DomNode[]) => {
      const inline = trimInline(inlineOf(this, nodes, {}, false, []));
      if (inline.length) lines.push(inline);
    };
    for (const child of node.children ?? []) {
      if (child.name === 'p' || child.name === 'cite' || child.name === 'footer' || /^h[1-6]$/.test(child.name ?? '')) {
        push(loose.splice(0));
        push(
          child.name === 'cite' ? [{ type: 'text', data: '— ' }, ...(child.children ?? [])] : (child.children ?? [])
        );
      } else loose.push(child);
    }
    push(loose);
    const children = lines.flatMap((line, index) =>
      index ? [{ type: 'text', text: '\n' } as TextNode, ...line] : line
    );
    if (children.length) this.out.push({ type: 'quote', children: mergeText(children) });
  }

  private figure(node: DomNode) {
    const caption = findAll(node, 'figcaption');
    const images = findAll(node, 'img');
    // A gallery's figures each hold one image and its caption; a plain figure has one image.
    if (images.length > 1) {
      const inner = (node.children ?? []).filter((child) => child.type === 'tag');
      for (const child of inner) {
        if (child.name === 'figure' || child.name === 'ul' || child.name === 'li') this.figureOrList(child);
        else if (child.name === 'img') this.image(child, null);
        else if (child.name === 'figcaption') this.paragraph(child);
      }
      return;
    }
    this.image(images[0], caption.length ? tidy(textOf(caption[caption.length - 1])) : null);
  }

  private figureOrList(node: DomNode) {
    if (node.name === 'ul') for (const item of node.children ?? []) this.figureOrList(item);
    else if (findAll(node, 'img').length) this.figure(node);
  }

  private table(node: DomNode) {
    this.report('element', 'table', 'rows kept as paragraphs, cells separated by " | "');
    for (const row of findAll(node, 'tr')) {
      const cells = (row.children ?? []).filter((cell) => cell.name === 'td' || cell.name === 'th');
      const text = cells.map((cell) => tidy(textOf(cell))).join(' | ');
      if (text.replace(/[|\s]/g, '')) {
        const header = cells.every((cell) => cell.name === 'th');
        this.out.push({
          type: 'paragraph',
          children: [header ? { type: 'text', text, bold: true } : { type: 'text', text }],
        });
      }
    }
    for (const caption of findAll(node, 'figcaption')) this.paragraph(caption);
  }

  private captionShortcode(shortcode: Shortcode | undefined) {
    if (!shortcode) return;
    const inner = parseDocument(shortcode.content ?? '', { decodeEntities: true }) as unknown as DomNode;
    const image = findAll(inner, 'img')[0];
    // The caption is the shortcode's text beside the image, or its caption="" attribute (WordPress < 3.4).
    const attrCaption = shortcode.attrs.caption
      ? tidy(textOf(parseDocument(shortcode.attrs.caption) as unknown as DomNode))
      : '';
    const own = tidy(
      textOf({ type: 'root', children: (inner.children ?? []).filter((child) => !containsImage(child)) })
    );
    if (!image) {
      this.report('shortcode', shortcode.name, 'no image inside, caption kept as text');
      const text = own || attrCaption;
      if (text) this.out.push({ type: 'paragraph', children: [{ type: 'text', text }] });
      return;
    }
    this.image(image, own || attrCaption || null);
  }

  private imageUrl(node: DomNode): string {
    const src = node.attribs?.src ?? '';
    return this.options.rewriteImage ? this.options.rewriteImage(src) : src;
  }

  private image(node: DomNode | undefined, caption: string | null) {
    const src = node?.attribs?.src;
    if (!node || !src) return;
    const url = this.imageUrl(node);
    this.images.push(url);
    const image = imageInfo(url, node.attribs ?? {}, caption);
    this.out.push({ type: 'image', image, children: [{ type: 'text', text: '' }] });
  }

  /** A link, or its text alone when its target is no URL Strapi accepts (an in-page anchor, a script). */
  link(href: string, children: TextNode[]): InlineNode[] {
    this.links.push(href);
    const rewritten = this.options.rewriteLink ? this.options.rewriteLink(href) : href;
    const url = acceptedUrl(rewritten, this.options.baseUrl);
    if (url) return [{ type: 'link', url, children }];
    this.report('element', 'a', `link kept as text: ${href.slice(0, 100)}`);
    return children;
  }
}
