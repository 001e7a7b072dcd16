/**
 * HTML for the reader page, built as strings: every value that came from an editor goes through
 * `escapeHtml` (text and attributes alike), and only http(s), mailto and site-relative links survive.
 */
const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]);
}

/**
 * Escaped `text` with the first occurrence of each person's name, in order, made a link to their page
 * ("<a href=.../penulis/salsabila rel=author>Salsabila</a>, Jurnalis - "). Names are found in the raw
 * text, so an "&" in a name cannot be confused with an escaped one; a name not found stays plain text.
 */
export function linkNames(text: string, people: { name: string; url?: string | null }[], rel = 'author'): string {
  let html = '';
  let from = 0;
  for (const person of people) {
    if (!person.name || !person.url) continue;
    const at = text.indexOf(person.name, from);
    if (at < 0) continue;
    html += `${escapeHtml(text.slice(from, at))}<a href="${escapeHtml(person.url)}" rel="${escapeHtml(rel)}">${escapeHtml(person.name)}</a>`;
    from = at + person.name.length;
  }
  return html + escapeHtml(text.slice(from));
}

/** A link target an editor typed, or null when it could run script (`javascript:`, `data:`, `vbscript:` ...). */
export function safeUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const url = value.trim();
  if (!url) return null;
  if (url.startsWith('/') && !url.startsWith('//')) return url;
  if (url.startsWith('#')) return url;
  return /^(https?:|mailto:)/i.test(url) ? url : null;
}

/**
 * One node of a blocks body as stored: editor JSON, so no field is trusted until checked (a node may
 * even be null or a primitive, whose fields then read as undefined).
 */
export type BlockNode =
  | {
      type?: unknown;
      text?: unknown;
      url?: unknown;
      children?: unknown;
      level?: unknown;
      format?: unknown;
      image?: { url?: unknown; width?: unknown; height?: unknown; alternativeText?: unknown } | null;
    }
  | null
  | undefined;

type TextNode = {
  type: 'text';
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
  code?: boolean;
};

/** How a body's links are marked: a sponsored story's outbound links get rel="sponsored". */
export type BlockOptions = { linkRel?: (href: string) => string | null };

function inlineToHtml(nodes: unknown, options: BlockOptions = {}): string {
  if (!Array.isArray(nodes)) return '';
  return nodes
    .map((node: BlockNode) => {
      if (node?.type === 'link') {
        const href = safeUrl(node.url);
        const inner = inlineToHtml(node.children, options);
        if (!href) return inner;
        const rel = options.linkRel?.(href) ?? (/^https?:/i.test(href) ? 'noopener' : null);
        return `<a href="${escapeHtml(href)}"${rel ? ` rel="${escapeHtml(rel)}"` : ''}>${inner}</a>`;
      }
      if (typeof node?.text !== 'string') return inlineToHtml(node?.children, options);
      const text = node as TextNode;
      // Soft line breaks typed with Shift+Enter arrive as "\n" inside a text node.
      let html = escapeHtml(text.text).replace(/\n/g, '<br>');
      if (text.code) html = `<code>${html}</code>`;
      if (text.bold) html = `<strong>${html}</strong>`;
      if (text.italic) html = `<em>${html}</em>`;
      if (text.underline) html = `<u>${html}</u>`;
      if (text.strikethrough) html = `<s>${html}</s>`;
      return html;
    })
    .join('');
}

export function inlineText(nodes: unknown): string {
  if (!Array.isArray(nodes)) return '';
  return nodes
    .map((node: BlockNode) => (typeof node?.text === 'string' ? node.text : inlineText(node?.children)))
    .join('');
}

/** `index`: the block's place in the stored body, which the page's `inserts` (afterBlock) refer to. */
export type RenderedBlock = { html: string; isParagraph: boolean; index: number };

/** Strapi's rich text blocks (paragraph, heading, list, quote, code, image) to HTML, one entry per block. */
export function blocksToHtml(blocks: unknown, options: BlockOptions = {}): RenderedBlock[] {
  if (!Array.isArray(blocks)) return [];
  const out: RenderedBlock[] = [];
  const inline = (nodes: unknown) => inlineToHtml(nodes, options);
  for (const [index, block] of (blocks as BlockNode[]).entries()) {
    switch (block?.type) {
      case 'paragraph': {
        const html = inline(block.children);
        if (inlineText(block.children).trim()) out.push({ html: `<p>${html}</p>`, isParagraph: true, index });
        break;
      }
      case 'heading': {
        // The page title is the only h1; an editor's "Heading 1" becomes h2.
        const level = Math.min(6, Math.max(2, Number(block.level) || 2));
        out.push({ html: `<h${level}>${inline(block.children)}</h${level}>`, isParagraph: false, index });
        break;
      }
      case 'list': {
        const tag = block.format === 'ordered' ? 'ol' : 'ul';
        const items = (Array.isArray(block.children) ? block.children : [])
          .map(
            (item: BlockNode) =>
              `<li>${
                item?.type === 'list'
                  ? blocksToHtml([item], options)
                      .map((b) => b.html)
                      .join('')
                  : inline(item?.children)
              }</li>`
          )
          .join('');
        out.push({ html: `<${tag}>${items}</${tag}>`, isParagraph: false, index });
        break;
      }
      case 'quote':
        out.push({ html: `<blockquote><p>${inline(block.children)}</p></blockquote>`, isParagraph: false, index });
        break;
      case 'code':
        out.push({
          html: `<pre><code>${escapeHtml(inlineText(block.children))}</code></pre>`,
          isParagraph: false,
          index,
        });
        break;
      case 'image': {
        const src = safeUrl(block.image?.url);
        if (!src) break;
        const size =
          block.image?.width && block.image?.height
            ? ` width="${Number(block.image.width)}" height="${Number(block.image.height)}"`
            : '';
        out.push({
          html: `<figure><img src="${escapeHtml(src)}" alt="${escapeHtml(block.image?.alternativeText ?? '')}"${size} loading="lazy"></figure>`,
          isParagraph: false,
          index,
        });
        break;
      }
      default:
        break;
    }
  }
  return out;
}
