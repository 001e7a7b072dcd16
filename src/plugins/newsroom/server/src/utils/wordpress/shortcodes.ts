/**
 * WordPress shortcodes (`[caption id="x" width="300"]<img ...> A caption[/caption]`, `[gallery ids="1,2"]`).
 * Shortcodes are WordPress' own bracket syntax inside post text, not HTML, so they are scanned here as
 * text; the HTML inside an enclosing shortcode is handed back untouched for the HTML parser.
 */
export type Shortcode = { name: string; attrs: Record<string, string>; content: string | null; raw: string };
export type ShortcodePiece = { kind: 'text'; text: string } | { kind: 'shortcode'; shortcode: Shortcode };

const NAME = /^[A-Za-z][\w-]*/;

/** `id="a" width=300 caption='x' novalue`: WordPress' shortcode_parse_atts, quoted, bare and positional. */
export function parseShortcodeAttrs(text: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  let rest = text.trim();
  let position = 0;
  while (rest) {
    const named = rest.match(/^([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))\s*/);
    if (named) {
      attrs[named[1].toLowerCase()] = named[2] ?? named[3] ?? named[4] ?? '';
      rest = rest.slice(named[0].length);
      continue;
    }
    const bare = rest.match(/^(?:"([^"]*)"|'([^']*)'|(\S+))\s*/);
    if (!bare) break;
    attrs[String(position)] = bare[1] ?? bare[2] ?? bare[3];
    position += 1;
    rest = rest.slice(bare[0].length);
  }
  return attrs;
}

/**
 * Splits text into plain pieces and the shortcodes in `names` (all of them when null; others stay
 * text: the caller reports them). `[[caption]]` is WordPress' escape for a literal `[caption]` and stays text.
 */
export function splitShortcodes(text: string, names: ReadonlySet<string> | null): ShortcodePiece[] {
  const pieces: ShortcodePiece[] = [];
  let plain = '';
  let at = 0;
  while (at < text.length) {
    const open = text.indexOf('[', at);
    if (open < 0) break;
    plain += text.slice(at, open);
    const parsed = readShortcode(text, open, names);
    if (!parsed) {
      plain += '[';
      at = open + 1;
      continue;
    }
    if (plain) pieces.push({ kind: 'text', text: plain });
    plain = '';
    pieces.push({ kind: 'shortcode', shortcode: parsed.shortcode });
    at = parsed.end;
  }
  plain += text.slice(at);
  if (plain) pieces.push({ kind: 'text', text: plain });
  return pieces;
}

function readShortcode(text: string, open: number, names: ReadonlySet<string> | null) {
  if (text[open - 1] === '[' || text[open + 1] === '/') return null;
  const name = text.slice(open + 1).match(NAME)?.[0];
  if (!name || (names && !names.has(name.toLowerCase()))) return null;
  const close = findTagEnd(text, open + 1 + name.length);
  if (close < 0) return null;
  const inside = text.slice(open + 1 + name.length, close);
  const selfClosing = inside.trimEnd().endsWith('/');
  const attrs = parseShortcodeAttrs(selfClosing ? inside.trimEnd().slice(0, -1) : inside);
  const after = close + 1;
  if (!selfClosing) {
    const closing = `[/${name}]`;
    const end = text.toLowerCase().indexOf(closing.toLowerCase(), after);
    // An enclosing shortcode needs its closing tag before the next opening of the same name.
    const nextOpen = text.toLowerCase().indexOf(`[${name.toLowerCase()}`, after);
    if (end >= 0 && (nextOpen < 0 || nextOpen > end)) {
      const content = text.slice(after, end);
      return {
        shortcode: { name: name.toLowerCase(), attrs, content, raw: text.slice(open, end + closing.length) },
        end: end + closing.length,
      };
    }
  }
  return { shortcode: { name: name.toLowerCase(), attrs, content: null, raw: text.slice(open, after) }, end: after };
}

/** The `]` that ends an opening tag, skipping `]` inside quoted attribute values. */
function findTagEnd(text: string, from: number): number {
  let quote: string | null = null;
  for (let i = from; i < text.length; i += 1) {
    const char = text[i];
    if (quote) {
      if (char === quote) quote = null;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === ']') return i;
    else if (char === '[') return -1;
  }
  return -1;
}
