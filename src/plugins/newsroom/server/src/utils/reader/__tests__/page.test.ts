import { renderArticlePage, renderListPage } from '../page';

const shell = { nonce: 'n0nce', publicationName: 'Warta', homeUrl: 'https://w.id/read/id', locale: 'id' };
const page = {
  title: 'Judul',
  locale: 'id',
  url: 'https://w.id/read/id/judul',
  dateline: 'MOSKOW',
  body: [1, 2, 3].map((n) => ({ type: 'paragraph', children: [{ type: 'text', text: `Paragraf ${n}` }] })),
  newsroom: {
    byline: 'Salsabila, Jurnalis - Jumat, 27 Oktober 2023 | 17:33 WIB',
    publishedAtLocal: { dateTime: 'Jumat, 27 Oktober 2023 | 17:33 WIB', iso: '2023-10-27T17:33:00+07:00' },
    updatedAtLocal: null,
    readingTimeLabel: '1 menit baca',
  },
  editor: { name: 'Susi Susanti' },
  alternates: [
    { locale: 'id', url: 'https://w.id/read/id/judul' },
    { locale: 'en', url: 'https://w.id/read/en/title' },
  ],
};
const whatsapp = { url: 'https://whatsapp.com/channel/abc', headline: 'Ikuti Saluran WhatsApp', buttonLabel: 'Ikuti' };

describe('renderArticlePage', () => {
  test.each([
    ['the dateline opens the first paragraph', page, '<p><strong class="dateline">MOSKOW</strong> - Paragraf 1</p>'],
    [
      'the byline date is a <time>',
      page,
      'Salsabila, Jurnalis - <time datetime="2023-10-27T17:33:00+07:00">Jumat, 27 Oktober 2023 | 17:33 WIB</time>',
    ],
    // Visible text, not an aria-label on a <p> (screen readers ignore those).
    ['the editor signs off', page, '<p class="editor">Editor: Susi Susanti</p>'],
    ['the editor signs off in English', { ...page, locale: 'en' }, '<p class="editor">Editor: Susi Susanti</p>'],
    // WCAG 2.5.3: each button's name starts with its visible "A".
    [
      'the font-size buttons say "A" and then their size',
      page,
      '<button type="button" data-size="small" title="Huruf kecil" aria-pressed="false">A<span class="visually-hidden"> (huruf kecil)</span></button>' +
        '<button type="button" data-size="normal" title="Huruf sedang" aria-pressed="true">A<span class="visually-hidden"> (huruf sedang)</span></button>' +
        '<button type="button" data-size="large" title="Huruf besar" aria-pressed="false">A<span class="visually-hidden"> (huruf besar)</span></button>',
    ],
    [
      'English font-size names',
      { ...page, locale: 'en' },
      'A<span class="visually-hidden"> (large text)</span></button>',
    ],
    ['hreflang for each translation', page, '<link rel="alternate" hreflang="en" href="https://w.id/read/en/title">'],
    [
      'x-default is the Indonesian edition',
      page,
      '<link rel="alternate" hreflang="x-default" href="https://w.id/read/id/judul">',
    ],
    [
      'the WhatsApp block after paragraph 2',
      { ...page, whatsappFollow: { ...whatsapp, placement: 'after-paragraph', afterParagraph: 2 } },
      '<p>Paragraf 2</p>\n<aside class="whatsapp"',
    ],
    [
      'the WhatsApp block at the end',
      { ...page, whatsappFollow: { ...whatsapp, placement: 'end', afterParagraph: null } },
      '</div>\n<aside class="whatsapp"',
    ],
    ['the script carries the nonce', page, '<script nonce="n0nce">'],
    ['English labels', { ...page, locale: 'en' }, 'aria-label="Text size"'],
  ])('%s', (_name, view, expected) => {
    expect(renderArticlePage(view as any, shell)).toContain(expected);
  });

  test.each([
    ['draft', 'Pratinjau: draf ini belum terbit'],
    ['published', 'Pratinjau versi terbit.'],
  ])('a preview of the %s version says so and is not indexed', (status, banner) => {
    const html = renderArticlePage({ ...page, status } as any, {
      ...shell,
      preview: { expiresAt: '2024-01-01T00:10:00.000Z', expiresLabel: 'Senin, 1 Januari 2024 | 07:10 WIB' },
    });
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(html).toContain(banner);
    expect(html).toContain('<time datetime="2024-01-01T00:10:00.000Z">Senin, 1 Januari 2024 | 07:10 WIB</time>');
  });

  test('the dateline is not doubled when the body already starts with it', () => {
    const html = renderArticlePage(
      { ...page, body: [{ type: 'paragraph', children: [{ type: 'text', text: 'MOSKOW - Isi' }] }] } as any,
      shell
    );
    expect(html).not.toContain('class="dateline"');
  });
});

describe('renderListPage', () => {
  test('lists the stories, escaped', () => {
    const html = renderListPage(
      {
        locale: 'id',
        heading: 'News & <Co>',
        url: 'https://w.id/read/id/kategori/news',
        items: [{ title: 'A <b>', url: 'https://w.id/read/id/a', datePublished: '2023-10-27T10:33:00.000Z' }],
      },
      shell
    );
    expect(html).toContain('<h1>News &amp; &lt;Co&gt;</h1>');
    expect(html).toContain('<a href="https://w.id/read/id/a">A &lt;b&gt;</a>');
    expect(html).toContain('Jumat, 27 Oktober 2023');
  });

  test('an empty list says so', () => {
    expect(
      renderListPage({ locale: 'en', heading: 'X', url: 'https://w.id/read/en', items: [] }, { ...shell, locale: 'en' })
    ).toContain('No news yet.');
  });
});
