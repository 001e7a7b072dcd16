import { htmlToBlocks } from '../html-to-blocks';

const text = (value: string, marks: Record<string, true> = {}) => ({ type: 'text', text: value, ...marks });
const p = (...children: unknown[]) => ({ type: 'paragraph', children });
const image = (
  url: string,
  caption: string | null = null,
  alt: string | null = null,
  size: [number, number] | null = null
) => ({
  type: 'image',
  image: {
    name: url.split('/').pop(),
    url,
    alternativeText: alt,
    caption,
    width: size?.[0] ?? 0,
    height: size?.[1] ?? 0,
    hash: expect.stringMatching(/^url_[0-9a-f]{8}$/),
    ext: '.' + url.split('.').pop(),
    mime: url.endsWith('.png') ? 'image/png' : 'image/jpeg',
    size: 0,
    provider: 'url',
    createdAt: '1970-01-01T00:00:00.000Z',
    updatedAt: '1970-01-01T00:00:00.000Z',
  },
  children: [text('')],
});

describe('htmlToBlocks', () => {
  describe('classic editor HTML', () => {
    test.each([
      ['blank lines make paragraphs', 'Satu.\n\nDua\nbaris.', [p(text('Satu.')), p(text('Dua\nbaris.'))]],
      [
        '<p> and marks',
        '<p>Ini <strong>tebal</strong> dan <em>miring</em>.</p>',
        [p(text('Ini '), text('tebal', { bold: true }), text(' dan '), text('miring', { italic: true }), text('.'))],
      ],
      ['nested marks', '<p><b><i>x</i></b></p>', [p(text('x', { bold: true, italic: true }))]],
      [
        'u, del, code',
        '<p><u>a</u><del>b</del><code>c</code></p>',
        [p(text('a', { underline: true }), text('b', { strikethrough: true }), text('c', { code: true }))],
      ],
      [
        'links',
        '<p>Lihat <a href="https://x.test/a">ini</a></p>',
        [p(text('Lihat '), { type: 'link', url: 'https://x.test/a', children: [text('ini')] })],
      ],
      [
        'headings',
        '<h2>Judul</h2><h4>Sub</h4>',
        [
          { type: 'heading', level: 2, children: [text('Judul')] },
          { type: 'heading', level: 4, children: [text('Sub')] },
        ],
      ],
      [
        'lists, nested',
        '<ul><li>a</li><li>b<ol><li>c</li></ol></li></ul>',
        [
          {
            type: 'list',
            format: 'unordered',
            children: [
              { type: 'list-item', children: [text('a')] },
              { type: 'list-item', children: [text('b')] },
              {
                type: 'list',
                format: 'ordered',
                indentLevel: 1,
                children: [{ type: 'list-item', children: [text('c')] }],
              },
            ],
          },
        ],
      ],
      [
        'quote with cite',
        '<blockquote><p>Kata</p><cite>Dia</cite></blockquote>',
        [{ type: 'quote', children: [text('Kata\n— Dia')] }],
      ],
      ['pre', '<pre>a  b\n c</pre>', [{ type: 'code', children: [text('a  b\n c')] }]],
      [
        'image inside a paragraph is hoisted',
        '<p>Teks <img src="https://x.test/a.jpg" alt="Alt" width="300" height="200"> lagi</p>',
        [p(text('Teks  lagi')), image('https://x.test/a.jpg', null, 'Alt', [300, 200])],
      ],
      ['entities decoded', '<p>Rock &amp; roll &#8220;ok&#8221;</p>', [p(text('Rock & roll “ok”'))]],
      ['empty paragraphs dropped', '<p> </p><p>&nbsp;</p><p>x</p>', [p(text('x'))]],
      [
        'loose inline content',
        'Halo <a href="/a">dunia</a>\n\n<strong>Baru</strong>',
        [p(text('Halo '), { type: 'link', url: '/a', children: [text('dunia')] }), p(text('Baru', { bold: true }))],
      ],
    ])('%s', (_name, html, blocks) => {
      expect(htmlToBlocks(html).blocks).toEqual(blocks);
    });

    test('[caption] becomes an image with its caption', () => {
      const html =
        '[caption id="attachment_1" align="alignnone" width="300"]<a href="https://x.test/big.jpg"><img src="https://x.test/a.jpg" alt="Alt" width="300" height="200" /></a> Presiden di Istana (Foto: Reuters)[/caption]\n\nSesudahnya.';
      const result = htmlToBlocks(html);
      expect(result.blocks).toEqual([
        image('https://x.test/a.jpg', 'Presiden di Istana (Foto: Reuters)', 'Alt', [300, 200]),
        p(text('Sesudahnya.')),
      ]);
      expect(result.unmapped).toEqual([]);
    });

    test('[gallery] and unknown shortcodes are kept as text and reported', () => {
      const result = htmlToBlocks('Awal\n\n[gallery ids="1,2"]\n\n[contact-form-7 id="3"]');
      expect(result.blocks).toEqual([
        p(text('Awal')),
        p(text('[gallery ids="1,2"]')),
        p(text('[contact-form-7 id="3"]')),
      ]);
      expect(result.unmapped).toEqual([
        { kind: 'shortcode', name: 'gallery', detail: 'kept as text' },
        { kind: 'shortcode', name: 'contact-form-7', detail: 'kept as text' },
      ]);
    });

    test('an empty list is left out and an empty item keeps an empty text', () => {
      expect(htmlToBlocks('<ul></ul><ol><li></li></ol>').blocks).toEqual([
        { type: 'list', format: 'ordered', children: [{ type: 'list-item', children: [text('')] }] },
      ]);
    });

    test.each([
      ['#catatan', undefined, null],
      ['javascript:alert(1)', undefined, null],
      ['ttps://typo.example', undefined, null],
      ['halaman.html', 'https://old.test/2020/', 'https://old.test/2020/halaman.html'],
      ['//cdn.test/a', 'https://old.test/', 'https://cdn.test/a'],
      ['/tentang', undefined, '/tentang'],
      ['mailto:redaksi@old.test', undefined, 'mailto:redaksi@old.test'],
    ])('a link to %j (base %j) becomes %j, else its text', (href, baseUrl, url) => {
      const result = htmlToBlocks(`<p><a href="${href}">teks</a></p>`, { baseUrl });
      expect(result.blocks).toEqual([p(url ? { type: 'link', url, children: [text('teks')] } : text('teks'))]);
      if (!url) expect(result.unmapped[0]).toMatchObject({ kind: 'element', name: 'a' });
    });

    test('tables become paragraphs and are reported', () => {
      const result = htmlToBlocks('<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>');
      expect(result.blocks).toEqual([p(text('A | B', { bold: true })), p(text('1 | 2'))]);
      expect(result.unmapped[0]).toMatchObject({ kind: 'element', name: 'table' });
    });

    test('iframes become links and scripts are dropped, both reported', () => {
      const result = htmlToBlocks('<iframe src="https://www.youtube.com/embed/x"></iframe><script>alert(1)</script>');
      expect(result.blocks).toEqual([
        p({
          type: 'link',
          url: 'https://www.youtube.com/embed/x',
          children: [text('https://www.youtube.com/embed/x')],
        }),
      ]);
      expect(result.unmapped.map((item) => item.name)).toEqual(['iframe', 'script']);
      expect(JSON.stringify(result.blocks)).not.toContain('alert');
    });

    test('links and images are rewritten by the given functions', () => {
      const result = htmlToBlocks(
        '<p><a href="https://old.test/2020/01/01/a/">a</a><img src="https://old.test/wp-content/uploads/x.jpg"></p>',
        {
          rewriteLink: (url) => (url.startsWith('https://old.test/') ? '/read/id/a' : url),
          rewriteImage: (url) => url.replace('https://old.test/wp-content/uploads', 'https://cdn.test'),
        }
      );
      expect(result.blocks).toEqual([
        p({ type: 'link', url: '/read/id/a', children: [text('a')] }),
        image('https://cdn.test/x.jpg'),
      ]);
      expect(result.links).toEqual(['https://old.test/2020/01/01/a/']);
    });
  });

  describe('Gutenberg blocks', () => {
    test.each([
      ['paragraph', '<!-- wp:paragraph -->\n<p>Halo</p>\n<!-- /wp:paragraph -->', [p(text('Halo'))]],
      [
        'heading',
        '<!-- wp:heading {"level":3} -->\n<h3>Judul</h3>\n<!-- /wp:heading -->',
        [{ type: 'heading', level: 3, children: [text('Judul')] }],
      ],
      [
        'list',
        '<!-- wp:list -->\n<ul><!-- wp:list-item --><li>a</li><!-- /wp:list-item --></ul>\n<!-- /wp:list -->',
        [{ type: 'list', format: 'unordered', children: [{ type: 'list-item', children: [text('a')] }] }],
      ],
      [
        'quote',
        '<!-- wp:quote -->\n<blockquote class="wp-block-quote"><!-- wp:paragraph --><p>Q</p><!-- /wp:paragraph --><cite>C</cite></blockquote>\n<!-- /wp:quote -->',
        [{ type: 'quote', children: [text('Q\n— C')] }],
      ],
      [
        'image with caption',
        '<!-- wp:image {"id":5} -->\n<figure class="wp-block-image"><img src="https://x.test/i.jpg" alt="A"/><figcaption>Cap (Foto: AP)</figcaption></figure>\n<!-- /wp:image -->',
        [image('https://x.test/i.jpg', 'Cap (Foto: AP)', 'A')],
      ],
      [
        'gallery',
        '<!-- wp:gallery -->\n<figure class="wp-block-gallery"><!-- wp:image --><figure class="wp-block-image"><img src="https://x.test/1.jpg"/></figure><!-- /wp:image --><!-- wp:image --><figure class="wp-block-image"><img src="https://x.test/2.jpg"/><figcaption>Dua</figcaption></figure><!-- /wp:image --></figure>\n<!-- /wp:gallery -->',
        [image('https://x.test/1.jpg'), image('https://x.test/2.jpg', 'Dua')],
      ],
      [
        'columns flattened',
        '<!-- wp:columns --><div class="wp-block-columns"><!-- wp:column --><div class="wp-block-column"><!-- wp:paragraph --><p>Kiri</p><!-- /wp:paragraph --></div><!-- /wp:column --><!-- wp:column --><div class="wp-block-column"><!-- wp:paragraph --><p>Kanan</p><!-- /wp:paragraph --></div><!-- /wp:column --></div><!-- /wp:columns -->',
        [p(text('Kiri')), p(text('Kanan'))],
      ],
    ])('%s', (_name, html, blocks) => {
      const result = htmlToBlocks(html);
      expect(result.blocks).toEqual(blocks);
      expect(result.unmapped).toEqual([]);
    });

    test('an embed becomes a link to its URL and is reported', () => {
      const html =
        '<!-- wp:embed {"url":"https://www.youtube.com/watch?v=x","type":"video"} -->\n<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">\nhttps://www.youtube.com/watch?v=x\n</div></figure>\n<!-- /wp:embed -->';
      const result = htmlToBlocks(html);
      expect(result.blocks).toEqual([
        p({
          type: 'link',
          url: 'https://www.youtube.com/watch?v=x',
          children: [text('https://www.youtube.com/watch?v=x')],
        }),
      ]);
      expect(result.unmapped).toEqual([
        { kind: 'block', name: 'core/embed', detail: 'kept as a link: https://www.youtube.com/watch?v=x' },
      ]);
    });

    test('layout and unknown blocks are reported, their content kept', () => {
      const result = htmlToBlocks(
        '<!-- wp:spacer {"height":50} --><div style="height:50px" class="wp-block-spacer"></div><!-- /wp:spacer --><!-- wp:acme/card --><div><p>Isi</p></div><!-- /wp:acme/card -->'
      );
      expect(result.blocks).toEqual([p(text('Isi'))]);
      expect(result.unmapped).toEqual([
        { kind: 'block', name: 'core/spacer', detail: 'layout only, nothing carried over' },
        { kind: 'block', name: 'acme/card', detail: 'content kept' },
      ]);
    });

    test('a text between blocks is not lost', () => {
      expect(htmlToBlocks('<!-- wp:paragraph --><p>a</p><!-- /wp:paragraph -->\nloose <b>b</b>').blocks).toEqual([
        p(text('a')),
        p(text('loose '), text('b', { bold: true })),
      ]);
    });
  });
});
