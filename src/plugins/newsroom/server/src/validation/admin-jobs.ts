/**
 * Query parameters of the admin's schedule and job routes (the home widgets): unknown parameters and
 * values out of range are a bilingual 400, like every other route of Warta.
 */
import { z } from '@strapi/utils';
import { requestMessages } from '../utils/messages';

export const UPCOMING_MAX_HOURS = 168;

export const upcomingQuery = z.strictObject(
  {
    hours: z
      .string({ error: requestMessages.upcomingHours(UPCOMING_MAX_HOURS) })
      .regex(/^[1-9]\d{0,2}$/, { error: requestMessages.upcomingHours(UPCOMING_MAX_HOURS) })
      .transform(Number)
      .pipe(z.number().max(UPCOMING_MAX_HOURS, { error: requestMessages.upcomingHours(UPCOMING_MAX_HOURS) }))
      .default(24),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? requestMessages.unknownParameters(issue.keys, 'hours') : undefined,
  }
);

export const jobsQuery = z.strictObject(
  {
    state: z.enum(['pending', 'parked'], { error: requestMessages.jobState }).optional(),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? requestMessages.unknownParameters(issue.keys, 'state') : undefined,
  }
);

export const jobIdParams = z.looseObject({
  id: z
    .string()
    .regex(/^[1-9]\d{0,9}$/, { error: requestMessages.jobId })
    .transform(Number),
});
