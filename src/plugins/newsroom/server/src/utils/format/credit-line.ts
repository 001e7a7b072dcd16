/** Ready-to-print photo credit, e.g. "(Foto: Reuters)" under an Indonesian article, "(Photo: Reuters)" under an English one. */
export type CreditLabel = 'Foto' | 'Video' | 'Ilustrasi' | 'Grafis';

const ENGLISH_LABELS: Record<CreditLabel, string> = {
  Foto: 'Photo',
  Video: 'Video',
  Ilustrasi: 'Illustration',
  Grafis: 'Graphic',
};

export function formatCreditLine(
  creditLabel: string | null | undefined,
  credit: string | null | undefined,
  locale: string | null | undefined
): string | null {
  const who = (credit ?? '').trim();
  if (!who) return null;
  const label = (creditLabel && creditLabel in ENGLISH_LABELS ? creditLabel : 'Foto') as CreditLabel;
  const printed = locale === 'en' ? ENGLISH_LABELS[label] : label;
  return `(${printed}: ${who})`;
}

/**
 * Adds `creditLine` to a sanitized caption. Only when the caller asked for both credit fields:
 * a `fields` selection that left them out must not grow a field it did not ask for.
 */
export function withCreditLine<T extends { credit?: unknown; creditLabel?: unknown; locale?: unknown }>(
  caption: T,
  fallbackLocale?: string | null
): T & { creditLine?: string | null } {
  if (!caption || !('credit' in caption) || !('creditLabel' in caption)) return caption;
  return {
    ...caption,
    creditLine: formatCreditLine(
      caption.creditLabel as string,
      caption.credit as string,
      (caption.locale as string) ?? fallbackLocale ?? null
    ),
  };
}
