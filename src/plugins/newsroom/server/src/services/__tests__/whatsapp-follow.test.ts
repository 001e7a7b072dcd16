import whatsappFollowService from '../whatsapp-follow';
import { mockPlugins } from '../../__tests__/mock-plugins';

const CHANNEL = 'https://whatsapp.com/channel/0029VaFh4bQ9Bb5ypnHA5G1v';
const DESK = 'https://whatsapp.com/channel/0029VaNewsDesk9Bb5ypnHA';

/**
 * The WhatsApp follow service with a hand-built `strapi`: a core store holding the settings (or
 * nothing), article rows and the category tree (the `content-rows` reads), and a count of the queries
 * and store writes.
 */
function mockStrapi({ stored = null as unknown, articles = [] as any[], categories = [] as any[] } = {}) {
  const calls = { queries: 0, writes: 0, settingsReads: 0 };
  let value = stored;
  const strapi: any = {
    store: () => ({
      get: async () => value,
      set: async ({ value: next }: any) => {
        calls.writes += 1;
        value = next;
      },
    }),
    requestContext: { get: () => undefined },
  };
  const contentRows = {
    articles: async () => {
      calls.queries += 1;
      return articles;
    },
    categoryTree: async () => {
      calls.queries += 1;
      return categories;
    },
  };
  // A page reads its settings through page-settings (one statement for all of them), the same stored value.
  const pageSettings = {
    ofRequest: async (key: string) => {
      expect(key).toBe('whatsapp-follow');
      calls.settingsReads += 1;
      return value;
    },
  };
  strapi.plugin = mockPlugins(strapi, { newsroom: { 'content-rows': contentRows, 'page-settings': pageSettings } });
  return { service: whatsappFollowService({ strapi }), calls, stored: () => value };
}

const siteOn = { id: { enabled: true, channelUrl: CHANNEL, channelName: 'Warta' } };

describe('whatsapp-follow service', () => {
  describe('configureIfUnset', () => {
    test('saves the demo channel into an empty store', async () => {
      const { service, calls } = mockStrapi();
      expect(await service.configureIfUnset(siteOn)).toBe(true);
      expect(calls.writes).toBe(1);
      expect((await service.getSettings()).id).toMatchObject({ enabled: true, channelUrl: CHANNEL });
    });

    test.each([
      ['settings an operator saved', { id: { enabled: true, channelUrl: DESK, channelName: 'Desk' } }],
      ['settings that switch the block off', { id: { enabled: false } }],
      ['an empty object', {}],
    ])('never replaces %s', async (_case, saved) => {
      const { service, calls, stored } = mockStrapi({ stored: saved });
      expect(await service.configureIfUnset(siteOn)).toBe(false);
      expect(calls.writes).toBe(0);
      expect(stored()).toBe(saved);
    });
  });

  describe('updateSettings', () => {
    test.each([
      ['not an object', 'on', ['data']],
      [
        'an unknown setting',
        { id: { enabled: true, channelUrl: CHANNEL, channelName: 'Warta' }, theme: 'dark' },
        ['theme'],
      ],
      [
        'an unknown field',
        { id: { enabled: true, channelUrl: CHANNEL, channelName: 'Warta', colour: 'green' } },
        ['id', 'colour'],
      ],
      [
        'a link that is not a channel',
        { id: { enabled: true, channelUrl: 'https://chat.whatsapp.com/AbCdEf123456', channelName: 'Warta' } },
        ['id', 'channelUrl'],
      ],
    ])('refuses %s with a 400 naming the field, and writes nothing', async (_case, input, path) => {
      const { service, calls } = mockStrapi();
      await expect(service.updateSettings(input)).rejects.toMatchObject({
        name: 'ValidationError',
        details: { errors: expect.arrayContaining([expect.objectContaining({ path })]) },
      });
      expect(calls.writes).toBe(0);
    });

    test('keeps the fields a save does not send', async () => {
      const { service } = mockStrapi({
        stored: { id: { enabled: true, channelUrl: CHANNEL, channelName: 'Warta', headline: 'Ikuti {channelName}' } },
      });
      const next = await service.updateSettings({ id: { channelName: 'Warta Jakarta' } });
      expect(next.id).toMatchObject({
        enabled: true,
        channelUrl: CHANNEL,
        channelName: 'Warta Jakarta',
        headline: 'Ikuti {channelName}',
      });
    });
  });

  describe('forRows', () => {
    const tree = [
      {
        id: 1,
        name: 'News',
        parent: null,
        whatsappFollowOverride: { mode: 'custom', channelUrl: DESK, channelName: 'Warta News' },
      },
      { id: 2, name: 'Internasional', parent: { id: 1 }, whatsappFollowOverride: null },
      { id: 3, name: 'Off', parent: { id: 1 }, whatsappFollowOverride: { mode: 'off' } },
      // A parent loop, as a careless import could make: walking it must end.
      { id: 4, name: 'Loop A', parent: { id: 5 }, whatsappFollowOverride: null },
      { id: 5, name: 'Loop B', parent: { id: 4 }, whatsappFollowOverride: null },
    ];
    const rows = [
      { id: 10, locale: 'id', category: { id: 2 } },
      { id: 11, locale: 'id', category: { id: 3 } },
      { id: 12, locale: 'id', category: { id: 4 } },
      { id: 13, locale: 'id', category: null, whatsappFollowOverride: { mode: 'off' } },
      { id: 14, locale: 'en', category: null },
    ];

    test('resolves each row from its nearest category up the tree, and its own override', async () => {
      const { service } = mockStrapi({ stored: siteOn, articles: rows, categories: tree });
      const blocks = await service.forRows(rows.map((row) => row.id));
      expect(blocks.get(10)).toMatchObject({ url: DESK, channelName: 'Warta News' });
      expect(blocks.get(11)).toBeNull();
      expect(blocks.get(12)).toMatchObject({ url: CHANNEL, channelName: 'Warta' });
      expect(blocks.get(13)).toBeNull();
      // English has its own site default, off unless set.
      expect(blocks.get(14)).toBeNull();
    });

    test.each([1, 5, 25])('costs two queries and one settings read for %i rows', async (count) => {
      const many = Array.from({ length: count }, (_, index) => ({
        id: 100 + index,
        locale: 'id',
        category: { id: 2 },
      }));
      const { service, calls } = mockStrapi({ stored: siteOn, articles: many, categories: tree });
      expect((await service.forRows(many.map((row) => row.id))).size).toBe(count);
      expect(calls.queries).toBe(2);
      expect(calls.settingsReads).toBe(1);
    });

    test('asks nothing for no rows', async () => {
      const { service, calls } = mockStrapi({ stored: siteOn });
      expect((await service.forRows([])).size).toBe(0);
      expect(calls.queries).toBe(0);
    });
  });
});
