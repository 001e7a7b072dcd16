import relatedNewsMiddleware from '../related-news';
import { mockPlugins } from '../../__tests__/mock-plugins';

/**
 * The related-news middleware with a hand-built `strapi` whose transaction records its commit
 * callbacks: nothing may be scheduled before the write has returned and committed.
 */
function mockStrapi() {
  const events: string[] = [];
  const commits: (() => void)[] = [];
  const strapi: any = {
    db: {
      transaction: async (work: any) => {
        await work({ onCommit: (callback: () => void) => commits.push(callback) });
      },
    },
  };
  strapi.plugin = mockPlugins(strapi, {
    newsroom: {
      'related-news': {
        schedule: (documentId: string, locale: string) => events.push(`schedule ${documentId}/${locale}`),
      },
    },
  });
  const commit = () => {
    events.push('commit');
    for (const callback of commits.splice(0)) callback();
  };
  return { strapi, events, commit };
}

async function run(context: any, result: any = { documentId: 'doc1', locale: 'id' }) {
  const { strapi, events, commit } = mockStrapi();
  const next = jest.fn(async () => {
    events.push('write');
    return result;
  });
  const returned = await relatedNewsMiddleware(strapi)(context, next);
  expect(returned).toBe(result);
  expect(next).toHaveBeenCalledTimes(1);
  const beforeCommit = [...events];
  commit();
  return { beforeCommit, events };
}

describe('related-news middleware', () => {
  describe('acts after commit', () => {
    test('schedules the recomputation only once the transaction commits, after the write', async () => {
      const { beforeCommit, events } = await run({
        uid: 'api::article.article',
        action: 'publish',
        params: { documentId: 'doc1', locale: 'id' },
      });
      expect(beforeCommit).toEqual(['write']);
      expect(events).toEqual(['write', 'commit', 'schedule doc1/id']);
    });
  });

  describe('which writes', () => {
    test.each([
      ['publish', { action: 'publish', params: { documentId: 'doc1', locale: 'id' } }, ['schedule doc1/id']],
      ['unpublish', { action: 'unpublish', params: { documentId: 'doc1', locale: 'en' } }, ['schedule doc1/en']],
      [
        'delete in every locale',
        { action: 'delete', params: { documentId: 'doc1', locale: '*' } },
        ['schedule doc1/en', 'schedule doc1/id'],
      ],
      [
        'discardDraft in two locales',
        { action: 'discardDraft', params: { documentId: 'doc1', locale: ['id', 'en'] } },
        ['schedule doc1/id', 'schedule doc1/en'],
      ],
      [
        'create with status published (id and locale from the result)',
        { action: 'create', params: { status: 'published' } },
        ['schedule doc1/id'],
      ],
      ['a draft save', { action: 'update', params: { documentId: 'doc1', locale: 'id' } }, []],
      ['a draft create', { action: 'create', params: { locale: 'id' } }, []],
      ['a read', { action: 'findMany', params: { locale: 'id' } }, []],
    ])('%s', async (_case, context, scheduled) => {
      const { events } = await run({ uid: 'api::article.article', ...context });
      expect(events.filter((event) => event.startsWith('schedule'))).toEqual(scheduled);
    });

    test('the default locale when neither the write nor its result names one', async () => {
      const { events } = await run(
        { uid: 'api::article.article', action: 'publish', params: { documentId: 'doc1' } },
        { entries: [] }
      );
      expect(events).toEqual(['write', 'commit', 'schedule doc1/id']);
    });

    test('other content types pass through', async () => {
      const { events } = await run({
        uid: 'api::category.category',
        action: 'publish',
        params: { documentId: 'cat1', locale: 'id' },
      });
      expect(events).toEqual(['write', 'commit']);
    });
  });
});
