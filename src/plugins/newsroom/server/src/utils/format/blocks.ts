/** Strapi blocks for plain paragraphs, the shape the blocks editor itself saves. */
export type ParagraphBlock = { type: 'paragraph'; children: { type: 'text'; text: string }[] };

export function paragraphsToBlocks(paragraphs: string[]): ParagraphBlock[] {
  return paragraphs
    .map((text) => text.trim())
    .filter(Boolean)
    .map((text) => ({ type: 'paragraph', children: [{ type: 'text', text }] }));
}

/** The plain text of a blocks body, paragraphs separated by blank lines. */
export function blocksToText(blocks: unknown): string {
  if (!Array.isArray(blocks)) return '';
  // Editor JSON as stored: neither field is trusted until checked.
  const textOf = (node: { text?: unknown; children?: unknown } | null | undefined): string =>
    typeof node?.text === 'string'
      ? node.text
      : Array.isArray(node?.children)
        ? node.children.map(textOf).join('')
        : '';
  return blocks.map(textOf).filter(Boolean).join('\n\n');
}
