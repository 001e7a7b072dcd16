import { blocksToHtml, escapeHtml, linkNames, safeUrl } from '../html';

describe('escapeHtml', () => {
  test.each([
    ['<script>alert("x")</script>', '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'],
    ["Jum'at & Sabtu", 'Jum&#39;at &amp; Sabtu'],
    [null, ''],
    [undefined, ''],
    [42, '42'],
  ])('%p gives %p', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });
});

describe('safeUrl', () => {
  test.each([
    ['https://warta.example/a', 'https://warta.example/a'],
    ['http://contoh.id', 'http://contoh.id'],
    ['mailto:redaksi@warta.example', 'mailto:redaksi@warta.example'],
    ['/read/id/x', '/read/id/x'],
    ['#isi', '#isi'],
    ['//evil.example/x', null],
    ['javascript:alert(1)', null],
    [' JavaScript:alert(1)', null],
    ['data:text/html,<b>', null],
    ['vbscript:msgbox', null],
    ['', null],
    [null, null],
  ])('%p gives %p', (input, expected) => {
    expect(safeUrl(input)).toBe(expected);
  });
});

describe('blocksToHtml', () => {
  const text = (value: string, marks: Record<string, boolean> = {}) => ({ type: 'text', text: value, ...marks });
  test.each([
    ['a paragraph', [{ type: 'paragraph', children: [text('Halo <dunia>')] }], '<p>Halo &lt;dunia&gt;</p>'],
    [
      'marks',
      [{ type: 'paragraph', children: [text('tebal', { bold: true }), text(' miring', { italic: true })] }],
      '<p><strong>tebal</strong><em> miring</em></p>',
    ],
    ['a heading 1 becomes h2', [{ type: 'heading', level: 1, children: [text('Judul')] }], '<h2>Judul</h2>'],
    ['a heading 3', [{ type: 'heading', level: 3, children: [text('Sub')] }], '<h3>Sub</h3>'],
    [
      'an ordered list',
      [{ type: 'list', format: 'ordered', children: [{ type: 'list-item', children: [text('satu')] }] }],
      '<ol><li>satu</li></ol>',
    ],
    [
      'a quote',
      [{ type: 'quote', children: [text('"Kutipan"')] }],
      '<blockquote><p>&quot;Kutipan&quot;</p></blockquote>',
    ],
    ['code', [{ type: 'code', children: [text('<b>')] }], '<pre><code>&lt;b&gt;</code></pre>'],
    [
      'a safe link',
      [{ type: 'paragraph', children: [{ type: 'link', url: 'https://a.id/?x=1&y=2', children: [text('tautan')] }] }],
      '<p><a href="https://a.id/?x=1&amp;y=2" rel="noopener">tautan</a></p>',
    ],
    [
      'an unsafe link keeps only its text',
      [{ type: 'paragraph', children: [{ type: 'link', url: 'javascript:alert(1)', children: [text('klik')] }] }],
      '<p>klik</p>',
    ],
    [
      'an image',
      [{ type: 'image', image: { url: '/uploads/a.jpg', alternativeText: 'A "b"', width: 10, height: 5 } }],
      '<figure><img src="/uploads/a.jpg" alt="A &quot;b&quot;" width="10" height="5" loading="lazy"></figure>',
    ],
    ['an empty paragraph is dropped', [{ type: 'paragraph', children: [text('  ')] }], ''],
    ['unknown blocks are dropped', [{ type: 'iframe', src: 'x' }], ''],
  ])('%s', (_name, blocks, expected) => {
    expect(
      blocksToHtml(blocks)
        .map((block) => block.html)
        .join('')
    ).toBe(expected);
  });

  test('not an array gives nothing', () => {
    expect(blocksToHtml('<p>x</p>')).toEqual([]);
  });
});

describe('linkNames', () => {
  const a = { name: 'Andi Wijaya', url: 'https://w.id/read/id/penulis/andi-wijaya' };
  const b = { name: 'Budi & Sons', url: 'https://w.id/read/id/penulis/budi-dan-sons' };
  const link = (p: { name: string; url: string }) =>
    `<a href="${p.url}" rel="author">${p.name.replace('&', '&amp;')}</a>`;
  test.each([
    ['one author', 'Andi Wijaya, Jurnalis - ', [a], `${link(a)}, Jurnalis - `],
    [
      'two authors in order',
      'Andi Wijaya dan Budi & Sons, Kontributor - ',
      [a, b],
      `${link(a)} dan ${link(b)}, Kontributor - `,
    ],
    ['a name not in the text stays out', 'Andi Wijaya - ', [b, a], `${link(a)} - `],
    ['a person without a page is plain text', 'Andi Wijaya - ', [{ name: 'Andi Wijaya', url: null }], 'Andi Wijaya - '],
    ['the rest of the text is escaped', '<b>Andi Wijaya</b>', [a], `&lt;b&gt;${link(a)}&lt;/b&gt;`],
    [
      'a name that contains markup is escaped inside its link',
      'Oleh <i>X</i>',
      [{ name: '<i>X</i>', url: 'https://w.id/p?a=1&b=2' }],
      'Oleh <a href="https://w.id/p?a=1&amp;b=2" rel="author">&lt;i&gt;X&lt;/i&gt;</a>',
    ],
  ])('%s', (_name, text, people, expected) => {
    expect(linkNames(text, people)).toBe(expected);
  });
});
