import { authorTermSearchFields, bylineLogins, guestAuthorOf } from '../co-authors';

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

describe('authorTermSearchFields', () => {
  test.each([
    [
      'a guest author with no first or last name',
      ['Yoga Pratama   yoga-pratama 900 yoga@kabar.example', 'yoga-pratama'],
      { displayName: 'Yoga Pratama', id: 900, email: 'yoga@kabar.example' },
    ],
    [
      'an account whose display name is its first and last name',
      ['Rina Wulandari Rina Wulandari rina 2 rina@kabar.example', 'rina'],
      { displayName: 'Rina Wulandari', id: 2, email: 'rina@kabar.example' },
    ],
    [
      'no email',
      ['Budi Santoso Budi Santoso budi-santoso 901 ', 'budi-santoso'],
      { displayName: 'Budi Santoso', id: 901, email: '' },
    ],
    [
      'a login with a space (WordPress allows it)',
      ['Ani  Ani Putri ani putri 7 a@b.id', 'ani putri'],
      {
        displayName: 'Ani Ani Putri',
        id: 7,
        email: 'a@b.id',
      },
    ],
  ])('%s', (_, [description, login], expected) => {
    expect(authorTermSearchFields(description, login)).toEqual(expected);
  });

  test.each([
    ['hidden (no edit_posts): no description', ''],
    ['not the search fields of this login', 'Profil wartawan senior'],
  ])('null when %s', (_, description) => {
    expect(authorTermSearchFields(description, 'rina')).toBeNull();
  });
});
