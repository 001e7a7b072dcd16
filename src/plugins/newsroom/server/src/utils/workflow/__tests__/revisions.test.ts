import { activityCsv, csvCell } from '../activity';
import { blocksText, compareSnapshots, restoreData, snapshotOf, type FieldPlan } from '../revisions';

const plan: FieldPlan = {
  body: 'blocks',
  category: 'relation-one',
  tags: 'relation-many',
  cover: 'relation-one',
  whatsappFollowOverride: 'component',
};
const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });

describe('revisions', () => {
  describe('snapshotOf', () => {
    test('keeps content, relations as documentIds, components without ids, and drops what Strapi owns', () => {
      const row = {
        id: 7,
        documentId: 'abc',
        locale: 'id',
        createdAt: new Date('2026-12-01T03:00:00Z'),
        updatedAt: new Date(),
        publishedAt: null,
        title: 'Gempa',
        datePublished: new Date('2026-12-01T03:00:00Z'),
        category: { id: 3, documentId: 'cat1' },
        tags: [
          { id: 1, documentId: 't1' },
          { id: 2, documentId: 't2' },
        ],
        cover: null,
        whatsappFollowOverride: { id: 9, mode: 'off', nested: [{ id: 1, label: 'x' }] },
      };
      expect(snapshotOf(row, plan)).toEqual({
        title: 'Gempa',
        datePublished: '2026-12-01T03:00:00.000Z',
        category: 'cat1',
        tags: ['t1', 't2'],
        cover: null,
        whatsappFollowOverride: { mode: 'off', nested: [{ label: 'x' }] },
      });
    });
  });

  describe('blocksText', () => {
    test.each([
      [[paragraph('Satu.'), paragraph('Dua.')], 'Satu.\nDua.'],
      [
        [
          {
            type: 'list',
            children: [
              {
                type: 'list-item',
                children: [
                  { type: 'text', text: 'a' },
                  { type: 'text', text: 'b' },
                ],
              },
            ],
          },
        ],
        'ab',
      ],
      [null, ''],
      ['teks', 'teks'],
    ])('%j -> %j', (blocks, text) => {
      expect(blocksText(blocks)).toBe(text);
    });
  });

  describe('compareSnapshots', () => {
    test('lists only changed fields, with word diffs for text and blocks', () => {
      const changes = compareSnapshots(
        { title: 'Banjir di Bekasi', lead: 'sama', body: [paragraph('Air naik 30 cm.')], tags: ['t1'] },
        { title: 'Banjir di Bekasi Meluas', lead: 'sama', body: [paragraph('Air naik 50 cm.')], tags: ['t1', 't2'] },
        plan
      );
      expect(changes.map((change) => change.field)).toEqual(['body', 'tags', 'title']);
      const body = changes[0].text!;
      expect(body.filter((part) => part.removed).map((part) => part.value)).toEqual(['30']);
      expect(body.filter((part) => part.added).map((part) => part.value)).toEqual(['50']);
      expect(changes[1]).toEqual({ field: 'tags', before: ['t1'], after: ['t1', 't2'] });
      expect(changes[2].text!.filter((part) => part.added).map((part) => part.value.trim())).toEqual(['Meluas']);
    });

    test('a field that appeared or went counts as changed; null and missing are the same', () => {
      expect(compareSnapshots({ lead: null }, {}, plan)).toEqual([]);
      expect(compareSnapshots({}, { dateline: 'MOSKOW' }, plan).map((change) => change.field)).toEqual(['dateline']);
    });
  });

  describe('restoreData', () => {
    test('sets relations by documentId and leaves the kept fields alone', () => {
      expect(
        restoreData({ title: 'Lama', category: 'cat1', tags: ['t1'], cover: null, editorialStage: 'ready' }, plan, [
          'editorialStage',
        ])
      ).toEqual({
        title: 'Lama',
        category: { set: [{ documentId: 'cat1' }] },
        tags: { set: [{ documentId: 't1' }] },
        cover: { set: [] },
      });
    });
  });
});

describe('activity CSV', () => {
  test.each([
    ['biasa', 'biasa'],
    ['koma, di sini', '"koma, di sini"'],
    ['kutip "ini"', '"kutip ""ini"""'],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    [null, ''],
    [42, '42'],
  ])('cell %j -> %s', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  test('a header row, one line per entry, CRLF, with a BOM for spreadsheets', () => {
    const csv = activityCsv([
      {
        id: 1,
        documentId: 'abc',
        locale: 'id',
        action: 'return',
        fromStage: 'review',
        toStage: 'draft',
        note: 'Tambah narasumber, tolong',
        actor: { kind: 'admin', id: 2, name: 'Rina' },
        at: '2026-12-02T03:07:00.000Z',
      },
    ]);
    expect(csv).toBe(
      '\uFEFFid,waktu,artikel,bahasa,aksi,dari,ke,catatan,jenis_pelaku,pelaku\r\n1,2026-12-02T03:07:00.000Z,abc,id,return,review,draft,"Tambah narasumber, tolong",admin,Rina\r\n'
    );
  });
});
