/** The "Jadwal" column the content manager's list view gets for articles (its INJECT_COLUMN_IN_TABLE hook). */
import { getTranslation } from '../pluginId';
import { ScheduleCell, type ScheduleRow } from './ScheduleCell';

export const ARTICLE_LIST_PATH = '/content-manager/collection-types/api::article.article';

/** The part of the hook's argument this reads; the list view passes its headers and its layout on. */
type ListHeaders = { displayedHeaders: object[] } & Record<string, unknown>;

export function addScheduleColumn(args: ListHeaders): ListHeaders {
  // The hook runs for every content type's list and is not told which one: the route says it.
  if (typeof window === 'undefined' || !window.location.pathname.includes(ARTICLE_LIST_PATH)) return args;
  return {
    ...args,
    displayedHeaders: [
      ...args.displayedHeaders,
      {
        attribute: { type: 'custom' },
        name: 'newsroomSchedule',
        label: { id: getTranslation('schedule.column'), defaultMessage: 'Schedule' },
        searchable: false,
        sortable: false,
        cellFormatter: (row: ScheduleRow) => <ScheduleCell row={row} />,
      },
    ],
  };
}
