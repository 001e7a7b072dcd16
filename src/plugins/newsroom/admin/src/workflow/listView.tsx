import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { useNavigate } from 'react-router-dom';
import { useAuth, useFetchClient } from '@strapi/strapi/admin';
import { Button } from '@strapi/design-system';
import { getTranslation } from '../pluginId';
import { labelIn, type StageList } from './api';

type Header = {
  name: string;
  label: unknown;
  attribute: { type: string };
  searchable: boolean;
  sortable: boolean;
  cellFormatter?: unknown;
};
type HookArgs = { displayedHeaders: Header[]; layout: { options?: unknown }; model?: string };
type Row = {
  editorialStage?: string | null;
  /** The content manager's own: draft, published, modified. */
  status?: string;
  assignee?: { firstname?: string; lastname?: string; count?: number } | null;
};

// One request per page load for every row's cell: the configured stages and their labels.
let stageList: Promise<StageList> | null = null;

/** A row's stage by its configured label; "Terbit" once it is live as approved with no change since. */
function StageCell({ row }: { row: Row }) {
  const { get } = useFetchClient();
  const { locale } = useIntl();
  const [stages, setStages] = useState<StageList | null>(null);
  useEffect(() => {
    stageList ??= get<{ data: StageList }>('/newsroom/workflow/stages').then((res) => res.data.data);
    stageList.then(setStages).catch(() => {
      stageList = null;
    });
  }, [get]);
  if (!stages) return <span data-testid="list-stage">…</span>;
  const stage = row.editorialStage ?? stages.stages[0]?.id;
  const label =
    row.status === 'published' && stage === stages.publishStage
      ? stages.publishedLabel
      : stages.stages.find((candidate) => candidate.id === stage)?.label;
  return <span data-testid="list-stage">{label ? labelIn(label, locale) : stage}</span>;
}

/** Stage and assignee columns in the article list (the content manager's list-view hook). */
export function addWorkflowColumns({ displayedHeaders, layout, ...rest }: HookArgs) {
  const isArticle =
    displayedHeaders.some((header) => header.name === 'title') &&
    'editorialStage' in ((layout as { attributes?: object }).attributes ?? { editorialStage: 1 });
  if (!isArticle) return { displayedHeaders, layout, ...rest };
  return {
    ...rest,
    layout,
    displayedHeaders: [
      ...displayedHeaders.filter((header) => header.name !== 'editorialStage' && header.name !== 'assignee'),
      {
        attribute: { type: 'string' },
        label: { id: getTranslation('list.stage'), defaultMessage: 'Tahap' },
        searchable: false,
        sortable: true,
        name: 'editorialStage',
        cellFormatter: (row: Row) => <StageCell row={row} />,
      },
      {
        attribute: { type: 'string' },
        label: { id: getTranslation('list.assignee'), defaultMessage: 'Ditugaskan ke' },
        searchable: false,
        sortable: false,
        name: 'assignee',
        cellFormatter: (row: Row) =>
          row.assignee && row.assignee.firstname
            ? [row.assignee.firstname, row.assignee.lastname].filter(Boolean).join(' ')
            : '-',
      },
    ],
  };
}

/** "Perlu Disunting, ditugaskan ke saya": the article list filtered to what waits for the signed-in editor. */
export function MyQueueButton() {
  const { formatMessage } = useIntl();
  const navigate = useNavigate();
  const user = useAuth('MyQueueButton', (state) => state.user);
  if (!window.location.pathname.includes('api::article.article')) return null;
  const go = (mine: boolean) => {
    const filters = [`filters[$and][0][editorialStage][$eq]=review`];
    if (mine && user?.id) filters.push(`filters[$and][1][assignee][id][$eq]=${user.id}`);
    navigate(
      `?page=1&pageSize=10&plugins[i18n][locale]=${new URLSearchParams(window.location.search).get('plugins[i18n][locale]') ?? 'id'}&${filters.join('&')}`
    );
  };
  return (
    <>
      <Button variant="tertiary" onClick={() => go(false)} data-testid="queue-review">
        {formatMessage({ id: getTranslation('list.needs-editing'), defaultMessage: 'Perlu Disunting' })}
      </Button>
      <Button variant="tertiary" onClick={() => go(true)} data-testid="queue-mine">
        {formatMessage({
          id: getTranslation('list.needs-editing-mine'),
          defaultMessage: 'Perlu Disunting, ditugaskan ke saya',
        })}
      </Button>
    </>
  );
}
