import fs from 'fs';
import path from 'path';
import { SLUG_REPLACEMENTS } from '../slug';

// The admin's uid generator reads its replacements from each schema's uid `options`; the server reads
// SLUG_REPLACEMENTS. JSON cannot import TypeScript, so this keeps the two lists from drifting apart.
const API_DIR = path.join(__dirname, '..', '..', '..', '..', '..', '..', 'api');

describe('slug replacements', () => {
  test.each(['article', 'author', 'category', 'tag'])('the %s uid uses the same replacements as the server', (type) => {
    const schema = JSON.parse(fs.readFileSync(path.join(API_DIR, type, 'content-types', type, 'schema.json'), 'utf8'));
    expect(schema.attributes.slug.options.customReplacements).toEqual(SLUG_REPLACEMENTS.map(([from, to]) => [from, to]));
    expect(schema.attributes.slug.options.decamelize).toBe(false);
  });
});
