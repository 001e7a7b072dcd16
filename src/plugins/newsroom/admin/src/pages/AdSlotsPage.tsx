import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { Page, Layouts, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { Box, Button, Field, Flex, Grid, TextInput, Typography } from '@strapi/design-system';
import { getTranslation } from '../pluginId';

type Slot = { slot: string; adUnit: string | null };
type Settings = { id: { slots: Slot[] }; en: { slots: Slot[] } };
type Errors = Record<string, string>;
type SaveFailure =
  | {
      response?: {
        data?: { error?: { message?: string; details?: { errors?: { path?: string[]; message: string }[] } } };
      };
    }
  | null
  | undefined;

const LOCALES = ['id', 'en'] as const;

/**
 * The site's ad slots per locale (Redaksi settings): named slots (top, after-paragraph-N, before-related,
 * sidebar) with an ad-unit id. Categories override them in their `adSlots`; articles in theirs, or `noAds`.
 */
const AdSlotsPage = () => {
  const { formatMessage } = useIntl();
  const { get, put } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);
  const [loadFailed, setLoadFailed] = useState(false);
  const t = (key: string) => formatMessage({ id: getTranslation(key), defaultMessage: key });

  useEffect(() => {
    get<{ data: Settings }>('/newsroom/ad-slots')
      .then((response) => setSettings(response.data.data))
      .catch(() => setLoadFailed(true));
  }, [get]);

  const update = (locale: 'id' | 'en', slots: Slot[]) =>
    setSettings((current) => (current ? { ...current, [locale]: { slots } } : current));

  const save = async () => {
    if (!settings) return;
    setSaving(true);
    setErrors({});
    try {
      // An empty ad-unit field is a slot switched off.
      const body = Object.fromEntries(
        LOCALES.map((locale) => [
          locale,
          {
            slots: settings[locale].slots.map((slot) => ({
              slot: slot.slot.trim(),
              adUnit: slot.adUnit?.trim() || null,
            })),
          },
        ])
      );
      const response = await put<{ data: Settings }>('/newsroom/ad-slots', { data: body });
      setSettings(response.data.data);
      toggleNotification({ type: 'success', message: t('ads.saved') });
    } catch (caught: unknown) {
      const error = caught as SaveFailure;
      const byPath: Errors = {};
      for (const item of error?.response?.data?.error?.details?.errors ?? [])
        byPath[(item.path ?? []).join('.')] = item.message;
      setErrors(byPath);
      toggleNotification({ type: 'danger', message: error?.response?.data?.error?.message ?? t('ads.save-error') });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Page.Main>
      <Page.Title>{t('ads.title')}</Page.Title>
      <Layouts.Header
        title={t('ads.title')}
        subtitle={t('ads.subtitle')}
        primaryAction={
          <Button onClick={save} loading={saving} disabled={!settings}>
            {t('ads.save')}
          </Button>
        }
      />
      <Layouts.Content>
        {loadFailed && <Typography textColor="danger600">{t('ads.load-error')}</Typography>}
        {!loadFailed && !settings && <Typography>{t('settings.loading')}</Typography>}
        {settings && (
          <Flex direction="column" alignItems="stretch" gap={6}>
            {LOCALES.map((locale) => (
              <Box key={locale} background="neutral0" padding={6} shadow="filterShadow" hasRadius>
                <Flex direction="column" alignItems="stretch" gap={4}>
                  <Typography variant="delta" tag="h2">
                    {t(`ads.locale.${locale}`)}
                  </Typography>
                  {settings[locale].slots.map((slot, index) => (
                    <Grid.Root key={index} gap={4}>
                      <Grid.Item col={5} s={12} direction="column" alignItems="stretch">
                        <Field.Root
                          name={`${locale}.slots.${index}.slot`}
                          error={errors[`${locale}.slots.${index}.slot`]}
                          hint={t('ads.hint.slot')}
                        >
                          <Field.Label>{t('ads.field.slot')}</Field.Label>
                          <TextInput
                            value={slot.slot}
                            onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                              update(
                                locale,
                                settings[locale].slots.map((s, i) =>
                                  i === index ? { ...s, slot: event.target.value } : s
                                )
                              )
                            }
                          />
                          <Field.Hint />
                          <Field.Error />
                        </Field.Root>
                      </Grid.Item>
                      <Grid.Item col={5} s={12} direction="column" alignItems="stretch">
                        <Field.Root
                          name={`${locale}.slots.${index}.adUnit`}
                          error={errors[`${locale}.slots.${index}.adUnit`]}
                        >
                          <Field.Label>{t('ads.field.adUnit')}</Field.Label>
                          <TextInput
                            value={slot.adUnit ?? ''}
                            onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
                              update(
                                locale,
                                settings[locale].slots.map((s, i) =>
                                  i === index ? { ...s, adUnit: event.target.value } : s
                                )
                              )
                            }
                          />
                          <Field.Error />
                        </Field.Root>
                      </Grid.Item>
                      <Grid.Item col={2} s={12} direction="column" alignItems="stretch">
                        <Button
                          variant="danger-light"
                          onClick={() =>
                            update(
                              locale,
                              settings[locale].slots.filter((_s, i) => i !== index)
                            )
                          }
                        >
                          {t('ads.remove')}
                        </Button>
                      </Grid.Item>
                    </Grid.Root>
                  ))}
                  <Box>
                    <Button
                      variant="secondary"
                      onClick={() => update(locale, [...settings[locale].slots, { slot: '', adUnit: '' }])}
                    >
                      {t('ads.add')}
                    </Button>
                  </Box>
                </Flex>
              </Box>
            ))}
          </Flex>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

export default AdSlotsPage;
