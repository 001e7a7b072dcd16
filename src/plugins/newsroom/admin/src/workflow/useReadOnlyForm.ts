import { useEffect, type RefObject } from 'react';

const MARK = 'data-newsroom-read-only';

/**
 * While another editor holds the lock, the edit view's fields and its Save/Publish panel become read-only:
 * `inert` takes them out of focus, clicks and typing (the blocks editor's contenteditable included) and
 * dims them. The content manager offers no hook to disable its form from a side panel, so this marks the
 * page's own regions: the field tabs and every side panel but the one holding `anchor` (the lock banner
 * with "Ambil alih" stays usable). The server refuses such a save with a 409 regardless.
 */
export function useReadOnlyForm(readOnly: boolean, anchor: RefObject<HTMLElement | null>) {
  useEffect(() => {
    if (!readOnly) return undefined;
    const own = anchor.current?.closest('aside') ?? null;
    const main = own?.closest('main') ?? document.querySelector('main');
    if (!main) return undefined;
    const marked = new Set<HTMLElement>();
    const mark = () => {
      const regions = [
        ...Array.from(main.querySelectorAll<HTMLElement>('[role="tabpanel"]')),
        ...Array.from(main.querySelectorAll<HTMLElement>('aside')).filter((aside) => aside !== own),
      ];
      for (const region of regions) {
        if (region.hasAttribute(MARK)) continue;
        region.setAttribute(MARK, 'true');
        region.setAttribute('inert', '');
        region.setAttribute('aria-readonly', 'true');
        region.style.opacity = '0.6';
        marked.add(region);
      }
    };
    mark();
    // Switching between the draft and published tabs mounts a new field region.
    const observer = new MutationObserver(mark);
    observer.observe(main, { childList: true, subtree: true });
    return () => {
      observer.disconnect();
      for (const region of marked) {
        region.removeAttribute(MARK);
        region.removeAttribute('inert');
        region.removeAttribute('aria-readonly');
        region.style.opacity = '';
      }
    };
  }, [readOnly, anchor]);
}
