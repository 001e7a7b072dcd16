import { bylineLogins, guestAuthorOf } from '../co-authors';

const item = (over: Partial<Parameters<typeof bylineLogins>[0]>) => ({ terms: [], creators: [], ...over });
const author = (slug: string, name: string) => ({ domain: 'author', slug, name });

describe('bylineLogins', () => {
  test.each([
    ['no Co-Authors Plus: the WordPress author', item({ creators: ['rina'] }), ['rina']],
    [
      'Co-Authors Plus terms replace it, in byline order',
      item({ creators: ['rina'], terms: [author('cap-yoga', 'yoga'), author('cap-rina', 'rina')] }),
      ['yoga', 'rina'],
    ],
    ['a term with no name: its slug without cap-', item({ terms: [author('cap-budi', '')] }), ['budi']],
    [
      'categories and tags are no bylines',
      item({ creators: ['rina'], terms: [{ domain: 'category', slug: 'nasional', name: 'Nasional' }] }),
      ['rina'],
    ],
    ['each login once', item({ terms: [author('cap-rina', 'rina'), author('cap-rina', 'rina')] }), ['rina']],
    ['nobody', item({}), []],
  ])('%s', (_, input, expected) => {
    expect(bylineLogins(input)).toEqual(expected);
  });
});

describe('guestAuthorOf', () => {
  const guest = (meta: Record<string, string>, over: object = {}) => ({
    type: 'guest-author',
    title: 'Judul',
    slug: 'cap-yoga-pratama',
    meta,
    ...over,
  });
  test.each([
    [
      'a full profile',
      guest({
        'cap-user_login': 'yoga-pratama',
        'cap-display_name': 'Yoga Pratama',
        'cap-user_email': 'yoga@example.id',
        'cap-description': 'Kontributor Bogor.',
      }),
      {
        login: 'yoga-pratama',
        displayName: 'Yoga Pratama',
        email: 'yoga@example.id',
        bio: 'Kontributor Bogor.',
        linkedLogin: '',
      },
    ],
    [
      'no display name: first and last name',
      guest({ 'cap-user_login': 'yoga', 'cap-first_name': 'Yoga', 'cap-last_name': 'Pratama' }),
      { login: 'yoga', displayName: 'Yoga Pratama', email: '', bio: '', linkedLogin: '' },
    ],
    [
      'no login meta: the slug without cap-; no name: the title',
      guest({}),
      { login: 'yoga-pratama', displayName: 'Judul', email: '', bio: '', linkedLogin: '' },
    ],
    [
      'linked to a WordPress account',
      guest({ 'cap-user_login': 'budi-s', 'cap-linked_account': 'budi' }),
      expect.objectContaining({ login: 'budi-s', linkedLogin: 'budi' }),
    ],
    ['not a guest author', guest({ 'cap-user_login': 'x' }, { type: 'post' }), null],
    ['no login at all', guest({}, { slug: '' }), null],
  ])('%s', (_, input, expected) => {
    expect(guestAuthorOf(input)).toEqual(expected);
  });
});
