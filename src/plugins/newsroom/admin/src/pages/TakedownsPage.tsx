import { useCallback, useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { Page, Layouts, useFetchClient, useNotification } from '@strapi/strapi/admin';
import {
  Box,
  Button,
  Field,
  Flex,
  Grid,
  SingleSelect,
  SingleSelectOption,
  Textarea,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { getTranslation } from '../pluginId';

type Takedown = {
  documentId: string;
  locale: string;
  slug: string;
  title: string;
  reason: string;
  withdrawnAt: string;
};
type Failure = { response?: { data?: { error?: { message?: string } } } } | null | undefined;

/**
 * "Dicabut": withdraw a published story with a public reason (its URL then answers 410 with the title, the
 * date and the reason), and the list of withdrawn stories. Publishing the article again reinstates it.
 */
const TakedownsPage = () => {
  const { formatMessage } = useIntl();
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [article, setArticle] = useState('');
  const [locale, setLocale] = useState<'id' | 'en'>('id');
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  const [list, setList] = useState<Takedown[] | null>(null);
  const t = (key: string) => formatMessage({ id: getTranslation(key), defaultMessage: key });

  const load = useCallback(() => {
    get<{ data: Takedown[] }>('/newsroom/takedowns')
      .then((response) => setList(response.data.data))
      .catch(() => setList([]));
  }, [get]);
  useEffect(load, [load]);

  const withdraw = async () => {
    setSaving(true);
    try {
      await post('/newsroom/takedowns', { data: { article: article.trim(), locale, reason } });
      toggleNotification({ type: 'success', message: t('takedown.done') });
      setArticle('');
      setReason('');
      load();
    } catch (caught: unknown) {
      const error = caught as Failure;
      toggleNotification({ type: 'danger', message: error?.response?.data?.error?.message ?? t('takedown.error') });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Page.Main>
      <Page.Title>{t('takedown.title')}</Page.Title>
      <Layouts.Header title={t('takedown.title')} subtitle={t('takedown.subtitle')} />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
            <Grid.Root gap={4}>
              <Grid.Item col={9} s={12} direction="column" alignItems="stretch">
                <Field.Root name="article" hint={t('takedown.hint.article')}>
                  <Field.Label>{t('takedown.field.article')}</Field.Label>
                  <TextInput
                    value={article}
                    onChange={(event: React.ChangeEvent<HTMLInputElement>) => setArticle(event.target.value)}
                  />
                  <Field.Hint />
                </Field.Root>
              </Grid.Item>
              <Grid.Item col={3} s={12} direction="column" alignItems="stretch">
                <Field.Root name="locale">
                  <Field.Label>{t('takedown.field.locale')}</Field.Label>
                  <SingleSelect value={locale} onChange={(value: string | number) => setLocale(value as 'id' | 'en')}>
                    <SingleSelectOption value="id">id</SingleSelectOption>
                    <SingleSelectOption value="en">en</SingleSelectOption>
                  </SingleSelect>
                </Field.Root>
              </Grid.Item>
              <Grid.Item col={12} direction="column" alignItems="stretch">
                <Field.Root name="reason" hint={t('takedown.hint.reason')}>
                  <Field.Label>{t('takedown.field.reason')}</Field.Label>
                  <Textarea
                    value={reason}
                    onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setReason(event.target.value)}
                  />
                  <Field.Hint />
                </Field.Root>
              </Grid.Item>
              <Grid.Item col={12}>
                <Button variant="danger" onClick={withdraw} loading={saving} disabled={!article.trim()}>
                  {t('takedown.submit')}
                </Button>
              </Grid.Item>
            </Grid.Root>
          </Box>
          <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
            <Flex direction="column" alignItems="stretch" gap={3}>
              <Typography variant="delta" tag="h2">
                {t('takedown.list')}
              </Typography>
              {list?.length === 0 && <Typography>{t('takedown.empty')}</Typography>}
              {(list ?? []).map((item) => (
                <Box key={`${item.documentId}-${item.locale}`}>
                  <Typography fontWeight="bold">{`${item.title} (${item.locale})`}</Typography>
                  <Typography
                    variant="pi"
                    textColor="neutral600"
                  >{`${new Date(item.withdrawnAt).toLocaleString()} · ${item.reason}`}</Typography>
                </Box>
              ))}
            </Flex>
          </Box>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

export default TakedownsPage;
