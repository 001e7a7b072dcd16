import { outboundRel, sponsorErrors, sponsoredLabelText } from '../sponsored';

const SITE = 'https://warta.example';

describe('sponsorErrors', () => {
  test.each([
    ['an ordinary story', {}, []],
    [
      'a full advertorial',
      { sponsoredLabel: 'advertorial', sponsorName: 'Bank', sponsorUrl: 'https://bank.example/x' },
      [],
    ],
    [
      'an http link',
      { sponsoredLabel: 'iklan', sponsorName: 'Bank', sponsorUrl: 'http://bank.example' },
      ['sponsorUrl'],
    ],
    [
      'a javascript: link',
      { sponsoredLabel: 'iklan', sponsorName: 'Bank', sponsorUrl: 'javascript:alert(1)' },
      ['sponsorUrl'],
    ],
    [
      'a host without a dot',
      { sponsoredLabel: 'iklan', sponsorName: 'Bank', sponsorUrl: 'https://localhost' },
      ['sponsorUrl'],
    ],
    ['an unknown label', { sponsoredLabel: 'promosi', sponsorName: 'Bank' }, ['sponsoredLabel']],
    ['a label without a name', { sponsoredLabel: 'konten-sponsor', sponsorName: ' ' }, ['sponsorName']],
    ['a sponsor without a label', { sponsorName: 'Bank' }, ['sponsoredLabel']],
  ])('%s', (_name, input, paths) => {
    expect(sponsorErrors(input).map((error) => error.path)).toEqual(paths);
  });
});

describe('outboundRel', () => {
  test.each([
    ['https://bank.example/promo', true, 'sponsored noopener'],
    ['https://bank.example/promo', false, null],
    [`${SITE}/read/id/berita`, true, null],
    ['https://warta.example.evil/x', true, 'sponsored noopener'],
    ['/read/id/berita', true, null],
    ['mailto:iklan@warta.example', true, null],
  ])('%s (sponsored %s)', (url, sponsored, rel) => {
    expect(outboundRel(url, SITE, sponsored)).toBe(rel);
  });
});

describe('sponsoredLabelText', () => {
  test.each([
    ['advertorial', 'id', 'Advertorial'],
    ['konten-sponsor', 'id', 'Konten Sponsor'],
    ['iklan', 'id', 'Iklan'],
    ['konten-sponsor', 'en', 'Sponsored'],
    [null, 'id', null],
  ])('%s in %s', (label, locale, text) => {
    expect(sponsoredLabelText(label, locale)).toBe(text);
  });
});
