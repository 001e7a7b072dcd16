import { DEFAULT_RELATED_WEIGHTS } from '../scoring';
import { relatedSettings } from '../settings';

describe('relatedSettings', () => {
  test.each([
    [undefined, { weights: DEFAULT_RELATED_WEIGHTS, candidates: 200, reconcileMinutes: 10 }],
    [{}, { weights: DEFAULT_RELATED_WEIGHTS, candidates: 200, reconcileMinutes: 10 }],
    [
      { weights: { text: 5 }, candidates: 100 },
      { weights: { ...DEFAULT_RELATED_WEIGHTS, text: 5 }, candidates: 100, reconcileMinutes: 10 },
    ],
    [
      { weights: { tags: 0 } },
      { weights: { ...DEFAULT_RELATED_WEIGHTS, tags: 0 }, candidates: 200, reconcileMinutes: 10 },
    ],
    [{ reconcileMinutes: 0 }, { weights: DEFAULT_RELATED_WEIGHTS, candidates: 200, reconcileMinutes: 0 }],
  ])('%j gives %j', (input, expected) => {
    expect(relatedSettings(input)).toEqual(expected);
  });

  test.each([
    ['not an object', 'yes', /must be an object/],
    ['unknown key', { weight: {} }, /unknown keys: weight/],
    ['unknown weight', { weights: { popularity: 1 } }, /not a weight/],
    ['negative weight', { weights: { text: -1 } }, /non-negative number/],
    ['zero half-life', { weights: { storyHalfLifeDays: 0 } }, /positive number/],
    ['string weight', { weights: { tags: '1' } }, /non-negative number/],
    ['too few candidates', { candidates: 5 }, /from 20 to 5000/],
    ['reconcile every half minute', { reconcileMinutes: 0.5 }, /whole number of minutes/],
    ['reconcile less than daily', { reconcileMinutes: 2000 }, /from 0 \(never\) to 1440/],
  ])('%s is refused with a message', (_name, input, message) => {
    expect(() => relatedSettings(input)).toThrow(message);
  });
});
