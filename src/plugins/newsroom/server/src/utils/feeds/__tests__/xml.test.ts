import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { escapeXml, renderNewsSitemap, renderRss, renderSitemapIndex, renderUrlset, rfc822 } from '../xml';

describe('escapeXml', () => {
  test.each([
    ['A & B', 'A &amp; B'],
    ['<tag attr="x">', '&lt;tag attr=&quot;x&quot;&gt;'],
    ["Jum'at", 'Jum&apos;at'],
    ['vertical\u000Btab and bell\u0007', 'verticaltab and bell'],
    ['tab\tand newline\n stay', 'tab\tand newline\n stay'],
    [null, ''],
  ])('%p gives %p', (input, expected) => {
    expect(escapeXml(input)).toBe(expected);
  });
});

describe('rfc822', () => {
  test.each([
    ['2023-10-27T10:33:00.000Z', 'Fri, 27 Oct 2023 10:33:00 GMT'],
    ['2024-01-01T00:00:00+07:00', 'Sun, 31 Dec 2023 17:00:00 GMT'],
  ])('%p gives %p', (input, expected) => {
    expect(rfc822(new Date(input))).toBe(expected);
  });
});

describe('renderers', () => {
  const hostile = 'Banjir <Jakarta> & "Bekasi" \u0008';
  test.each([
    [
      'urlset',
      () =>
        renderUrlset([
          {
            loc: 'https://w.id/read/id/a?x=1&y=2',
            lastmod: '2023-10-27T10:33:00.000Z',
            alternates: [{ hreflang: 'en', href: 'https://w.id/read/en/a' }],
          },
        ]),
    ],
    ['sitemap index', () => renderSitemapIndex([{ loc: 'https://w.id/sitemaps/id/articles-1.xml', lastmod: null }])],
    [
      'news sitemap',
      () =>
        renderNewsSitemap([
          {
            loc: 'https://w.id/read/id/a',
            publicationName: 'Warta & Co',
            language: 'id',
            publicationDate: '2023-10-27T17:33:00+07:00',
            title: hostile,
          },
        ]),
    ],
    [
      'rss',
      () =>
        renderRss({
          title: hostile,
          link: 'https://w.id',
          selfUrl: 'https://w.id/rss/id.xml',
          description: hostile,
          language: 'id-ID',
          lastBuildDate: new Date(0),
          items: [
            {
              title: hostile,
              link: 'https://w.id/a',
              pubDate: new Date(0),
              description: hostile,
              creators: [hostile],
              categories: [hostile],
              image: { url: 'https://w.id/a.jpg?x=1&y=2', type: 'image/jpeg', width: 10, height: 5 },
            },
          ],
        }),
    ],
    [
      'empty rss',
      () =>
        renderRss({
          title: 'W',
          link: 'https://w.id',
          selfUrl: 'https://w.id/rss/id.xml',
          description: 'd',
          language: 'id-ID',
          lastBuildDate: new Date(0),
          items: [],
        }),
    ],
  ])('%s is valid XML', (_name, render) => {
    const xml = render();
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  });

  test('text survives the round trip', () => {
    const xml = renderNewsSitemap([
      {
        loc: 'https://w.id/a',
        publicationName: 'Warta & Co',
        language: 'id',
        publicationDate: 'x',
        title: 'A <b> & "c"',
      },
    ]);
    const parsed = new XMLParser().parse(xml);
    expect(parsed.urlset.url['news:news']['news:title']).toBe('A <b> & "c"');
    expect(parsed.urlset.url['news:news']['news:publication']['news:name']).toBe('Warta & Co');
  });
});

describe('empty sitemaps', () => {
  const front = [{ loc: 'https://w.id/read/id' }, { loc: 'https://w.id/read/en' }];
  const locs = (xml: string) => [].concat(new XMLParser().parse(xml).urlset.url).map((url: any) => url.loc);

  test.each([
    ['news sitemap with no news', () => renderNewsSitemap([], front)],
    ['urlset with no rows', () => renderUrlset([], front)],
  ])('a %s lists the fallback front pages as plain URLs', (_name, render) => {
    const xml = render();
    expect(locs(xml)).toEqual(['https://w.id/read/id', 'https://w.id/read/en']);
    expect(xml).not.toContain('<news:news>');
  });

  test('the fallback is not used when there is something to list', () => {
    const xml = renderNewsSitemap(
      [
        {
          loc: 'https://w.id/read/id/a',
          publicationName: 'W',
          language: 'id',
          publicationDate: '2023-10-27',
          title: 'A',
        },
      ],
      front
    );
    expect(locs(xml)).toEqual(['https://w.id/read/id/a']);
  });

  test('refuses to render an empty urlset', () => {
    expect(() => renderUrlset([])).toThrow('at least one URL');
    expect(() => renderNewsSitemap([])).toThrow('at least one URL');
  });
});
