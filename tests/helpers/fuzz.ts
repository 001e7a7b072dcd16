/**
 * Building blocks of the leak fuzzer (tests/leak-fuzzer.test.ts): a seeded generator, so a failing run
 * is replayed exactly with WARTA_FUZZ_SEED, and random query parts that mix valid and hostile shapes.
 */
export type Random = {
  next: () => number;
  int: (max: number) => number;
  pick: <T>(items: readonly T[]) => T;
  chance: (p: number) => boolean;
};

// The one seeded generator of the project (mulberry32), shared with the bench corpus.
const { prng } = require('../../scripts/lib/random');

/** The same seed gives the same run. */
export const seededRandom = (seed: number): Random => prng(seed);

export const OPERATORS = [
  '$eq',
  '$eqi',
  '$ne',
  '$nei',
  '$lt',
  '$lte',
  '$gt',
  '$gte',
  '$in',
  '$notIn',
  '$contains',
  '$notContains',
  '$containsi',
  '$notContainsi',
  '$startsWith',
  '$startsWithi',
  '$endsWith',
  '$endsWithi',
  '$null',
  '$notNull',
  '$between',
  '$not',
  '$regex',
  '$jsonSupersetOf',
] as const;
const GROUPS = ['$and', '$or', '$not'] as const;

export type FuzzModel = { attributes: string[]; relations: Record<string, string> };

/** Values that probe: pieces of hidden text (never a whole sentinel), ordinary words, and odd shapes. */
export function fuzzValue(random: Random, pieces: readonly string[]): unknown {
  switch (random.int(9)) {
    case 0:
      return random.pick(pieces);
    case 1:
      return random.pick(['banjir', 'Gempa', 'Korea', 'salsabila', 'Reuters', 'news', 'id', 'en']);
    case 2:
      return String(random.int(100));
    case 3:
      return random.pick(['', 'true', 'false', 'null', '*', '%', '_', '\\', "'", '"', '2024-01-01']);
    case 4:
      return [random.pick(pieces), random.pick(['a', 'z', '0'])];
    case 5:
      return { [random.pick(OPERATORS)]: random.pick(pieces) };
    case 6:
      return [random.pick(pieces)];
    case 7:
      return random.pick(['99999999999999999999', '-1', '1e9', '0x10']);
    default:
      return random.pick(pieces).toLowerCase();
  }
}

/** A random filter tree over a model's real attribute names, its relations and names that must be refused. */
export function fuzzFilters(
  random: Random,
  models: Record<string, FuzzModel>,
  uid: string,
  pieces: readonly string[],
  depth = 0
): unknown {
  const model = models[uid];
  if (!model || depth > 3 || random.chance(0.08)) return fuzzValue(random, pieces);
  const filters: Record<string, unknown> = {};
  for (let i = 0; i < 1 + random.int(2); i += 1) {
    const roll = random.int(10);
    if (roll < 2) {
      const group = random.pick(GROUPS);
      filters[group] =
        group === '$not'
          ? fuzzFilters(random, models, uid, pieces, depth + 1)
          : Array.from({ length: 1 + random.int(2) }, () => fuzzFilters(random, models, uid, pieces, depth + 1));
    } else if (roll < 5 && Object.keys(model.relations).length) {
      const relation = random.pick(Object.keys(model.relations));
      filters[relation] = fuzzFilters(random, models, model.relations[relation], pieces, depth + 1);
    } else {
      const attribute = random.pick(model.attributes);
      const operator = random.pick(OPERATORS);
      filters[attribute] = random.chance(0.2) ? fuzzValue(random, pieces) : { [operator]: fuzzValue(random, pieces) };
    }
  }
  return filters;
}

/** Filters in GraphQL's spelling: operators without "$", values as literals. */
export function graphqlLiteral(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(graphqlLiteral).join(', ')}]`;
  if (value && typeof value === 'object') {
    return `{ ${Object.entries(value)
      .map(([key, inner]) => `${key.replace(/^\$/, '')}: ${graphqlLiteral(inner)}`)
      .join(', ')} }`;
  }
  return JSON.stringify(value ?? null);
}
