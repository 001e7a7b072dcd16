import { buildNewsArticleJsonLd, buildProfilePageJsonLd, serializeJsonLd } from '../json-ld';

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
    [
      'an update keeps its own date',
      { ...base, dateModified: '2023-10-28T08:00:00+07:00' },
      { dateModified: '2023-10-28T08:00:00+07:00' },
    ],
    [
      'authors are Persons',
      base,
      { author: [{ '@type': 'Person', name: 'Salsabila Fitirah Puteri', jobTitle: 'Jurnalis' }] },
    ],
    [
      'no author credits the newsroom',
      { ...base, authors: [] },
      { author: [{ '@type': 'Organization', name: 'Warta' }] },
    ],
    [
      'publisher with logo',
      base,
      {
        publisher: {
          '@type': 'NewsMediaOrganization',
          name: 'Warta',
          logo: { '@type': 'ImageObject', url: 'https://w.id/logo.png' },
        },
      },
    ],
    [
      'logo with its size',
      { ...base, publisher: { ...base.publisher, logoWidth: 512, logoHeight: 512 } },
      { publisher: { logo: { '@type': 'ImageObject', url: 'https://w.id/logo.png', width: 512, height: 512 } } },
    ],
    [
      'author and editor pages',
      {
        ...base,
        authors: [{ name: 'A', url: 'https://w.id/read/id/penulis/a' }],
        editor: { name: 'E', url: 'https://w.id/read/id/penulis/e' },
      },
      {
        author: [{ '@type': 'Person', name: 'A', url: 'https://w.id/read/id/penulis/a' }],
        editor: { '@type': 'Person', name: 'E', url: 'https://w.id/read/id/penulis/e' },
      },
    ],
    ['image list', base, { image: ['https://w.id/uploads/a.jpg'] }],
    [
      'section and keywords',
      { ...base, section: 'Internasional', keywords: ['Korea Utara'] },
      { articleSection: 'Internasional', keywords: ['Korea Utara'] },
    ],
  ])('%s', (_name, input, expected) => {
    expect(buildNewsArticleJsonLd(input)).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Judul',
      ...expected,
    });
  });

  test('leaves out what is unknown', () => {
    const jsonLd = buildNewsArticleJsonLd({
      ...base,
      images: [],
      datePublished: null,
      publisher: { name: 'Warta', url: 'https://w.id' },
    });
    expect(jsonLd).not.toHaveProperty('image');
    expect(jsonLd).not.toHaveProperty('datePublished');
    expect(jsonLd).not.toHaveProperty('dateModified');
    expect(jsonLd.publisher).not.toHaveProperty('logo');
  });
});

describe('serializeJsonLd', () => {
  test.each([['</script><script>alert(1)</script>'], ['A & B <!-- c -->'], ['line\u2028separator']])(
    '%p cannot end the script element and parses back',
    (headline) => {
      const out = serializeJsonLd({ headline });
      expect(out).not.toMatch(/[<>]/);
      expect(out).not.toContain('\u2028');
      expect(JSON.parse(out).headline).toBe(headline);
    }
  );
});

describe('buildProfilePageJsonLd', () => {
  test('is a ProfilePage about the Person, with what is known', () => {
    expect(
      buildProfilePageJsonLd({
        name: 'Salsabila',
        url: 'https://w.id/read/id/penulis/salsabila',
        jobTitle: 'Jurnalis',
        sameAs: ['https://x.com/s'],
        description: 'Bio',
        imageUrl: 'https://w.id/uploads/s.jpg',
        inLanguage: 'id',
      })
    ).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ProfilePage',
      url: 'https://w.id/read/id/penulis/salsabila',
      inLanguage: 'id',
      mainEntity: {
        '@type': 'Person',
        name: 'Salsabila',
        url: 'https://w.id/read/id/penulis/salsabila',
        jobTitle: 'Jurnalis',
        sameAs: ['https://x.com/s'],
        description: 'Bio',
        image: 'https://w.id/uploads/s.jpg',
      },
    });
    expect(buildProfilePageJsonLd({ name: 'S', inLanguage: 'en' }).mainEntity).toEqual({
      '@type': 'Person',
      name: 'S',
    });
  });
});

describe('buildNewsArticleJsonLd corrections and sponsor (issue 16)', () => {
  test('each Ralat or Koreksi is a CorrectionComment; a sponsor an Organization; none leaves both out', () => {
    const jsonLd = buildNewsArticleJsonLd({
      ...base,
      corrections: [{ text: 'Yang benar 1 juta butir.', datePublished: '2023-10-27T18:05:00+07:00' }],
      sponsor: { name: 'Bank Sejahtera', url: 'https://bank.example' },
    });
    expect(jsonLd.correction).toEqual([
      { '@type': 'CorrectionComment', text: 'Yang benar 1 juta butir.', datePublished: '2023-10-27T18:05:00+07:00' },
    ]);
    expect(jsonLd.sponsor).toEqual({ '@type': 'Organization', name: 'Bank Sejahtera', url: 'https://bank.example' });
    const plain = buildNewsArticleJsonLd({ ...base, corrections: [], sponsor: null });
    expect(plain).not.toHaveProperty('correction');
    expect(plain).not.toHaveProperty('sponsor');
  });
});
