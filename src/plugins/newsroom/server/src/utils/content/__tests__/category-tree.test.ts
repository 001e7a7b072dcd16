import { categoryTree } from '../category-tree';

// news > internasional > asia; news > nasional; ekonomi; loop-a <-> loop-b (an import gone wrong).
const NODES = [
  { id: 1, name: 'news', parent: null },
  { id: 2, name: 'internasional', parent: { id: 1 } },
  { id: 3, name: 'asia', parent: { id: 2 } },
  { id: 4, name: 'nasional', parent: { id: 1 } },
  { id: 5, name: 'ekonomi' },
  { id: 6, name: 'loop-a', parent: { id: 7 } },
  { id: 7, name: 'loop-b', parent: { id: 6 } },
  { id: 8, name: 'orphan', parent: { id: 99 } },
];
const names = (nodes: { name: string }[]) => nodes.map((node) => node.name);
const tree = categoryTree(NODES);

describe('categoryTree', () => {
  describe('selfAndAncestors', () => {
    test.each([
      [3, ['asia', 'internasional', 'news']],
      [1, ['news']],
      [5, ['ekonomi']],
      [6, ['loop-a', 'loop-b']],
      [8, ['orphan']],
      [42, []],
    ])('walks up from %i', (id, expected) => {
      expect(names(tree.selfAndAncestors(id))).toEqual(expected);
    });
  });

  describe('ancestors', () => {
    test.each([
      [3, ['news', 'internasional']],
      [2, ['news']],
      [1, []],
      [7, ['loop-a']],
    ])('gives the breadcrumb of %i root first', (id, expected) => {
      expect(names(tree.ancestors(id))).toEqual(expected);
    });
  });

  describe('selfAndDescendants', () => {
    test.each([
      [1, ['news', 'internasional', 'nasional', 'asia']],
      [2, ['internasional', 'asia']],
      [5, ['ekonomi']],
      [6, ['loop-a', 'loop-b']],
      [42, []],
    ])('walks down from %i, nearest first', (id, expected) => {
      expect(names(tree.selfAndDescendants(id))).toEqual(expected);
    });
  });
});
