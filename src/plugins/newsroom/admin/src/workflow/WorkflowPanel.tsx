import { useCallback, useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { Alert, Badge, Box, Button, Flex, Textarea, Typography } from '@strapi/design-system';
import { getTranslation } from '../pluginId';
import { errorMessage, labelIn, timeIn, type WorkflowState } from './api';
import { useEditLock } from './useEditLock';
import { useReadOnlyForm } from './useReadOnlyForm';
import { HistoryPanel } from './HistoryPanel';

type PanelProps = {
  documentId?: string;
  document?: { locale?: string; timezone?: string; status?: string; updatedAt?: string } | null;
  model: string;
};

/** The edit view's newsroom panel: the lock banner, the stage with its transitions and assignee, and Riwayat. */
export function WorkflowPanelContent({
  documentId,
  locale,
  zone,
  version,
}: {
  documentId: string;
  locale: string;
  zone: string;
  /** Changes when the content manager saves or publishes: the stage badge and Riwayat load again. */
  version?: string;
}) {
  const { formatMessage, locale: uiLocale } = useIntl();
  const t = (key: string, values?: Record<string, string>) =>
    formatMessage({ id: getTranslation(key), defaultMessage: key }, values);
  const { get, post, put } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [state, setState] = useState<WorkflowState | null>(null);
  const [note, setNote] = useState('');
  const [refresh, setRefresh] = useState(0);
  const lock = useEditLock(documentId, locale);

  const load = useCallback(async () => {
    const res = await get<{ data: WorkflowState }>(
      `/newsroom/workflow?documentId=${encodeURIComponent(documentId)}&locale=${locale}`
    );
    setState(res.data.data);
  }, [documentId, locale, get]);
  useEffect(() => {
    load().catch(() => setState(null));
  }, [load, refresh, version]);

  const move = async (to: string) => {
    try {
      const res = await post<{ data: WorkflowState }>('/newsroom/workflow/transition', {
        documentId,
        locale,
        to,
        note: note.trim() || null,
      });
      setState(res.data.data);
      setNote('');
      setRefresh((n) => n + 1);
      toggleNotification({
        type: 'success',
        message: t('workflow.moved', { stage: labelIn(res.data.data.label, uiLocale) }),
      });
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    }
  };
  const assignToMe = async (userId: number | null) => {
    try {
      const res = await put<{ data: WorkflowState }>('/newsroom/workflow/assignee', {
        documentId,
        locale,
        assigneeId: userId,
      });
      setState(res.data.data);
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    }
  };
  const me = lock.state?.mine ? lock.state.holder : null;
  const heldByOther = Boolean(lock.state?.locked && !lock.state.mine);
  const panel = useRef<HTMLDivElement>(null);
  useReadOnlyForm(heldByOther || lock.lostTo !== null, panel);

  return (
    <Flex ref={panel} direction="column" alignItems="stretch" gap={3} width="100%" data-testid="newsroom-workflow">
      {heldByOther && lock.state?.holder && (
        <Alert variant="danger" closeLabel="" title="" data-testid="lock-banner">
          {t('lock.held-by', { name: lock.state.holder.name, since: lock.state.sinceLabel ?? '' })}
          <Box paddingTop={2}>
            <Button
              variant="danger-light"
              size="S"
              onClick={() => lock.takeOver().then(() => setRefresh((n) => n + 1))}
            >
              {t('lock.take-over')}
            </Button>
          </Box>
        </Alert>
      )}
      {lock.lostTo !== null && (
        <Alert variant="warning" closeLabel="" title="" data-testid="lock-lost">
          {t('lock.taken-over', { name: lock.lostTo })}
        </Alert>
      )}
      {lock.state?.mine && lock.state.apiChangedAt && (
        <Alert variant="warning" closeLabel="" title="" data-testid="lock-api-change">
          {t('lock.api-changed', { time: timeIn(lock.state.apiChangedAt, zone), by: lock.state.apiChangedBy ?? '' })}
        </Alert>
      )}
      {state && (
        <>
          <Flex gap={2}>
            <Typography variant="sigma">{t('workflow.stage')}</Typography>
            <Badge data-testid="workflow-stage">{labelIn(state.label, uiLocale)}</Badge>
          </Flex>
          {state.publication === 'modified' && (
            <Typography variant="pi" textColor="warning600" data-testid="workflow-modified">
              {t('workflow.modified-since-publish')}
            </Typography>
          )}
          <Typography variant="pi" data-testid="workflow-assignee">
            {state.assignee ? t('workflow.assigned-to', { name: state.assignee.name }) : t('workflow.unassigned')}
          </Typography>
          {me && state.assignee?.id !== me.id && (
            <Button variant="tertiary" size="S" onClick={() => assignToMe(me.id)}>
              {t('workflow.assign-me')}
            </Button>
          )}
          {state.transitions.some((step) => step.noteRequired) && (
            <Textarea
              name="newsroom-note"
              placeholder={t('workflow.note')}
              value={note}
              onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setNote(event.target.value)}
            />
          )}
          <Flex direction="column" alignItems="stretch" gap={2}>
            {state.transitions.map((step) => (
              <Button
                key={`${step.name}-${step.to}`}
                variant={
                  step.name === 'approve' ? 'success-light' : step.name === 'return' ? 'danger-light' : 'secondary'
                }
                disabled={heldByOther}
                onClick={() => move(step.to)}
                data-testid={`workflow-${step.name}-${step.to}`}
              >
                {labelIn(step.label, uiLocale)}
              </Button>
            ))}
          </Flex>
          {!state.mayPublish && (
            <Typography variant="pi" textColor="neutral600">
              {t('workflow.needs-approval', {
                stage: labelIn(state.stages.find((s) => s.id === 'ready')?.label, uiLocale),
              })}
            </Typography>
          )}
        </>
      )}
      <HistoryPanel
        documentId={documentId}
        locale={locale}
        zone={zone}
        refresh={`${refresh}:${version ?? ''}`}
        readOnly={heldByOther}
      />
    </Flex>
  );
}

/** `addEditViewSidePanel` description: only articles that exist (a new one has no history or lock yet). */
export const WorkflowSidePanel = ({ documentId, document, model }: PanelProps) => {
  if (model !== 'api::article.article' || !documentId || !document?.locale) return null;
  return {
    title: 'Redaksi',
    content: (
      <WorkflowPanelContent
        documentId={documentId}
        locale={document.locale}
        zone={document.timezone ?? 'WIB'}
        version={`${document.status ?? ''}:${document.updatedAt ?? ''}`}
      />
    ),
  };
};
