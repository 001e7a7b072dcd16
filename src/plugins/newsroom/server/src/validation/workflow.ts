/**
 * The newsroom workflow's admin routes (`/newsroom/workflow/*`, `/newsroom/revisions/*`, `/newsroom/locks`,
 * `/newsroom/activity`): which parameters each takes. Strict objects: an unknown key is a 400 naming it.
 */
import { z } from '@strapi/utils';

const unknownKey = (where: string) => ({
  error: (issue: { code: string; keys?: string[] }) =>
    issue.code === 'unrecognized_keys'
      ? `"${where}" memuat kunci tak dikenal "${issue.keys?.join('", "')}". ("${where}" has an unknown key "${issue.keys?.join('", "')}".)`
      : undefined,
});
const documentId = z
  .string({ error: '"documentId" wajib diisi. ("documentId" is required.)' })
  .min(1, '"documentId" wajib diisi. ("documentId" is required.)')
  .max(64);
const locale = z
  .string({ error: '"locale" wajib diisi, misalnya "id". ("locale" is required, e.g. "id".)' })
  .regex(
    /^[a-z]{2}(-[A-Za-z]{2,4})?$/,
    '"locale" harus kode bahasa seperti "id". ("locale" must be a locale code such as "id".)'
  );
const id = z.coerce
  .number({ error: 'Nomor revisi harus bilangan bulat. (A revision id must be a whole number.)' })
  .int('Nomor revisi harus bilangan bulat. (A revision id must be a whole number.)')
  .positive('Nomor revisi harus bilangan bulat. (A revision id must be a whole number.)');

export const articleLocaleQuery = z.strictObject({ documentId, locale }, unknownKey('query'));
export const transitionBody = z.strictObject(
  {
    documentId,
    locale,
    to: z.string({ error: '"to" (tahap tujuan) wajib diisi. ("to", the stage to move to, is required.)' }).max(32),
    note: z.string().max(2000).nullable().optional(),
  },
  unknownKey('body')
);
export const assignBody = z.strictObject(
  { documentId, locale, assigneeId: z.number().int().positive().nullable() },
  unknownKey('body')
);
export const lockBody = z.strictObject({ documentId, locale, takeOver: z.boolean().optional() }, unknownKey('body'));
export const revisionId = id;
export const compareQuery = z.strictObject({ from: id, to: id }, unknownKey('query'));
export const restoreBody = z.strictObject({ documentId, locale }, unknownKey('body'));
export const activityQuery = z.strictObject(
  {
    documentId: documentId.optional(),
    locale: locale.optional(),
    action: z.string().max(32).optional(),
    actor: z.string().max(255).optional(),
    since: z.coerce.date({ error: '"since" harus tanggal. ("since" must be a date.)' }).optional(),
    until: z.coerce.date({ error: '"until" harus tanggal. ("until" must be a date.)' }).optional(),
    page: z.coerce.number().int().positive().optional(),
    pageSize: z.coerce.number().int().positive().max(500).optional(),
    format: z.enum(['json', 'csv']).optional(),
  },
  unknownKey('query')
);
