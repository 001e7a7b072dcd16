import fs from 'fs';
import path from 'path';
import { validateXML } from 'xmllint-wasm';

const XSD_DIR = path.join(__dirname, '..', 'fixtures', 'xsd');
const file = (fileName: string) => ({ fileName, contents: fs.readFileSync(path.join(XSD_DIR, fileName), 'utf8') });

/**
 * Validates a sitemap against the published schemas (tests/fixtures/xsd/README.md) with libxml2 compiled
 * to WebAssembly: a <urlset> against sitemaps.org's sitemap.xsd with Google News and xhtml:link, a
 * <sitemapindex> against siteindex.xsd. Returns libxml2's messages; [] means valid.
 */
export async function sitemapSchemaErrors(xml: string): Promise<string[]> {
  const root = /<(urlset|sitemapindex)[\s>/]/.exec(xml)?.[1];
  if (!root) return ['neither <urlset> nor <sitemapindex>'];
  const options =
    root === 'urlset'
      ? {
          schema: [file('urlset.xsd')],
          preload: [file('sitemap.xsd'), file('sitemap-news.xsd'), file('xhtml-link.xsd')],
        }
      : { schema: [file('siteindex.xsd')] };
  const result = await validateXML({ xml: [{ fileName: 'sitemap.xml', contents: xml }], ...options });
  return result.valid ? [] : result.errors.map((error) => error.message);
}
