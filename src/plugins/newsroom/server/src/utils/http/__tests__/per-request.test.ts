import { perRequest } from '../per-request';

const counter = () => {
  let calls = 0;
  return {
    compute: async () => (calls += 1),
    calls: () => calls,
  };
};

describe('perRequest', () => {
  test('computes once per request and key', async () => {
    const request = {};
    const { compute, calls } = counter();
    expect(await perRequest(request, 'settings', compute)).toBe(1);
    expect(await perRequest(request, 'settings', compute)).toBe(1);
    expect(calls()).toBe(1);
  });

  test.each([
    ['another key of the same request', (a: object) => [a, 'tree:en']],
    ['the same key of another request', () => [{}, 'tree:id']],
  ])('computes again for %s', async (_case, other) => {
    const request = {};
    const { compute, calls } = counter();
    await perRequest(request, 'tree:id', compute);
    const [scope, key] = other(request) as [object, string];
    expect(await perRequest(scope, key, compute)).toBe(2);
    expect(calls()).toBe(2);
  });

  test('computes every time outside a request', async () => {
    const { compute, calls } = counter();
    await perRequest(undefined, 'settings', compute);
    await perRequest(null, 'settings', compute);
    expect(calls()).toBe(2);
  });

  test('does not keep a failure', async () => {
    const request = {};
    let fail = true;
    const compute = async () => {
      if (fail) throw new Error('database away');
      return 'ok';
    };
    await expect(perRequest(request, 'settings', compute)).rejects.toThrow('database away');
    fail = false;
    expect(await perRequest(request, 'settings', compute)).toBe('ok');
  });
});
