import { buildNewsArticleJsonLd, serializeJsonLd } from '../json-ld';

const base = {
  url: 'https://w.id/read/id/a',
  headline: 'Judul',
  images: ['https://w.id/uploads/a.jpg'],
  datePublished: '2023-10-27T17:33:00+07:00',
  dateModified: null,
  authors: [{ name: 'Salsabila Fitirah Puteri', jobTitle: 'Jurnalis' }],
  publisher: { name: 'Warta', url: 'https://w.id/read/id', logoUrl: 'https://w.id/logo.png' },
  inLanguage: 'id',
};

describe('buildNewsArticleJsonLd', () => {
  test.each([
    ['dateModified falls back to datePublished', base, { dateModified: '2023-10-27T17:33:00+07:00' }],
    ['an update keeps its own date', { ...base, dateModified: '2023-10-28T08:00:00+07:00' }, { dateModified: '2023-10-28T08:00:00+07:00' }],
    ['authors are Persons', base, { author: [{ '@type': 'Person', name: 'Salsabila Fitirah Puteri', jobTitle: 'Jurnalis' }] }],
    ['no author credits the newsroom', { ...base, authors: [] }, { author: [{ '@type': 'Organization', name: 'Warta' }] }],
    ['publisher with logo', base, { publisher: { '@type': 'NewsMediaOrganization', name: 'Warta', logo: { '@type': 'ImageObject', url: 'https://w.id/logo.png' } } }],
    ['image list', base, { image: ['https://w.id/uploads/a.jpg'] }],
    ['section and keywords', { ...base, section: 'Internasional', keywords: ['Korea Utara'] }, { articleSection: 'Internasional', keywords: ['Korea Utara'] }],
  ])('%s', (_name, input, expected) => {
    expect(buildNewsArticleJsonLd(input)).toMatchObject({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Judul', ...expected });
  });

  test('leaves out what is unknown', () => {
    const jsonLd = buildNewsArticleJsonLd({ ...base, images: [], datePublished: null, publisher: { name: 'Warta', url: 'https://w.id' } });
    expect(jsonLd).not.toHaveProperty('image');
    expect(jsonLd).not.toHaveProperty('datePublished');
    expect(jsonLd).not.toHaveProperty('dateModified');
    expect(jsonLd.publisher).not.toHaveProperty('logo');
  });
});

describe('serializeJsonLd', () => {
  test.each([
    ['</script><script>alert(1)</script>'],
    ['A & B <!-- c -->'],
    ['line\u2028separator'],
  ])('%p cannot end the script element and parses back', (headline) => {
    const out = serializeJsonLd({ headline });
    expect(out).not.toMatch(/[<>]/);
    expect(out).not.toContain('\u2028');
    expect(JSON.parse(out).headline).toBe(headline);
  });
});
