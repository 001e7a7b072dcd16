import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { Box, Button, Checkbox, Flex, Typography } from '@strapi/design-system';
import { getTranslation } from '../pluginId';
import { errorMessage, timeIn, type ActivityEntry, type FieldChange, type RevisionSummary } from './api';

type Props = { documentId: string; locale: string; zone: string; refresh: string; readOnly: boolean };

const preview = (value: unknown) => {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text && text.length > 120 ? `${text.slice(0, 120)}…` : (text ?? '');
};

/** "Riwayat": the article locale's revisions (time in its zone, who, action, stage), compare two, restore one as a draft; and its activity log. */
export function HistoryPanel({ documentId, locale, zone, refresh, readOnly }: Props) {
  const { formatMessage } = useIntl();
  const t = (key: string, values?: Record<string, string | number>) =>
    formatMessage({ id: getTranslation(key), defaultMessage: key }, values);
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [open, setOpen] = useState(false);
  const [revisions, setRevisions] = useState<RevisionSummary[]>([]);
  const [activity, setActivity] = useState<ActivityEntry[]>([]);
  const [picked, setPicked] = useState<number[]>([]);
  const [changes, setChanges] = useState<FieldChange[] | null>(null);
  const [reload, setReload] = useState(0);
  const query = `documentId=${encodeURIComponent(documentId)}&locale=${locale}`;

  useEffect(() => {
    if (!open) return;
    get<{ data: RevisionSummary[] }>(`/newsroom/revisions?${query}`).then((res) => setRevisions(res.data.data));
    get<{ results: ActivityEntry[] }>(`/newsroom/activity?${query}&pageSize=50`).then((res) =>
      setActivity(res.data.results)
    );
  }, [open, query, get, refresh, reload]);

  const toggle = (id: number) =>
    setPicked((current) => (current.includes(id) ? current.filter((x) => x !== id) : [...current.slice(-1), id]));
  const compare = async () => {
    const [a, b] = [...picked].sort((x, y) => x - y);
    const res = await get<{ data: { changes: FieldChange[] } }>(`/newsroom/revisions/compare?from=${a}&to=${b}`);
    setChanges(res.data.data.changes);
  };
  const restore = async (id: number) => {
    try {
      await post(`/newsroom/revisions/${id}/restore`, { documentId, locale });
      toggleNotification({ type: 'success', message: t('history.restored', { id }) });
      setReload((n) => n + 1);
      // The form shows what was loaded; a reload shows the restored draft.
      window.setTimeout(() => window.location.reload(), 800);
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    }
  };

  if (!open) {
    return (
      <Button variant="tertiary" onClick={() => setOpen(true)} data-testid="history-open">
        {t('history.open')}
      </Button>
    );
  }
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="history">
      <Typography variant="delta">{t('history.title')}</Typography>
      {revisions.map((revision) => (
        <Flex key={revision.id} gap={2} data-testid="history-revision" alignItems="flex-start">
          <Checkbox
            aria-label={`#${revision.id}`}
            checked={picked.includes(revision.id)}
            onCheckedChange={() => toggle(revision.id)}
          />
          <Box grow={1}>
            <Typography variant="pi" tag="p">
              #{revision.id} · {timeIn(revision.at, zone, true)} · {revision.actor.name}
            </Typography>
            <Typography variant="pi" textColor="neutral600" tag="p">
              {t(`history.action.${revision.action}`)} · {revision.status}
              {revision.stage ? ` · ${revision.stage}` : ''}
            </Typography>
          </Box>
          {!readOnly && (
            <Button
              size="S"
              variant="ghost"
              onClick={() => restore(revision.id)}
              data-testid={`history-restore-${revision.id}`}
            >
              {t('history.restore')}
            </Button>
          )}
        </Flex>
      ))}
      <Button disabled={picked.length !== 2} onClick={compare} data-testid="history-compare">
        {t('history.compare')}
      </Button>
      {changes && (
        <Box data-testid="history-diff" padding={2} background="neutral100" hasRadius>
          {changes.length === 0 && <Typography variant="pi">{t('history.no-change')}</Typography>}
          {changes.map((change) => (
            <Box key={change.field} paddingBottom={2}>
              <Typography variant="sigma">{change.field}</Typography>
              <Typography variant="pi" tag="p">
                {change.text
                  ? change.text.map((part, index) =>
                      part.added ? (
                        <ins key={index} style={{ background: '#c6f6d5' }}>
                          {part.value}
                        </ins>
                      ) : part.removed ? (
                        <del key={index} style={{ background: '#fed7d7' }}>
                          {part.value}
                        </del>
                      ) : (
                        <span key={index}>{part.value}</span>
                      )
                    )
                  : `${preview(change.before)} → ${preview(change.after)}`}
              </Typography>
            </Box>
          ))}
        </Box>
      )}
      <Typography variant="delta">{t('history.activity')}</Typography>
      {activity.map((entry) => (
        <Typography key={entry.id} variant="pi" tag="p" data-testid="history-activity">
          {timeIn(entry.at, zone, true)} · {entry.actor.name} · {t(`history.action.${entry.action}`)}
          {entry.toStage ? ` (${entry.fromStage ?? ''} → ${entry.toStage})` : ''}
          {entry.note ? ` — ${entry.note}` : ''}
        </Typography>
      ))}
    </Flex>
  );
}
