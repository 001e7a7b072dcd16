/** The article list's "Jadwal" column: "Terjadwal 05:00 WIB", "Jadwal lewat 05:00 WIB", "Tarik 23:59 WIB", or nothing. */
import { useIntl } from 'react-intl';
import { Typography } from '@strapi/design-system';
import { storedInstant } from '../../../server/src/utils/schedule/instant';
import { scheduleBadge, zoneOf } from '../../../server/src/utils/schedule/labels';

export type ScheduleRow = { publishAt?: unknown; unpublishAt?: unknown; timezone?: unknown };

const COLORS = { scheduled: 'primary600', overdue: 'danger600', unpublishing: 'neutral600' } as const;

export const ScheduleCell = ({ row }: { row: ScheduleRow }) => {
  const { locale } = useIntl();
  const badge = scheduleBadge(
    { publishAt: storedInstant(row.publishAt), unpublishAt: storedInstant(row.unpublishAt) },
    zoneOf(row.timezone),
    new Date(),
    locale.startsWith('en') ? 'en' : 'id'
  );
  if (!badge) return <Typography textColor="neutral500">-</Typography>;
  return (
    <Typography textColor={COLORS[badge.state]} fontWeight="semiBold" data-testid="newsroom-schedule-badge">
      {badge.label}
    </Typography>
  );
};
