import { expandPermalink, normalizePath, oldPathsOf, type PermalinkPost } from '../permalinks';

const post: PermalinkPost = {
  id: 2901234,
  slug: 'banjir-jakarta',
  localDate: '2023-10-27 18:05:09',
  link: 'https://old.example/2023/10/27/banjir-jakarta/',
  guid: 'https://old.example/?p=2901234',
  category: 'news/metro',
  categoryId: 18,
  author: 'susi',
};

describe('normalizePath', () => {
  test.each([
    ['/2023/10/27/slug/', '/2023/10/27/slug'],
    ['https://old.example/2023/10/27/slug', '/2023/10/27/slug'],
    ['http://old.example/?p=12&utm_source=fb', '/?p=12'],
    ['/?utm_source=fb&p=12', '/?p=12'],
    ['/?page_id=5&p=7', '/?p=7&page_id=5'],
    ['/berita/%E2%80%98kutip%E2%80%99/', '/berita/%E2%80%98kutip%E2%80%99'],
    ['/berita/‘kutip’/', '/berita/%E2%80%98kutip%E2%80%99'],
    ['//old.example/a//b/', '/a/b'],
    ['/read/id/slug#comments', '/read/id/slug'],
    ['mailto:x@example.com', null],
    ['', null],
  ])('%j -> %j', (input, expected) => {
    expect(normalizePath(input)).toBe(expected);
  });
});

describe('expandPermalink', () => {
  test.each([
    ['/%year%/%monthnum%/%day%/%postname%/', '/2023/10/27/banjir-jakarta'],
    ['/read/%year%/%monthnum%/%day%/%category_id%/%post_id%/%postname%', '/read/2023/10/27/18/2901234/banjir-jakarta'],
    ['/%category%/%postname%.html', '/news/metro/banjir-jakarta.html'],
    ['/%year%/%monthnum%/%postname%-%post_id%', '/2023/10/banjir-jakarta-2901234'],
    ['/%author%/%hour%%minute%%second%/%postname%', '/susi/180509/banjir-jakarta'],
    ['/archives/%post_id%', '/archives/2901234'],
    ['/%tag%/%postname%', null],
  ])('%s -> %j', (structure, expected) => {
    expect(expandPermalink(structure, post)).toBe(expected);
  });

  test('gives null when the post has no date for a date structure', () => {
    expect(expandPermalink('/%year%/%postname%', { ...post, localDate: null })).toBeNull();
  });
});

describe('oldPathsOf', () => {
  test('lists the link, ?p=ID and each structure once', () => {
    expect(oldPathsOf(post, ['/%year%/%monthnum%/%day%/%postname%/', '/archives/%post_id%'])).toEqual([
      '/2023/10/27/banjir-jakarta',
      '/?p=2901234',
      '/archives/2901234',
    ]);
  });

  test('never lists the site root', () => {
    expect(oldPathsOf({ ...post, link: 'https://old.example/', slug: '' }, [])).toEqual(['/?p=2901234']);
  });
});
