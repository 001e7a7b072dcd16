import { cutText, gmtToIso, htmlText, planPost, type PlanInput } from '../post';

const base: PlanInput = {
  postId: 7,
  type: 'post',
  status: 'publish',
  title: 'Judul',
  excerpt: '',
  postDate: '2023-10-27 18:05:00',
  postDateGmt: '2023-10-27 11:05:00',
  sticky: false,
  password: '',
};

describe('planPost', () => {
  test.each([
    [{}, 'published', 'Judul', '2023-10-27T11:05:00.000Z', []],
    [{ status: 'draft' }, 'draft', 'Judul', '2023-10-27T11:05:00.000Z', []],
    [{ status: 'pending' }, 'draft', 'Judul', '2023-10-27T11:05:00.000Z', []],
    [
      { status: 'future' },
      'draft',
      'Judul',
      '2023-10-27T11:05:00.000Z',
      ['scheduled for 2023-10-27 11:05:00 GMT in WordPress, a time now past: imported as a draft'],
    ],
    [
      { password: 'x' },
      'draft',
      'Judul',
      '2023-10-27T11:05:00.000Z',
      ['password-protected in WordPress: imported as a draft'],
    ],
    [
      { title: '' },
      'published',
      'Tanpa judul (WordPress 7)',
      '2023-10-27T11:05:00.000Z',
      ['no title: given a placeholder'],
    ],
    [{ title: 'Rock &amp; <em>Roll</em>' }, 'published', 'Rock & Roll', '2023-10-27T11:05:00.000Z', []],
    [{ postDateGmt: '0000-00-00 00:00:00', status: 'draft' }, 'draft', 'Judul', null, []],
    [{ sticky: true }, 'published', 'Judul', '2023-10-27T11:05:00.000Z', ['sticky in WordPress']],
  ])('%j -> %s', (change, status, title, datePublished, notes) => {
    expect(planPost({ ...base, ...change })).toMatchObject({ action: 'import', status, title, datePublished, notes });
  });

  test.each([
    [
      'a future post still to come is scheduled at its time',
      { status: 'future', postDateGmt: '2030-01-01 19:00:18' },
      '2030-01-01T19:00:18.000Z',
    ],
    ['one whose time has passed is a plain draft', { status: 'future' }, null],
    [
      'a password-protected one is never scheduled',
      { status: 'future', postDateGmt: '2030-01-01 19:00:18', password: 'x' },
      null,
    ],
    ['a published one has no schedule', {}, null],
  ])('%s', (_case, change, publishAt) => {
    const now = Date.parse('2026-12-02T00:00:00Z');
    expect(planPost({ ...base, ...change }, now)).toMatchObject({
      action: 'import',
      status: change.status === 'future' ? 'draft' : 'published',
      publishAt,
    });
  });

  test.each([
    [{ status: 'private' }, 'private post'],
    [{ status: 'trash' }, 'in the trash'],
    [{ type: 'page' }, 'post type "page" is not imported'],
    [{ type: 'attachment', status: 'inherit' }, 'post type "attachment" is not imported'],
    [{ type: 'guest-author' }, 'Co-Authors Plus guest author (imported as an author)'],
  ])('%j is skipped: %s', (change, reason) => {
    expect(planPost({ ...base, ...change })).toEqual({ action: 'skip', reason });
  });

  test('shortens a long title on a word and says so', () => {
    const plan = planPost({ ...base, title: 'kata '.repeat(60) });
    expect(plan.action === 'import' && plan.title.length).toBeLessThanOrEqual(200);
    expect(plan.action === 'import' && plan.title.endsWith('kata…')).toBe(true);
  });

  test('takes the lead from the excerpt as text', () => {
    expect(planPost({ ...base, excerpt: '<p>Ringkasan <b>berita</b>.</p>' })).toMatchObject({
      lead: 'Ringkasan berita.',
    });
  });
});

describe('helpers', () => {
  test.each([
    ['<p>a</p><p>b</p>', 'a b'],
    ['x &lt;y&gt;', 'x <y>'],
    ['', ''],
  ])('htmlText(%j) = %j', (html, text) => expect(htmlText(html)).toBe(text));
  test.each([
    ['pendek', 10, 'pendek'],
    ['satu dua tiga empat', 12, 'satu dua…'],
  ])('cutText(%j, %d) = %j', (text, max, out) => expect(cutText(text, max)).toBe(out));
  test.each([
    ['2023-10-27 11:05:00', '2023-10-27T11:05:00.000Z'],
    ['0000-00-00 00:00:00', null],
    ['kemarin', null],
  ])('gmtToIso(%j) = %j', (value, iso) => expect(gmtToIso(value)).toBe(iso));
});
