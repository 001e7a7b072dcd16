import { activeNotices, latestCorrectionAt, noticeShapeErrors, parseArticleRef } from '../notices';

const SITE = 'https://warta.example';

describe('parseArticleRef', () => {
  test.each([
    ['warta://article/abc123def456ghi789jkl0', { documentId: 'abc123def456ghi789jkl0' }],
    ['abc123def456ghi789jkl0mn', { documentId: 'abc123def456ghi789jkl0mn' }],
    [`${SITE}/read/id/harga-beras-stabil`, { locale: 'id', slug: 'harga-beras-stabil' }],
    [`${SITE}/read/en/rice-prices/?utm_source=x`, { locale: 'en', slug: 'rice-prices' }],
    ['/read/id/jumat-berkah', { locale: 'id', slug: 'jumat-berkah' }],
    [`${SITE}/read/id/kategori/news`, null],
    [`${SITE}/read/id/penulis/susi`, null],
    ['https://contoh.example/read/id/harga-beras', null],
    ['https://warta.example.evil/read/id/harga-beras', null],
    ['javascript:alert(1)', null],
    [42, null],
  ])('%s', (value, expected) => {
    expect(parseArticleRef(value, SITE)).toEqual(expected);
  });
});

describe('noticeShapeErrors', () => {
  test.each([
    ['no notices', null, []],
    ['a Ralat with a text', [{ kind: 'ralat', text: 'Yang benar 1 juta.' }], []],
    ['belum-terverifikasi needs no text', [{ kind: 'belum-terverifikasi' }], []],
    ['a Hak Jawab with only a link', [{ kind: 'hak-jawab', replyArticle: 'warta://article/x1' }], []],
    ['not a list', { kind: 'ralat' }, ['notices']],
    ['an unknown kind', [{ kind: 'koreksi-besar', text: 'x' }], ['notices.0.kind']],
    ['a Klarifikasi without text', [{ kind: 'klarifikasi', text: '  ' }], ['notices.0.text']],
    ['a Hak Jawab with neither', [{ kind: 'hak-jawab' }], ['notices.0']],
    [
      'a link on a Ralat',
      [{ kind: 'ralat', text: 'x', replyArticle: 'warta://article/x1' }],
      ['notices.0.replyArticle'],
    ],
    ['a bad date', [{ kind: 'ralat', text: 'x', madeAt: 'kemarin' }], ['notices.0.madeAt']],
    [
      'removing a Koreksi',
      [{ kind: 'koreksi', text: 'x', removedAt: '2024-01-01T00:00:00Z' }],
      ['notices.0.removedAt'],
    ],
    ['a text over 2000', [{ kind: 'ralat', text: 'a'.repeat(2001) }], ['notices.0.text']],
  ])('%s', (_name, input, paths) => {
    expect(noticeShapeErrors(input).map((error) => error.path)).toEqual(paths);
  });

  test('messages are Indonesian first, with English in brackets', () => {
    const [error] = noticeShapeErrors([{ kind: 'x' }]);
    expect(error.message).toMatch(/^Jenis pemberitahuan "x" .* \(Unknown notice kind\.\)$/);
  });
});

describe('latestCorrectionAt', () => {
  test('is the newest Ralat or Koreksi still shown', () => {
    expect(
      latestCorrectionAt([
        { kind: 'ralat', madeAt: '2023-10-27T11:05:00Z' },
        { kind: 'klarifikasi', madeAt: '2023-10-29T00:00:00Z' },
        { kind: 'koreksi', madeAt: '2023-10-28T02:00:00Z' },
      ])?.toISOString()
    ).toBe('2023-10-28T02:00:00.000Z');
    expect(latestCorrectionAt([{ kind: 'hak-jawab', madeAt: '2023-10-29T00:00:00Z' }])).toBeNull();
  });
});

describe('activeNotices', () => {
  test('leaves out removed notices and keeps the order they were made in', () => {
    const notices = activeNotices([
      { kind: 'koreksi' as const, madeAt: '2023-10-28T00:00:00Z' },
      { kind: 'belum-terverifikasi' as const, madeAt: '2023-10-26T00:00:00Z', removedAt: '2023-10-27T00:00:00Z' },
      { kind: 'ralat' as const, madeAt: '2023-10-27T00:00:00Z' },
    ]);
    expect(notices.map((notice) => notice.kind)).toEqual(['ralat', 'koreksi']);
  });
});
