/**
 * The `related` section of the newsroom plugin config (config/plugins.ts), checked and completed with
 * the documented defaults. Pure: the config validator and the service both use it.
 */
import { DEFAULT_RELATED_WEIGHTS, type RelatedWeights } from './scoring';

export type RelatedSettings = {
  weights: RelatedWeights;
  /** How many candidates from the inverted index are scored in full per list. */
  candidates: number;
  /**
   * Every how many minutes each instance looks for published articles the index missed (0: never; see
   * the related-news service's reconcile()). The first look is at boot.
   */
  reconcileMinutes: number;
};

export const DEFAULT_RELATED_SETTINGS: RelatedSettings = {
  weights: DEFAULT_RELATED_WEIGHTS,
  candidates: 200,
  reconcileMinutes: 10,
};

const POSITIVE = new Set<keyof RelatedWeights>(['storyHalfLifeDays', 'ageHalfLifeDays', 'maxAgeDays']);

export function relatedSettings(input: unknown): RelatedSettings {
  if (input === undefined || input === null) return DEFAULT_RELATED_SETTINGS;
  if (typeof input !== 'object') throw new Error(`"newsroom.related" must be an object; got ${JSON.stringify(input)}.`);
  const {
    weights = {},
    candidates = DEFAULT_RELATED_SETTINGS.candidates,
    reconcileMinutes = DEFAULT_RELATED_SETTINGS.reconcileMinutes,
    ...rest
  } = input as { weights?: Record<string, unknown>; candidates?: unknown; reconcileMinutes?: unknown };
  const unknown = Object.keys(rest);
  if (unknown.length)
    throw new Error(
      `"newsroom.related" has unknown keys: ${unknown.join(', ')} (known: weights, candidates, reconcileMinutes).`
    );
  const merged: Record<string, unknown> = { ...DEFAULT_RELATED_WEIGHTS };
  for (const [key, value] of Object.entries(weights ?? {})) {
    if (!(key in DEFAULT_RELATED_WEIGHTS)) {
      throw new Error(
        `"newsroom.related.weights.${key}" is not a weight (known: ${Object.keys(DEFAULT_RELATED_WEIGHTS).join(', ')}).`
      );
    }
    const positive = POSITIVE.has(key as keyof RelatedWeights);
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || (positive && value === 0)) {
      throw new Error(
        `"newsroom.related.weights.${key}" must be a ${positive ? 'positive' : 'non-negative'} number; got ${JSON.stringify(value)}.`
      );
    }
    merged[key] = value;
  }
  if (typeof candidates !== 'number' || !Number.isInteger(candidates) || candidates < 20 || candidates > 5000) {
    throw new Error(
      `"newsroom.related.candidates" must be a whole number from 20 to 5000; got ${JSON.stringify(candidates)}.`
    );
  }
  if (
    typeof reconcileMinutes !== 'number' ||
    !Number.isInteger(reconcileMinutes) ||
    reconcileMinutes < 0 ||
    reconcileMinutes > 1440
  ) {
    throw new Error(
      `"newsroom.related.reconcileMinutes" (WARTA_RELATED_RECONCILE_MINUTES) must be a whole number of minutes from 0 (never) to 1440; got ${JSON.stringify(reconcileMinutes)}.`
    );
  }
  return { weights: merged as RelatedWeights, candidates, reconcileMinutes };
}
