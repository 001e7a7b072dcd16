/**
 * Fragment spreads of a GraphQL document, read without executing it. The depth-limit rule Strapi runs
 * follows every spread: a spread of a fragment that spreads itself back, or of a fragment that does
 * not exist, made it recurse without end or read `undefined`, and the request died with a 500 before
 * graphql's own rules (NoFragmentCycles, KnownFragmentNames) could answer with a 400.
 */
type AstNode = {
  kind: string;
  name?: { value: string };
  selectionSet?: { selections: readonly AstNode[] };
};

function spreadsIn(node: AstNode | undefined, into: string[] = []): string[] {
  for (const selection of node?.selectionSet?.selections ?? []) {
    if (selection.kind === 'FragmentSpread' && selection.name) into.push(selection.name.value);
    else spreadsIn(selection, into);
  }
  return into;
}

/** True when every spread names a defined fragment and no fragment reaches itself. */
export function fragmentsAreSound(document: { definitions: readonly AstNode[] }): boolean {
  const fragments = new Map<string, string[]>();
  for (const definition of document.definitions) {
    if (definition.kind === 'FragmentDefinition' && definition.name)
      fragments.set(definition.name.value, spreadsIn(definition));
  }
  const used = document.definitions
    .filter((definition) => definition.kind === 'OperationDefinition')
    .flatMap((operation) => spreadsIn(operation));
  if ([...used, ...[...fragments.values()].flat()].some((name) => !fragments.has(name))) return false;

  const DONE = 2;
  const state = new Map<string, number>();
  const reachesItself = (name: string): boolean => {
    if (state.get(name) === DONE) return false;
    if (state.get(name) === 1) return true;
    state.set(name, 1);
    const cyclic = (fragments.get(name) ?? []).some(reachesItself);
    state.set(name, DONE);
    return cyclic;
  };
  return ![...fragments.keys()].some(reachesItself);
}
