import { renderAuthorPage, type AuthorPageView } from '../author-page';

const first = 'https://w.id/read/id/penulis/salsabila';
const view = (page: number, pages: number, extra: Partial<AuthorPageView> = {}): AuthorPageView => ({
  locale: 'id',
  name: 'Salsabila <b>',
  role: 'Jurnalis',
  url: page > 1 ? `${first}?page=${page}` : first,
  pageUrl: (n) => (n > 1 ? `${first}?page=${n}` : first),
  page,
  pages,
  items: [
    {
      title: 'Banjir & "Surut"',
      url: 'https://w.id/read/id/banjir',
      datePublished: '2023-10-27T10:33:00.000Z',
      timezone: 'WIB',
    },
  ],
  alternates: [
    { locale: 'id', url: first },
    { locale: 'en', url: 'https://w.id/read/en/penulis/salsabila' },
  ],
  ...extra,
});
const shell = { nonce: 'n', publicationName: 'Warta', homeUrl: 'https://w.id/read/id', locale: 'id' };

describe('renderAuthorPage', () => {
  test.each([
    [
      'a single page has no pager and keeps its hreflang alternates',
      view(1, 1),
      ['<link rel="alternate" hreflang="en"', `<link rel="canonical" href="${first}">`],
      ['rel="next"', 'rel="prev"', 'Halaman 1'],
    ],
    [
      'the first of three links the next page only',
      view(1, 3),
      [`<link rel="next" href="${first}?page=2">`, 'Halaman 1 dari 3'],
      ['rel="prev"'],
    ],
    [
      'a middle page links both ways, is its own canonical and has no hreflang',
      view(2, 3),
      [
        `<link rel="canonical" href="${first}?page=2">`,
        `<link rel="prev" href="${first}">`,
        `<link rel="next" href="${first}?page=3">`,
        '<title>Salsabila &lt;b&gt; (Halaman 2 dari 3) | Warta</title>',
      ],
      ['<link rel="alternate" hreflang="en"'],
    ],
    ['the last page links back only', view(3, 3), [`<link rel="prev" href="${first}?page=2">`], ['rel="next"']],
    [
      'no stories says so',
      view(1, 1, { items: [] }),
      ['Belum ada berita terbit dari penulis ini dalam bahasa ini.'],
      ['<h3>'],
    ],
    [
      'only https profile links are shown',
      view(1, 1, {
        socialLinks: [
          { platform: 'tiktok', url: 'https://tiktok.com/@s' },
          { platform: 'website', url: 'javascript:alert(1)' },
          { platform: 'website', url: 'https://s.id' },
        ],
      }),
      [
        '<a href="https://tiktok.com/@s" rel="me noopener">TikTok</a>',
        '<a href="https://s.id" rel="me noopener">Situs web</a>',
      ],
      ['javascript:'],
    ],
  ])('%s', (_name, input, contains, lacks) => {
    const html = renderAuthorPage(input, shell);
    for (const text of contains) expect(html).toContain(text);
    for (const text of lacks) expect(html).not.toContain(text);
    if (input.items.length)
      expect(html).toContain('<h3><a href="https://w.id/read/id/banjir">Banjir &amp; &quot;Surut&quot;</a></h3>');
  });
});
