/**
 * The category tree of one locale, walked the three ways Warta needs: up from a category (breadcrumbs,
 * the WhatsApp override chain) and down to its sections (a desk's feed). Every walk stops at a loop,
 * which an import or a hand-edited parent can create.
 */
export type CategoryNode = { id: number; parent?: { id: number } | null };

export function categoryTree<Node extends CategoryNode>(nodes: Node[]) {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const parentOf = (node: Node | undefined): Node | undefined => (node?.parent ? byId.get(node.parent.id) : undefined);

  return {
    get: (id: number): Node | undefined => byId.get(id),

    /** The category itself, then its parent, up to the root. */
    selfAndAncestors(id: number): Node[] {
      const chain: Node[] = [];
      const seen = new Set<number>();
      for (let node = byId.get(id); node && !seen.has(node.id); node = parentOf(node)) {
        seen.add(node.id);
        chain.push(node);
      }
      return chain;
    },

    /** Root first, without the category: News > Internasional for an article in Internasional > Asia. */
    ancestors(id: number): Node[] {
      return this.selfAndAncestors(id).slice(1).reverse();
    },

    /** The category and all its subcategories, nearest first. */
    selfAndDescendants(id: number): Node[] {
      const root = byId.get(id);
      if (!root) return [];
      const found = [root];
      const ids = new Set([root.id]);
      for (let index = 0; index < found.length; index += 1) {
        for (const node of nodes) {
          if (node.parent?.id === found[index].id && !ids.has(node.id)) {
            ids.add(node.id);
            found.push(node);
          }
        }
      }
      return found;
    },
  };
}
