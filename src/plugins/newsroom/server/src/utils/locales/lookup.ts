/**
 * The `where` a Document Service call's `locale` parameter stands for on the rows of one document:
 * every locale for `*`, a list, one code, or the default locale when none is given (Strapi's own rule).
 */
export function localeWhere(locale: unknown, fallback: string | undefined): Record<string, unknown> {
  if (locale === '*') return {};
  if (Array.isArray(locale)) return { locale: { $in: locale } };
  const code = (locale as string | undefined) ?? fallback;
  return code ? { locale: code } : {};
}
