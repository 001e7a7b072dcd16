/**
 * A toggle above the article list: only what is scheduled ("Terbitkan pada" set), or everything again.
 * It writes the content manager's own filter into the URL, so the list, its count and its pages follow.
 */
import { useIntl } from 'react-intl';
import { useLocation } from 'react-router-dom';
import { useQueryParams } from '@strapi/strapi/admin';
import { Button } from '@strapi/design-system';
import { Clock } from '@strapi/icons';
import { getTranslation } from '../pluginId';
import { ARTICLE_LIST_PATH } from './list-column';

type ListQuery = { filters?: { $and?: Record<string, unknown>[] }; page?: number | string } & Record<string, unknown>;

const SCHEDULED = { publishAt: { $notNull: true } };
/** The URL gives the value back as the text "true". */
const isScheduledFilter = (clause: Record<string, unknown>) => {
  const condition = clause.publishAt as { $notNull?: unknown } | undefined;
  return Object.keys(clause).length === 1 && String(condition?.$notNull) === 'true';
};

export const ScheduledFilter = () => {
  const { formatMessage } = useIntl();
  const { pathname } = useLocation();
  const [{ query }, setQuery] = useQueryParams<ListQuery>();
  if (!pathname.includes(ARTICLE_LIST_PATH)) return null;
  const clauses = query.filters?.$and ?? [];
  const active = clauses.some(isScheduledFilter);
  const toggle = () => {
    const others = clauses.filter((clause) => !isScheduledFilter(clause));
    const next = active ? others : [...others, SCHEDULED];
    setQuery({ ...query, page: 1, filters: next.length ? { $and: next } : undefined });
  };
  return (
    <Button variant={active ? 'secondary' : 'tertiary'} startIcon={<Clock />} onClick={toggle}>
      {formatMessage({
        id: getTranslation(active ? 'schedule.filter.all' : 'schedule.filter.only'),
        defaultMessage: active ? 'All articles' : 'Scheduled only',
      })}
    </Button>
  );
};
