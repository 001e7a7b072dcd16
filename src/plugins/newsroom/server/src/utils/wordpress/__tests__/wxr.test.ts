import { readWxr, type WxrRecord } from '../wxr';

const WP = 'https://wordpress.org/export/1.2/';
const wxr = (items: string, ns = WP) =>
  `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:wp="${ns}" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:excerpt="https://wordpress.org/export/1.2/excerpt/">
<channel><title>Situs</title><link>https://old.test</link><wp:wxr_version>1.2</wp:wxr_version><wp:base_blog_url>https://old.test</wp:base_blog_url>
<wp:author><wp:author_login><![CDATA[susi]]></wp:author_login><wp:author_email>susi@old.test</wp:author_email><wp:author_display_name><![CDATA[Susi Susanti]]></wp:author_display_name></wp:author>
<wp:category><wp:term_id>3</wp:term_id><wp:category_nicename>metro</wp:category_nicename><wp:category_parent>news</wp:category_parent><wp:cat_name><![CDATA[Metro]]></wp:cat_name></wp:category>
${items}</channel></rss>`;
const item = `<item><title>Banjir &amp; macet</title><link>https://old.test/2023/10/27/banjir/</link><dc:creator>susi</dc:creator>
<content:encoded><![CDATA[<p>Isi</p>]]></content:encoded><excerpt:encoded><![CDATA[Ringkas]]></excerpt:encoded>
<wp:post_id>12</wp:post_id><wp:post_date>2023-10-27 18:05:00</wp:post_date><wp:post_date_gmt>2023-10-27 11:05:00</wp:post_date_gmt>
<wp:post_name>banjir</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type><wp:is_sticky>1</wp:is_sticky>
<category domain="category" nicename="metro"><![CDATA[Metro]]></category>
<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>99</wp:meta_value></wp:postmeta></item>`;

async function read(text: string | Buffer, chunk = 7): Promise<{ records: WxrRecord[]; error: string | null }> {
  const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text);
  async function* chunks() {
    // Small chunks: records and characters cut across chunk boundaries must survive.
    for (let at = 0; at < bytes.length; at += chunk) yield bytes.subarray(at, at + chunk);
  }
  const records: WxrRecord[] = [];
  try {
    for await (const record of readWxr(chunks())) records.push(record);
    return { records, error: null };
  } catch (error) {
    return { records, error: (error as Error).message };
  }
}

describe('readWxr', () => {
  test('reads the site, authors, categories and items, in small chunks', async () => {
    const { records, error } = await read(wxr(item));
    expect(error).toBeNull();
    expect(records.map((record) => record.kind)).toEqual(['author', 'category', 'site', 'item']);
    expect(records[2]).toMatchObject({ kind: 'site', version: '1.2', title: 'Situs', baseBlogUrl: 'https://old.test' });
    expect(records[0]).toMatchObject({ login: 'susi', email: 'susi@old.test', displayName: 'Susi Susanti' });
    expect(records[1]).toMatchObject({ termId: 3, slug: 'metro', parent: 'news', name: 'Metro' });
    expect(records[3]).toMatchObject({
      title: 'Banjir & macet',
      postId: 12,
      slug: 'banjir',
      status: 'publish',
      type: 'post',
      sticky: true,
      creators: ['susi'],
      content: '<p>Isi</p>',
      excerpt: 'Ringkas',
      terms: [{ domain: 'category', slug: 'metro', name: 'Metro' }],
      meta: { _thumbnail_id: '99' },
    });
  });

  test.each([
    ['not XML', 'hello', /Text data outside of root node|root/],
    ['empty', '', /^the file is empty or has no XML element$/],
    ['not rss', '<feed xmlns:wp="https://wordpress.org/export/1.2/"></feed>', /^root element is <feed>, not <rss>$/],
    ['plain RSS', '<rss><channel></channel></rss>', /^no WordPress export namespace/],
    ['unknown version', wxr('', 'https://wordpress.org/export/2.0/'), /^unknown WXR version 2\.0/],
    ['wp bound to another namespace', wxr(item, 'https://evil.test/export/1.2/'), /^no WordPress export namespace/],
    ['truncated', wxr(item).slice(0, wxr(item).indexOf('<wp:post_name>')), /./],
  ])('%s: an error naming the problem', async (_name, text, message) => {
    const { error } = await read(text);
    expect(error).toMatch(message);
  });

  test('a truncated file yields what came before the cut', async () => {
    const text = wxr(item + item.replace('<wp:post_id>12', '<wp:post_id>13'));
    const { records, error } = await read(text.slice(0, text.lastIndexOf('<wp:post_name>')));
    expect(error).not.toBeNull();
    expect(
      records.filter((record) => record.kind === 'item').map((record) => (record as { postId: number }).postId)
    ).toEqual([12]);
  });

  test('an item with bytes that are not UTF-8 is a problem with its line, the next item read', async () => {
    const text = wxr(item + item.replace('<wp:post_id>12', '<wp:post_id>13'));
    const at = text.indexOf('macet') + 2;
    const bytes = Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from([0xff]), Buffer.from(text.slice(at))]);
    const { records, error } = await read(bytes);
    expect(error).toBeNull();
    expect(records.filter((record) => record.kind === 'problem')).toEqual([
      {
        kind: 'problem',
        line: 6,
        item: expect.stringMatching(/^post 12 /),
        message: expect.stringMatching(/invalid UTF-8/),
      },
    ]);
    expect(
      records.filter((record) => record.kind === 'item').map((record) => (record as { postId: number }).postId)
    ).toEqual([13]);
  });

  test.each([1, 2, 3, 7])(
    'a byte order mark and a character cut between chunks of %i bytes read as the text they are',
    async (chunk) => {
      const text = wxr(item.replace('Banjir &amp; macet', 'Banjir “Jakarta” — café'));
      const { records, error } = await read(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), chunk);
      expect(error).toBeNull();
      expect(records.find((record) => record.kind === 'item')).toMatchObject({ title: 'Banjir “Jakarta” — café' });
    }
  );
});
