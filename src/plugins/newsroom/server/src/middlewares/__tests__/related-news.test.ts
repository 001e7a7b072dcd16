import relatedNewsMiddleware from '../related-news';
import { mockPlugins } from '../../__tests__/mock-plugins';

/**
 * The related-news middleware with a hand-built `strapi` whose transaction records when it begins and
 * commits: the recomputation must be enqueued after the write and inside the same transaction, so that
 * the write and its job commit together (a crash in between cannot lose the job).
 */
function mockStrapi() {
  const events: string[] = [];
  const strapi: any = {
    db: {
      transaction: async (work: any) => {
        events.push('begin');
        const result = await work({});
        events.push('commit');
        return result;
      },
    },
  };
  strapi.plugin = mockPlugins(strapi, {
    newsroom: {
      'related-news': {
        scheduleMany: async (targets: { documentId: string; locale: string }[]) => {
          for (const { documentId, locale } of targets) events.push(`enqueue ${documentId}/${locale}`);
        },
      },
    },
  });
  return { strapi, events };
}

async function run(context: any, result: any = { documentId: 'doc1', locale: 'id' }) {
  const { strapi, events } = mockStrapi();
  const next = jest.fn(async () => {
    events.push('write');
    return result;
  });
  const returned = await relatedNewsMiddleware(strapi)(context, next);
  expect(returned).toBe(result);
  expect(next).toHaveBeenCalledTimes(1);
  return { events };
}

describe('related-news middleware', () => {
  describe('enqueues with the write', () => {
    test('after the write, in the same transaction, before it commits', async () => {
      const { events } = await run({
        uid: 'api::article.article',
        action: 'publish',
        params: { documentId: 'doc1', locale: 'id' },
      });
      expect(events).toEqual(['begin', 'write', 'enqueue doc1/id', 'commit']);
    });
  });

  describe('which writes', () => {
    test.each([
      ['publish', { action: 'publish', params: { documentId: 'doc1', locale: 'id' } }, ['enqueue doc1/id']],
      ['unpublish', { action: 'unpublish', params: { documentId: 'doc1', locale: 'en' } }, ['enqueue doc1/en']],
      [
        'delete in every locale',
        { action: 'delete', params: { documentId: 'doc1', locale: '*' } },
        ['enqueue doc1/en', 'enqueue doc1/id'],
      ],
      [
        'discardDraft in two locales',
        { action: 'discardDraft', params: { documentId: 'doc1', locale: ['id', 'en'] } },
        ['enqueue doc1/id', 'enqueue doc1/en'],
      ],
      [
        'create with status published (id and locale from the result)',
        { action: 'create', params: { status: 'published' } },
        ['enqueue doc1/id'],
      ],
      ['a draft save', { action: 'update', params: { documentId: 'doc1', locale: 'id' } }, []],
      ['a draft create', { action: 'create', params: { locale: 'id' } }, []],
      ['a read', { action: 'findMany', params: { locale: 'id' } }, []],
    ])('%s', async (_case, context, scheduled) => {
      const { events } = await run({ uid: 'api::article.article', ...context });
      expect(events.filter((event) => event.startsWith('enqueue'))).toEqual(scheduled);
    });

    test('the default locale when neither the write nor its result names one', async () => {
      const { events } = await run(
        { uid: 'api::article.article', action: 'publish', params: { documentId: 'doc1' } },
        { entries: [] }
      );
      expect(events).toEqual(['begin', 'write', 'enqueue doc1/id', 'commit']);
    });

    test('other content types pass through', async () => {
      const { events } = await run({
        uid: 'api::category.category',
        action: 'publish',
        params: { documentId: 'cat1', locale: 'id' },
      });
      expect(events).toEqual(['write']);
    });
  });
});
