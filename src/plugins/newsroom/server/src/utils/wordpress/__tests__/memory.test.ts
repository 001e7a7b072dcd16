import v8 from 'v8';
import vm from 'vm';
import { htmlToBlocks } from '../html-to-blocks';
import type { Unmapped } from '../blocks-types';
import { readWxr, type WxrItem } from '../wxr';

v8.setFlagsFromString('--expose-gc');
const collect = vm.runInNewContext('gc') as () => void;
const liveHeap = () => {
  collect();
  return v8.getHeapStatistics().used_heap_size;
};

const HEAD = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:wp="https://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Situs</title><wp:wxr_version>1.2</wp:wxr_version>`;
const ITEMS = 300;
const BODY = 'Isi berita yang panjang. '.repeat(2600);

/** One item per chunk, each ~64 KB like a file stream's: its slug and title are what an import keeps. */
async function* chunks() {
  yield HEAD;
  for (let n = 1; n <= ITEMS; n += 1) {
    yield (
      `<item><title>Judul berita nomor ${n} hari ini</title><wp:post_id>${n}</wp:post_id>` +
      `<wp:post_name>berita-nomor-${n}-hari-ini</wp:post_name><wp:post_type>post</wp:post_type>` +
      `<content:encoded><![CDATA[<p>${BODY} ${n}</p>]]></content:encoded></item>`
    );
  }
  yield '</channel></rss>';
}

describe('what an import keeps does not hold the export in memory', () => {
  test("what a caller keeps of a record (slug, title) does not hold the record's chunk of the file alive", async () => {
    const before = liveHeap();
    const kept: { slug: string; title: string }[] = [];
    for await (const record of readWxr(chunks())) {
      if (record.kind === 'item') kept.push({ slug: (record as WxrItem).slug, title: (record as WxrItem).title });
    }
    const grown = liveHeap() - before;
    expect(kept).toHaveLength(ITEMS);
    expect(kept[ITEMS - 1]).toEqual({
      slug: `berita-nomor-${ITEMS}-hari-ini`,
      title: `Judul berita nomor ${ITEMS} hari ini`,
    });
    // 300 chunks of 65 KB passed through (19 MB); what is kept is 300 short strings (~30 KB). Holding
    // the chunks would keep all 19 MB.
    expect(BODY.length * ITEMS).toBeGreaterThan(19_000_000);
    expect(grown).toBeLessThan(3_000_000);
  });

  test("what the report keeps of a post's unmapped markup does not hold the post's content alive", () => {
    const before = liveHeap();
    const kept: Unmapped[][] = [];
    for (let n = 1; n <= ITEMS; n += 1) {
      // Built afresh each time, as each post's content is read from the export.
      const content = `<!-- wp:site-tagline-panjang {"n":${n}} /-->\n<p>${BODY} ${n}</p>`;
      kept.push(htmlToBlocks(content).unmapped);
    }
    const grown = liveHeap() - before;
    expect(kept[ITEMS - 1]).toEqual([expect.objectContaining({ kind: 'block', name: 'core/site-tagline-panjang' })]);
    expect(grown).toBeLessThan(3_000_000);
  });
});
