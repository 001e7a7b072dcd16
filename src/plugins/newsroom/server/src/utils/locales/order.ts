import { LOCALES } from '../../constants';

const ORDER: string[] = LOCALES.map((entry) => entry.code);

/** Sort order of content locales: the site's own in their configured order (id, en), any other after. */
export function compareLocales(a: string, b: string): number {
  return (ORDER.indexOf(a) + 1 || ORDER.length + 1) - (ORDER.indexOf(b) + 1 || ORDER.length + 1);
}
