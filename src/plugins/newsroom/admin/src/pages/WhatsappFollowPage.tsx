import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { Page, Layouts, useFetchClient, useNotification } from '@strapi/strapi/admin';
import {
  Box,
  Button,
  Field,
  Flex,
  Grid,
  NumberInput,
  SingleSelect,
  SingleSelectOption,
  TextInput,
  Toggle,
  Typography,
} from '@strapi/design-system';
import { getTranslation } from '../pluginId';

type SiteDefault = {
  enabled: boolean;
  channelUrl: string | null;
  channelName: string | null;
  headline: string | null;
  buttonLabel: string | null;
  placement: 'end' | 'after-paragraph';
  afterParagraph: number | null;
};
type Settings = {
  id: SiteDefault;
  en: SiteDefault;
  utm: { source: string | null; medium: string | null; campaign: string | null };
};
type Errors = Record<string, string>;
/** What the page reads of a refused save: Strapi's validation error, one entry per field at fault. */
type SaveFailure =
  | {
      response?: {
        data?: { error?: { message?: string; details?: { errors?: { path?: string[]; message: string }[] } } };
      };
    }
  | null
  | undefined;

const LOCALES = ['id', 'en'] as const;

/** Site-wide "Ikuti Saluran WhatsApp" defaults per locale; categories and articles override them in their edit views. */
const WhatsappFollowPage = () => {
  const { formatMessage } = useIntl();
  const { get, put } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);
  const [loadFailed, setLoadFailed] = useState(false);
  const t = (key: string, values?: Record<string, string | number>) =>
    formatMessage({ id: getTranslation(key), defaultMessage: key }, values);

  useEffect(() => {
    get<{ data: Settings }>('/newsroom/whatsapp-follow')
      .then((response) => setSettings(response.data.data))
      .catch(() => setLoadFailed(true));
  }, [get]);

  const setField = (locale: 'id' | 'en', field: keyof SiteDefault, value: unknown) =>
    setSettings((current) => (current ? { ...current, [locale]: { ...current[locale], [field]: value } } : current));
  const setUtm = (field: keyof Settings['utm'], value: string) =>
    setSettings((current) => (current ? { ...current, utm: { ...current.utm, [field]: value } } : current));

  const save = async () => {
    if (!settings) return;
    setSaving(true);
    setErrors({});
    try {
      const response = await put<{ data: Settings }>('/newsroom/whatsapp-follow', { data: settings });
      setSettings(response.data.data);
      toggleNotification({ type: 'success', message: t('whatsapp.saved') });
    } catch (caught: unknown) {
      const error = caught as SaveFailure;
      const details = error?.response?.data?.error?.details?.errors ?? [];
      const byPath: Errors = {};
      for (const item of details) byPath[(item.path ?? []).join('.')] = item.message;
      setErrors(byPath);
      toggleNotification({
        type: 'danger',
        message: error?.response?.data?.error?.message ?? t('whatsapp.save-error'),
      });
    } finally {
      setSaving(false);
    }
  };

  const text = (
    locale: 'id' | 'en',
    field: 'channelUrl' | 'channelName' | 'headline' | 'buttonLabel',
    hint?: string
  ) => (
    <Field.Root name={`${locale}.${field}`} error={errors[`${locale}.${field}`]} hint={hint}>
      <Field.Label>{t(`whatsapp.field.${field}`)}</Field.Label>
      <TextInput
        value={settings?.[locale][field] ?? ''}
        onChange={(event: React.ChangeEvent<HTMLInputElement>) => setField(locale, field, event.target.value)}
      />
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );

  return (
    <Page.Main>
      <Page.Title>{t('whatsapp.title')}</Page.Title>
      <Layouts.Header
        title={t('whatsapp.title')}
        subtitle={t('whatsapp.subtitle')}
        primaryAction={
          <Button onClick={save} loading={saving} disabled={!settings}>
            {t('whatsapp.save')}
          </Button>
        }
      />
      <Layouts.Content>
        {loadFailed && <Typography textColor="danger600">{t('whatsapp.load-error')}</Typography>}
        {!loadFailed && !settings && <Typography>{t('settings.loading')}</Typography>}
        {settings && (
          <Flex direction="column" alignItems="stretch" gap={6}>
            {LOCALES.map((locale) => (
              <Box key={locale} background="neutral0" padding={6} shadow="filterShadow" hasRadius>
                <Flex direction="column" alignItems="stretch" gap={4}>
                  <Typography variant="delta" tag="h2">
                    {t(`whatsapp.locale.${locale}`)}
                  </Typography>
                  <Field.Root name={`${locale}.enabled`} error={errors[`${locale}.enabled`]}>
                    <Field.Label>{t('whatsapp.field.enabled')}</Field.Label>
                    <Toggle
                      onLabel={t('whatsapp.on')}
                      offLabel={t('whatsapp.off')}
                      checked={settings[locale].enabled}
                      onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                        setField(locale, 'enabled', event.target.checked)
                      }
                    />
                  </Field.Root>
                  <Grid.Root gap={4}>
                    <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                      {text(locale, 'channelUrl', t('whatsapp.hint.channelUrl'))}
                    </Grid.Item>
                    <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                      {text(locale, 'channelName')}
                    </Grid.Item>
                    <Grid.Item col={8} s={12} direction="column" alignItems="stretch">
                      {text(locale, 'headline', t('whatsapp.hint.headline'))}
                    </Grid.Item>
                    <Grid.Item col={4} s={12} direction="column" alignItems="stretch">
                      {text(locale, 'buttonLabel')}
                    </Grid.Item>
                    <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                      <Field.Root name={`${locale}.placement`} error={errors[`${locale}.placement`]}>
                        <Field.Label>{t('whatsapp.field.placement')}</Field.Label>
                        <SingleSelect
                          value={settings[locale].placement}
                          onChange={(value: string | number) => setField(locale, 'placement', value)}
                        >
                          <SingleSelectOption value="end">{t('whatsapp.placement.end')}</SingleSelectOption>
                          <SingleSelectOption value="after-paragraph">
                            {t('whatsapp.placement.after-paragraph')}
                          </SingleSelectOption>
                        </SingleSelect>
                        <Field.Error />
                      </Field.Root>
                    </Grid.Item>
                    <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                      <Field.Root name={`${locale}.afterParagraph`} error={errors[`${locale}.afterParagraph`]}>
                        <Field.Label>{t('whatsapp.field.afterParagraph')}</Field.Label>
                        <NumberInput
                          value={settings[locale].afterParagraph ?? undefined}
                          onValueChange={(value: number | undefined) =>
                            setField(locale, 'afterParagraph', value ?? null)
                          }
                        />
                        <Field.Error />
                      </Field.Root>
                    </Grid.Item>
                  </Grid.Root>
                </Flex>
              </Box>
            ))}
            <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
              <Flex direction="column" alignItems="stretch" gap={4}>
                <Typography variant="delta" tag="h2">
                  {t('whatsapp.utm.title')}
                </Typography>
                <Typography variant="pi" textColor="neutral600">
                  {t('whatsapp.utm.subtitle')}
                </Typography>
                <Grid.Root gap={4}>
                  {(['source', 'medium', 'campaign'] as const).map((field) => (
                    <Grid.Item key={field} col={4} s={12} direction="column" alignItems="stretch">
                      <Field.Root name={`utm.${field}`} error={errors[`utm.${field}`]}>
                        <Field.Label>{`utm_${field}`}</Field.Label>
                        <TextInput
                          value={settings.utm[field] ?? ''}
                          onChange={(event: React.ChangeEvent<HTMLInputElement>) => setUtm(field, event.target.value)}
                        />
                        <Field.Error />
                      </Field.Root>
                    </Grid.Item>
                  ))}
                </Grid.Root>
              </Flex>
            </Box>
          </Flex>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

export default WhatsappFollowPage;
