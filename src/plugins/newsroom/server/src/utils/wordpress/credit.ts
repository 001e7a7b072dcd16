/**
 * Splits a photo credit off the end of a WordPress caption: "Presiden di Istana (Foto: Reuters)" ->
 * caption "Presiden di Istana", credit "Reuters", label "Foto". WordPress keeps both in one string;
 * Warta prints the credit from its own fields (utils/format/credit-line.ts), so leaving it in the
 * caption would print it twice. Plain text in, plain text out (HTML is stripped before this).
 */
import type { CreditLabel } from '../format/credit-line';

export type CaptionCredit = { caption: string; credit: string | null; creditLabel: CreditLabel };

/** Words newsrooms put before a credit, lower-cased, and the label each one means. */
const LABELS: Record<string, CreditLabel> = {
  foto: 'Foto',
  photo: 'Foto',
  fotografer: 'Foto',
  'photo by': 'Foto',
  'foto oleh': 'Foto',
  kredit: 'Foto',
  credit: 'Foto',
  sumber: 'Foto',
  source: 'Foto',
  video: 'Video',
  ilustrasi: 'Ilustrasi',
  illustration: 'Ilustrasi',
  grafis: 'Grafis',
  infografis: 'Grafis',
  graphic: 'Grafis',
};

/** Credits that name no label but are credits all the same: "(Dok. Istimewa)", "(Istimewa)". */
const BARE_CREDIT_PREFIXES = ['dok.', 'dok ', 'dokumentasi', 'istimewa', 'doc.'];

const MAX_CREDIT = 120;

function labelled(text: string): { label: CreditLabel; credit: string } | null {
  // "Foto: X", "Foto/X", "Foto - X", "Photo by X": the label, a separator, the credit.
  const lower = text.toLowerCase();
  for (const word of Object.keys(LABELS).sort((a, b) => b.length - a.length)) {
    if (!lower.startsWith(word)) continue;
    let rest = text.slice(word.length);
    const separator = rest.match(/^\s*[:/\-–—]\s*|^\s+(?=\S)/);
    if (!separator) continue;
    // "Foto Reuters" without a separator is only a credit after "by"/"oleh".
    if (!/[:/\-–—]/.test(separator[0]) && !word.includes(' ')) continue;
    rest = rest.slice(separator[0].length).trim();
    if (!rest) return null;
    return { label: LABELS[word], credit: rest };
  }
  const bare = BARE_CREDIT_PREFIXES.some((prefix) => lower.startsWith(prefix));
  return bare ? { label: 'Foto', credit: text.trim() } : null;
}

const tidy = (value: string) => value.replace(/\s+/g, ' ').trim();

export function splitCaptionCredit(raw: string | null | undefined): CaptionCredit {
  const text = tidy(raw ?? '');
  const none: CaptionCredit = { caption: text, credit: null, creditLabel: 'Foto' };
  if (!text) return none;

  // 1. A bracketed credit at the very end: "... (Foto: Reuters)", "... [Foto: Antara]", "... (Dok. Istimewa)".
  const last = text[text.length - 1];
  const open = last === ')' ? '(' : last === ']' ? '[' : null;
  if (open) {
    const start = text.lastIndexOf(open);
    if (start >= 0) {
      const inner = text.slice(start + 1, -1).trim();
      const found = labelled(inner) ?? (isAgencyLine(inner) ? { label: 'Foto' as CreditLabel, credit: inner } : null);
      if (found && found.credit.length <= MAX_CREDIT) {
        return { caption: tidy(text.slice(0, start)).replace(/[\s.,;:–—-]+$/, ''), ...pick(found) };
      }
    }
  }

  // 2. An unbracketed credit after the last sentence or separator: "... Foto: Antara/Galih Pradipta".
  const candidates: number[] = [];
  for (const marker of ['. ', '| ', ' - ', ' – ', ' — ', '; ', ', ']) {
    const at = text.lastIndexOf(marker);
    if (at >= 0) candidates.push(at + marker.length);
  }
  candidates.push(0);
  for (const start of candidates.sort((a, b) => b - a)) {
    const found = labelled(text.slice(start));
    if (found && found.credit.length <= MAX_CREDIT && /[:/]|by |oleh /i.test(text.slice(start, start + 20))) {
      return {
        caption: tidy(text.slice(0, start)).replace(/[\s|;,–—-]+$/, ''),
        ...pick(found),
      };
    }
  }

  // 3. An agency line in capitals at the end: "... REUTERS/Yves Herman", "... ANTARA FOTO/Galih Pradipta".
  const words = text.split(' ');
  for (let i = words.length - 1; i >= Math.max(0, words.length - 6); i -= 1) {
    const head = words[i].split('/')[0];
    if (words[i].includes('/') && head.length >= 2 && head === head.toUpperCase() && /[A-Z]/.test(head)) {
      let from = i;
      while (from > 0 && /^[A-Z]{2,}$/.test(words[from - 1])) from -= 1;
      const credit = words.slice(from).join(' ');
      if (credit.length <= MAX_CREDIT) {
        return {
          caption: tidy(words.slice(0, from).join(' ')).replace(/[\s,;:|–—-]+$/, ''),
          credit,
          creditLabel: 'Foto',
        };
      }
    }
  }
  return none;
}

/** "REUTERS/Yves Herman", "ANTARA FOTO/Galih Pradipta": an agency in capitals, a slash, a name. */
function isAgencyLine(text: string): boolean {
  const slash = text.indexOf('/');
  if (slash < 2) return false;
  const agency = text.slice(0, slash).trim();
  return /^[A-Z][A-Z .]+$/.test(agency) && text.length - slash > 1;
}

function pick(found: { label: CreditLabel; credit: string }): { credit: string; creditLabel: CreditLabel } {
  return { credit: found.credit.replace(/[.\s]+$/, '') || found.credit, creditLabel: found.label };
}
