import fs from 'fs';
import path from 'path';
// The content-manager's own slugifier (a dependency of @strapi/content-manager), used by any path that
// reaches the schema's uid options without Warta's generator (services/extensions/content-manager-uid.ts).
import sindresorhusSlugify from '@sindresorhus/slugify';
import { SLUG_REPLACEMENTS, slugifyTitle } from '../slug';

// The admin's uid generator reads its replacements from each schema's uid `options`; the server reads
// SLUG_REPLACEMENTS. JSON cannot import TypeScript, so this keeps the two lists from drifting apart.
const API_DIR = path.join(__dirname, '..', '..', '..', '..', '..', '..', '..', 'api');
const TYPES = ['article', 'author', 'category', 'tag'];
const uidOptions = (type: string) =>
  JSON.parse(fs.readFileSync(path.join(API_DIR, type, 'content-types', type, 'schema.json'), 'utf8')).attributes.slug
    .options;

describe('slug replacements', () => {
  test.each(TYPES)('the %s uid uses the same replacements as the server', (type) => {
    const options = uidOptions(type);
    expect(options.customReplacements).toEqual(SLUG_REPLACEMENTS.map(([from, to]) => [from, to]));
    expect(options.decamelize).toBe(false);
  });

  // Only the reordering of a currency and its number ($100 -> 100-dolar) needs Warta's generator; a
  // symbol on its own comes out the same from the content-manager's slugifier with the schema options.
  test.each(SLUG_REPLACEMENTS.map(([symbol]) => symbol))(
    '@sindresorhus/slugify spells %p as the server does',
    (symbol) => {
      const title = `Kata ${symbol} Lain`;
      expect(sindresorhusSlugify(title, uidOptions('article'))).toBe(slugifyTitle(title));
    }
  );
});
