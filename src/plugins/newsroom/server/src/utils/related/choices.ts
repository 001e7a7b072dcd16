import { RELATED_EXCLUDED_FIELD, RELATED_MAX_LIMIT, RELATED_PINNED_FIELD } from '../../constants';
import { articleMessages } from '../messages';

/** The editor's "Berita Terkait" choices must make sense before they reach readers. */
export function relatedChoicesProblem(
  documentId: string,
  pinned: string[],
  excluded: string[]
): { path: string; message: string } | null {
  if (pinned.includes(documentId) || excluded.includes(documentId)) {
    return { path: RELATED_PINNED_FIELD, message: articleMessages.relatedToItself };
  }
  if (pinned.length > RELATED_MAX_LIMIT) {
    return {
      path: RELATED_PINNED_FIELD,
      message: articleMessages.tooManyPinned(pinned.length),
    };
  }
  const both = pinned.filter((id) => excluded.includes(id));
  if (both.length) {
    return {
      path: RELATED_EXCLUDED_FIELD,
      message: articleMessages.pinnedAndExcluded,
    };
  }
  return null;
}
