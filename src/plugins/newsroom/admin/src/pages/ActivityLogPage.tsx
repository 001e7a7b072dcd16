import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { Box, Button, Flex, Table, Tbody, Td, TextInput, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { getTranslation } from '../pluginId';
import { timeIn, type ActivityEntry } from '../workflow/api';

type Filters = { action: string; actor: string; documentId: string; since: string; until: string };
type Answer = { results: ActivityEntry[]; pagination: { page: number; pageCount: number; total: number } };

const queryOf = (filters: Filters, page: number) =>
  new URLSearchParams({
    ...Object.fromEntries(Object.entries(filters).filter(([, value]) => value.trim() !== '')),
    page: String(page),
  }).toString();

/** The whole activity log for administrators: filters, pages, and the same rows as CSV. */
const ActivityLogPage = () => {
  const { formatMessage } = useIntl();
  const t = (key: string) => formatMessage({ id: getTranslation(key), defaultMessage: key });
  const { get } = useFetchClient();
  const [filters, setFilters] = useState<Filters>({ action: '', actor: '', documentId: '', since: '', until: '' });
  const [page, setPage] = useState(1);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    get<Answer>(`/newsroom/activity?${queryOf(filters, page)}`)
      .then((res) => {
        setAnswer(res.data);
        setError(null);
      })
      .catch(() => setError(t('log.load-error')));
  }, [filters, page, get]);

  const downloadCsv = async () => {
    const { page: _page, ...rest } = Object.fromEntries(new URLSearchParams(queryOf(filters, 1)));
    const res = await get<string>(`/newsroom/activity?${new URLSearchParams({ ...rest, format: 'csv' })}`, {
      responseType: 'text',
    } as never);
    const blob = new Blob([res.data as unknown as string], { type: 'text/csv;charset=utf-8' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = 'warta-log-aktivitas.csv';
    link.click();
  };
  const field = (name: keyof Filters) => (
    <TextInput
      name={name}
      aria-label={t(`log.filter.${name}`)}
      placeholder={t(`log.filter.${name}`)}
      value={filters[name]}
      onChange={(event: React.ChangeEvent<HTMLInputElement>) => {
        setPage(1);
        setFilters({ ...filters, [name]: event.target.value });
      }}
    />
  );

  return (
    <Page.Main>
      <Page.Title>{t('log.title')}</Page.Title>
      <Layouts.Header
        title={t('log.title')}
        subtitle={t('log.subtitle')}
        primaryAction={
          <Button onClick={downloadCsv} data-testid="log-csv">
            {t('log.csv')}
          </Button>
        }
      />
      <Layouts.Content>
        <Flex gap={2} paddingBottom={4} wrap="wrap">
          {field('action')}
          {field('actor')}
          {field('documentId')}
          {field('since')}
          {field('until')}
        </Flex>
        {error && <Typography textColor="danger600">{error}</Typography>}
        {answer && (
          <Box background="neutral0" shadow="filterShadow" hasRadius>
            <Table colCount={6} rowCount={answer.results.length + 1}>
              <Thead>
                <Tr>
                  {['time', 'article', 'action', 'stages', 'note', 'actor'].map((column) => (
                    <Th key={column}>
                      <Typography variant="sigma">{t(`log.column.${column}`)}</Typography>
                    </Th>
                  ))}
                </Tr>
              </Thead>
              <Tbody>
                {answer.results.map((entry) => (
                  <Tr key={entry.id} data-testid="log-row">
                    <Td>{timeIn(entry.at, 'WIB', true)}</Td>
                    <Td>
                      {entry.documentId} ({entry.locale})
                    </Td>
                    <Td>{entry.action}</Td>
                    <Td>{entry.toStage ? `${entry.fromStage ?? ''} → ${entry.toStage}` : ''}</Td>
                    <Td>{entry.note ?? ''}</Td>
                    <Td>{entry.actor.name}</Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
            <Flex gap={2} padding={3} justifyContent="flex-end">
              <Typography variant="pi">
                {answer.pagination.total} · {answer.pagination.page}/{Math.max(1, answer.pagination.pageCount)}
              </Typography>
              <Button variant="tertiary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                ‹
              </Button>
              <Button
                variant="tertiary"
                disabled={page >= answer.pagination.pageCount}
                onClick={() => setPage(page + 1)}
              >
                ›
              </Button>
            </Flex>
          </Box>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

export default ActivityLogPage;
