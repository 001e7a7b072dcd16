/** Strapi's rich text blocks, the shapes its blocks editor saves and utils/reader/html.ts renders. */
export type TextNode = {
  type: 'text';
  text: string;
  bold?: true;
  italic?: true;
  underline?: true;
  strikethrough?: true;
  code?: true;
};
export type LinkNode = { type: 'link'; url: string; children: TextNode[] };
export type InlineNode = TextNode | LinkNode;
export type ImageInfo = {
  name: string;
  url: string;
  alternativeText: string | null;
  caption: string | null;
  /** 0 when the HTML did not say (Strapi's blocks validation wants numbers; the reader omits a 0 size). */
  width: number;
  height: number;
  // The fields Strapi's blocks validation requires of an image node (an upload file's shape); an image
  // left at its old URL has no upload, so these describe the URL.
  hash: string;
  ext: string;
  mime: string;
  size: number;
  provider: string;
  createdAt: string;
  updatedAt: string;
};
export type ListNode = { type: 'list'; format: 'ordered' | 'unordered'; indentLevel?: number; children: ListChild[] };
export type ListChild = { type: 'list-item'; children: InlineNode[] } | ListNode;
export type Block =
  | { type: 'paragraph'; children: InlineNode[] }
  | { type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; children: InlineNode[] }
  | ListNode
  | { type: 'quote'; children: InlineNode[] }
  | { type: 'code'; children: TextNode[] }
  | { type: 'image'; image: ImageInfo; children: [TextNode] };

/** What a post held that has no place in blocks: listed per post in the import report, never dropped silently. */
export type Unmapped = { kind: 'block' | 'shortcode' | 'element'; name: string; detail?: string };
