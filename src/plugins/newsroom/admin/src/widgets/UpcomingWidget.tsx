/**
 * The admin home's "Terbit 24 jam ke depan": what the scheduler publishes or takes down in the next 24
 * hours, soonest first, each time in its article's zone, and every scheduled publish that was refused
 * (no category, an embargo) with the newsroom's reason, so the morning edition is not missed in silence.
 */
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import { useFetchClient, Widget } from '@strapi/strapi/admin';
import { Box, Flex, Typography } from '@strapi/design-system';
import { getTranslation } from '../pluginId';

type Upcoming = {
  documentId: string;
  locale: string;
  title: string | null;
  action: 'publish' | 'unpublish';
  at: string;
  zone: string;
  when: string;
  state: 'pending' | 'parked';
  error: string | null;
};

const editPath = (item: Upcoming) =>
  `/content-manager/collection-types/api::article.article/${item.documentId}?plugins[i18n][locale]=${item.locale}`;

const UpcomingWidget = () => {
  const { formatMessage } = useIntl();
  const { get } = useFetchClient();
  const [items, setItems] = useState<Upcoming[] | null>(null);
  const [failed, setFailed] = useState(false);
  const t = (key: string) => formatMessage({ id: getTranslation(key), defaultMessage: key });

  useEffect(() => {
    get<{ data: Upcoming[] }>('/newsroom/schedule/upcoming?hours=24')
      .then((response) => setItems(response.data.data))
      .catch(() => setFailed(true));
  }, [get]);

  if (failed) return <Widget.Error />;
  if (!items) return <Widget.Loading />;
  if (items.length === 0) return <Widget.NoData>{t('widget.upcoming.empty')}</Widget.NoData>;
  return (
    <Flex direction="column" alignItems="stretch" gap={2} data-testid="newsroom-upcoming">
      {items.map((item) => (
        <Box key={`${item.action}-${item.documentId}-${item.locale}`} padding={2} hasRadius background="neutral100">
          <Flex justifyContent="space-between" gap={2}>
            <Link to={editPath(item)}>
              <Typography fontWeight="semiBold" ellipsis>
                {item.title ?? item.documentId}
              </Typography>
            </Link>
            <Typography variant="pi" textColor="neutral600">
              {item.locale}
            </Typography>
          </Flex>
          <Typography variant="pi" textColor={item.state === 'parked' ? 'danger600' : 'neutral700'}>
            {t(item.action === 'publish' ? 'widget.upcoming.publish' : 'widget.upcoming.unpublish')} {item.when}
            {item.state === 'parked' ? ` · ${t('widget.upcoming.refused')}: ${item.error ?? ''}` : ''}
          </Typography>
        </Box>
      ))}
    </Flex>
  );
};

export default UpcomingWidget;
