import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { Page, Layouts, useFetchClient } from '@strapi/strapi/admin';
import { Box, Flex, Typography } from '@strapi/design-system';
import { getTranslation } from '../pluginId';

type HouseStyle = {
  houseStyle: string;
  wordsPerMinute: number;
  availableStyles: string[];
  samples: Record<'id' | 'en', { byline: string; dateInText: string }>;
};

const Row = ({ label, value, testId }: { label: string; value: string; testId: string }) => (
  <Flex direction="column" alignItems="flex-start" gap={1}>
    <Typography variant="sigma" textColor="neutral600">
      {label}
    </Typography>
    <Typography variant="omega" data-testid={testId}>
      {value}
    </Typography>
  </Flex>
);

const HouseStylePage = () => {
  const { formatMessage } = useIntl();
  const { get } = useFetchClient();
  const [data, setData] = useState<HouseStyle | null>(null);
  const [failed, setFailed] = useState(false);
  const t = (key: string, values?: Record<string, string | number>) =>
    formatMessage({ id: getTranslation(key), defaultMessage: key }, values);

  useEffect(() => {
    get<{ data: HouseStyle }>('/newsroom/house-style')
      .then((response) => setData(response.data.data))
      .catch(() => setFailed(true));
  }, [get]);

  return (
    <Page.Main>
      <Page.Title>{t('settings.house-style.title')}</Page.Title>
      <Layouts.Header title={t('settings.house-style.title')} subtitle={t('settings.house-style.subtitle')} />
      <Layouts.Content>
        <Box background="neutral0" padding={6} shadow="filterShadow" hasRadius>
          {failed && <Typography textColor="danger600">{t('settings.house-style.load-error')}</Typography>}
          {!failed && !data && <Typography>{t('settings.loading')}</Typography>}
          {data && (
            <Flex direction="column" alignItems="stretch" gap={5}>
              <Row label={t('settings.house-style.current')} value={data.houseStyle} testId="house-style" />
              <Row
                label={t('settings.house-style.words-per-minute')}
                value={t('settings.house-style.words-per-minute.value', { count: data.wordsPerMinute })}
                testId="words-per-minute"
              />
              <Row label={t('settings.house-style.sample.id')} value={data.samples.id.byline} testId="byline-id" />
              <Row label={t('settings.house-style.sample.en')} value={data.samples.en.byline} testId="byline-en" />
              <Row
                label={t('settings.house-style.sample.in-text')}
                value={data.samples.id.dateInText}
                testId="date-in-text"
              />
              <Typography variant="pi" textColor="neutral600">
                {t('settings.house-style.available', { styles: data.availableStyles.join(', ') })}
              </Typography>
              <Typography variant="pi" textColor="neutral600">
                {t('settings.house-style.how-to-change')}
              </Typography>
            </Flex>
          )}
        </Box>
      </Layouts.Content>
    </Page.Main>
  );
};

export default HouseStylePage;
