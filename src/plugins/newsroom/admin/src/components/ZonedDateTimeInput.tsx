/**
 * "Terbitkan pada", "Tarik pada" and "Embargo hingga" in the edit view: a date and a time typed in the
 * article's own zone (its "Zona waktu" field: WIB, WITA or WIT), never the browser's, with the result
 * printed in full underneath ("Jumat, 27 Oktober 2023 05:00 WITA"). Stored as the instant it stands for.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { useForm } from '@strapi/strapi/admin';
import { Button, Field, Flex, TextInput, Typography } from '@strapi/design-system';
import { formatScheduleInstant, zoneOf } from '../../../server/src/utils/schedule/labels';
import { instantOfZonedInput, zonedInputOf, type ZonedInput } from '../../../server/src/utils/schedule/zoned-input';
import { getTranslation } from '../pluginId';

type Props = {
  name: string;
  value?: string | null;
  onChange: (path: string, value: string | null) => void;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  disabled?: boolean;
};

const EMPTY: ZonedInput = { date: '', time: '' };

const inputOf = (value: string | null | undefined, zone: ReturnType<typeof zoneOf>): ZonedInput => {
  const instant = value ? new Date(value) : null;
  return instant && !Number.isNaN(instant.getTime()) ? zonedInputOf(instant, zone) : EMPTY;
};

const ZonedDateTimeInput = ({ name, value, onChange, label, hint, error, required, disabled }: Props) => {
  const { formatMessage, locale } = useIntl();
  const zone = zoneOf(useForm('ZonedDateTimeInput', (state) => (state.values as Record<string, unknown>).timezone));
  const [typed, setTyped] = useState<ZonedInput>(() => inputOf(value, zone));
  const t = (key: string, values?: Record<string, string>) =>
    formatMessage({ id: getTranslation(key), defaultMessage: key }, values);

  // The stored value changed from outside (a reset, a locale switch): show it.
  useEffect(() => {
    const shown = instantOfZonedInput(typed, zone)?.toISOString() ?? null;
    if ((value ?? null) !== shown && (value || shown)) setTyped(inputOf(value, zone));
    // Only the stored value drives this; typing is handled by commit().
  }, [value]);

  // Typing, or changing the article's zone: the wall time typed stays, the instant follows.
  const commit = (next: ZonedInput) => {
    setTyped(next);
    if (!next.date && !next.time) return onChange(name, null);
    const instant = instantOfZonedInput(next, zone);
    if (instant && instant.toISOString() !== value) onChange(name, instant.toISOString());
  };
  useEffect(() => {
    const instant = instantOfZonedInput(typed, zone);
    if (instant && instant.toISOString() !== value) onChange(name, instant.toISOString());
  }, [zone]);

  const instant = instantOfZonedInput(typed, zone);
  return (
    <Field.Root name={name} error={error} hint={hint} required={required}>
      <Field.Label>{label}</Field.Label>
      <Flex gap={2} alignItems="center">
        <TextInput
          type="date"
          name={`${name}.date`}
          aria-label={t('schedule.input.date', { zone })}
          value={typed.date}
          disabled={disabled}
          onChange={(event: React.ChangeEvent<HTMLInputElement>) => commit({ ...typed, date: event.target.value })}
        />
        <TextInput
          type="time"
          name={`${name}.time`}
          aria-label={t('schedule.input.time', { zone })}
          value={typed.time}
          disabled={disabled}
          onChange={(event: React.ChangeEvent<HTMLInputElement>) => commit({ ...typed, time: event.target.value })}
        />
        <Typography variant="omega" fontWeight="bold">
          {zone}
        </Typography>
        {(typed.date || typed.time) && !disabled ? (
          <Button variant="tertiary" size="S" onClick={() => commit(EMPTY)}>
            {t('schedule.input.clear')}
          </Button>
        ) : null}
      </Flex>
      <Typography variant="pi" textColor="neutral600" data-testid={`${name}-zoned`}>
        {instant
          ? formatScheduleInstant(instant, zone, locale.startsWith('en') ? 'en' : 'id')
          : t('schedule.input.none', { zone })}
      </Typography>
      <Field.Hint />
      <Field.Error />
    </Field.Root>
  );
};

export default ZonedDateTimeInput;
