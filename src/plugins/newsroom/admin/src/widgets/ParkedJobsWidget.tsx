/**
 * The admin home's "Pekerjaan latar yang gagal", for administrators: background jobs parked after
 * repeated failure, with their last error, and a button that puts one back in the queue.
 */
import { useCallback, useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { useFetchClient, useNotification, Widget } from '@strapi/strapi/admin';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { getTranslation } from '../pluginId';

type ParkedJob = { id: number; kind: string; key: string; attempts: number; runAt: string; lastError: string | null };

const ParkedJobsWidget = () => {
  const { formatMessage } = useIntl();
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [jobs, setJobs] = useState<ParkedJob[] | null>(null);
  const [failed, setFailed] = useState(false);
  const t = (key: string, values?: Record<string, string | number>) =>
    formatMessage({ id: getTranslation(key), defaultMessage: key }, values);

  const load = useCallback(() => {
    get<{ data: ParkedJob[] }>('/newsroom/jobs?state=parked')
      .then((response) => setJobs(response.data.data))
      .catch(() => setFailed(true));
  }, [get]);
  useEffect(load, [load]);

  const retry = async (job: ParkedJob) => {
    await post(`/newsroom/jobs/${job.id}/retry`);
    toggleNotification({ type: 'success', message: t('widget.jobs.retried') });
    load();
  };

  if (failed) return <Widget.Error />;
  if (!jobs) return <Widget.Loading />;
  if (jobs.length === 0) return <Widget.NoData>{t('widget.jobs.empty')}</Widget.NoData>;
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="newsroom-parked-jobs">
      {jobs.map((job) => (
        <Box key={job.id} padding={2} hasRadius background="danger100">
          <Flex justifyContent="space-between" gap={2}>
            <Typography fontWeight="semiBold">
              {job.kind} · {job.key}
            </Typography>
            <Button size="S" variant="secondary" onClick={() => retry(job)}>
              {t('widget.jobs.retry')}
            </Button>
          </Flex>
          <Typography variant="pi" textColor="danger700">
            {t('widget.jobs.attempts', { count: job.attempts })}: {job.lastError ?? ''}
          </Typography>
        </Box>
      ))}
    </Flex>
  );
};

export default ParkedJobsWidget;
