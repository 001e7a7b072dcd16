import {
  channelUrlError,
  DEFAULT_SITE_SETTINGS,
  resolveWhatsappFollow,
  unknownPlaceholders,
  validateFields,
  validateSiteDefault,
  validateUtm,
  withUtm,
  type Override,
  type SiteDefault,
} from '../follow';

const SITE_URL = 'https://whatsapp.com/channel/0029VaFh4bQ9Bb5ypnHA5G1v';
const SPORT_URL = 'https://www.whatsapp.com/channel/0029VaBolaSportAbc123';
const site: SiteDefault = { ...DEFAULT_SITE_SETTINGS.id, enabled: true, channelUrl: SITE_URL, channelName: 'Okezone' };

describe('channelUrlError', () => {
  test.each([
    [SITE_URL, true],
    [SPORT_URL, true],
    ['https://whatsapp.com/channel/abc123XYZ', true],
    ['http://whatsapp.com/channel/0029VaFh4bQ9Bb5ypnHA5G1v', false],
    ['javascript:alert(1)//https://whatsapp.com/channel/abc123', false],
    ['https://evil.example/channel/0029VaFh4bQ9Bb5ypnHA5G1v', false],
    ['https://whatsapp.com.evil.example/channel/0029VaFh4bQ9', false],
    ['https://whatsapp.com/channel/0029VaFh4bQ9Bb5ypnHA5G1v?x=https://evil', false],
    ['https://whatsapp.com/channel/0029VaFh4bQ9Bb5ypnHA5G1v#frag', false],
    ['https://whatsapp.com/channel/../../evil', false],
    ['https://user@whatsapp.com/channel/0029VaFh4bQ9', false],
    [' https://whatsapp.com/channel/0029VaFh4bQ9', false],
    ['https://chat.whatsapp.com/AbCdEf123456', false],
    [`https://whatsapp.com/channel/${'a'.repeat(300)}`, false],
  ])('%s is %s', (url, valid) => {
    const error = channelUrlError(url);
    expect(error === null).toBe(valid);
    if (error) expect(error).toContain('https://whatsapp.com/channel/<kode>');
  });
});

describe('unknownPlaceholders', () => {
  test.each([
    ['Ikuti Saluran WhatsApp {channelName} untuk update berita terbaru setiap hari', []],
    ['Berita {categoryName} dari {channelName}', []],
    ['Ikuti {channel}', ['channel']],
    ['Ikuti {channelName} {}', ['']],
    ['Ikuti {channelName', ['{']],
    ['Ikuti channelName}', ['}']],
  ])('%p has unknown %j', (headline, unknown) => {
    expect(unknownPlaceholders(headline)).toEqual(unknown);
  });
});

describe('validateFields and validateSiteDefault', () => {
  test.each([
    [{ channelUrl: SITE_URL, channelName: 'Okezone' }, []],
    [{ channelName: 'x'.repeat(61) }, ['channelName']],
    [{ headline: 'h'.repeat(161) }, ['headline']],
    [{ buttonLabel: 'b'.repeat(31) }, ['buttonLabel']],
    [{ headline: 'Ikuti {saluran}' }, ['headline']],
    [{ placement: 'sidebar' }, ['placement']],
    [{ placement: 'after-paragraph' }, ['afterParagraph']],
    [{ placement: 'after-paragraph', afterParagraph: 3 }, []],
    [{ placement: 'after-paragraph', afterParagraph: 0 }, ['afterParagraph']],
    [{ channelUrl: 'http://whatsapp.com/channel/abc123' }, ['channelUrl']],
    [{ channelName: '   ' }, ['channelName']],
  ])('%j fails on %j', (fields, paths) => {
    expect(validateFields(fields as any).map((error) => error.path)).toEqual(paths);
  });

  test('a site default that is on needs a link and a name', () => {
    const errors = validateSiteDefault({ ...DEFAULT_SITE_SETTINGS.id, enabled: true }, 'id');
    expect(errors.map((error) => error.path)).toEqual(['id.channelUrl', 'id.channelName']);
  });

  test('the shipped defaults are valid', () => {
    expect(validateSiteDefault(DEFAULT_SITE_SETTINGS.id as any)).toEqual([]);
    expect(validateSiteDefault(DEFAULT_SITE_SETTINGS.en as any)).toEqual([]);
  });

  test.each([
    [{ source: 'warta', medium: 'artikel', campaign: 'wa-follow' }, []],
    [{ source: 'a b' }, ['utm.source']],
    [{ campaign: '<script>' }, ['utm.campaign']],
  ])('utm %j fails on %j', (utm, paths) => {
    expect(validateUtm(utm).map((error) => error.path)).toEqual(paths);
  });
});

describe('resolveWhatsappFollow', () => {
  const custom = (fields: Partial<Override>): Override => ({ mode: 'custom', ...fields });

  test.each<
    [
      string,
      { categoryChain: (Override | null)[]; article: Override | null; site?: SiteDefault | null },
      Partial<ReturnType<typeof resolveWhatsappFollow>> | null,
    ]
  >([
    [
      'the site default when nothing overrides',
      { categoryChain: [null], article: null },
      {
        url: SITE_URL,
        channelName: 'Okezone',
        headline: 'Ikuti Saluran WhatsApp Okezone untuk update berita terbaru setiap hari',
        buttonLabel: 'Ikuti',
        placement: 'end',
      },
    ],
    [
      'nothing when the site default is off',
      { categoryChain: [], article: null, site: { ...site, enabled: false } },
      null,
    ],
    [
      'the category override',
      { categoryChain: [custom({ channelUrl: SPORT_URL, channelName: 'Bola Okezone' })], article: null },
      {
        url: SPORT_URL,
        channelName: 'Bola Okezone',
        headline: 'Ikuti Saluran WhatsApp Bola Okezone untuk update berita terbaru setiap hari',
      },
    ],
    [
      'a child category inheriting its parent',
      {
        categoryChain: [{ mode: 'inherit' }, custom({ channelUrl: SPORT_URL, channelName: 'Bola Okezone' })],
        article: null,
      },
      { url: SPORT_URL },
    ],
    [
      'the nearest category first',
      {
        categoryChain: [custom({ channelName: 'Liga 1' }), custom({ channelUrl: SPORT_URL, channelName: 'Bola' })],
        article: null,
      },
      { url: SPORT_URL, channelName: 'Liga 1' },
    ],
    ['a category switch-off', { categoryChain: [{ mode: 'off' }], article: null }, null],
    ['a parent switch-off reaching its children', { categoryChain: [null, { mode: 'off' }], article: null }, null],
    [
      'the article override over its category',
      {
        categoryChain: [custom({ channelUrl: SPORT_URL, channelName: 'Bola' })],
        article: custom({ headline: 'Dukung Timnas! Ikuti {channelName}' }),
      },
      { url: SPORT_URL, headline: 'Dukung Timnas! Ikuti Bola' },
    ],
    [
      'an article switch-off over a category channel',
      { categoryChain: [custom({ channelUrl: SPORT_URL, channelName: 'Bola' })], article: { mode: 'off' } },
      null,
    ],
    [
      'an article channel where the site has none',
      {
        categoryChain: [],
        article: custom({ channelUrl: SPORT_URL, channelName: 'Khusus' }),
        site: { ...DEFAULT_SITE_SETTINGS.id },
      },
      { url: SPORT_URL, channelName: 'Khusus', buttonLabel: 'Ikuti' },
    ],
    [
      'placement after a paragraph',
      { categoryChain: [], article: custom({ placement: 'after-paragraph', afterParagraph: 4 }) },
      { placement: 'after-paragraph', afterParagraph: 4 },
    ],
    ['no block when no channel is known anywhere', { categoryChain: [], article: null, site: null }, null],
  ])('gives %s', (_what, { categoryChain, article, site: siteOverride }, expected) => {
    const result = resolveWhatsappFollow({
      site: siteOverride === undefined ? site : siteOverride,
      categoryChain,
      article,
    });
    if (expected === null) expect(result).toBeNull();
    else expect(result).toMatchObject(expected);
  });

  test('fills {categoryName} and appends UTM parameters', () => {
    const result = resolveWhatsappFollow({
      site: { ...site, headline: 'Berita {categoryName} dari {channelName}' },
      categoryChain: [],
      article: null,
      categoryName: 'Internasional',
      utm: { source: 'warta', medium: 'artikel', campaign: 'wa follow' },
    });
    expect(result).toMatchObject({
      headline: 'Berita Internasional dari Okezone',
      url: `${SITE_URL}?utm_source=warta&utm_medium=artikel&utm_campaign=wa%20follow`,
    });
  });

  test('the English default reads in English', () => {
    const result = resolveWhatsappFollow({
      site: { ...DEFAULT_SITE_SETTINGS.en, enabled: true, channelUrl: SITE_URL, channelName: 'Okezone' },
      categoryChain: [],
      article: null,
    });
    expect(result).toMatchObject({
      headline: 'Follow Okezone on WhatsApp for the latest news every day',
      buttonLabel: 'Follow',
    });
  });
});

describe('withUtm', () => {
  test('leaves the link alone without UTM settings', () => {
    expect(withUtm(SITE_URL, null)).toBe(SITE_URL);
    expect(withUtm(SITE_URL, { source: '' })).toBe(SITE_URL);
  });
});
