/**
 * The shape of the admin WhatsApp settings body (`PUT /newsroom/whatsapp-follow`, `{ data: { id, en, utm } }`):
 * which keys may appear and which must be objects. The values themselves are checked by the pure rules in
 * utils/whatsapp-follow.ts after the service merges them with the stored settings (a field left out keeps
 * its value), so that a whole refused save reports every error at once.
 */
import { z } from '@strapi/utils';
import { whatsappMessages } from '../utils/messages';

export const WHATSAPP_EDITABLE = [
  'enabled',
  'channelUrl',
  'channelName',
  'headline',
  'buttonLabel',
  'placement',
  'afterParagraph',
] as const;
export const WHATSAPP_SETTINGS_LOCALES = ['id', 'en'] as const;

export type SettingsFieldError = { path: string; message: string };

const isRecord = (value: unknown) => !!value && typeof value === 'object' && !Array.isArray(value);

// Arrays pass as objects, as they always did: their indexes then show up as unknown fields.
const localeSettings = z.preprocess(
  (value) => (Array.isArray(value) ? { ...value } : value),
  z.strictObject(Object.fromEntries(WHATSAPP_EDITABLE.map((key) => [key, z.unknown().optional()])))
);

export const whatsappSettingsBody = z.strictObject({
  id: localeSettings.optional(),
  en: localeSettings.optional(),
  utm: z.unknown().optional(),
});

export const NOT_AN_OBJECT_MESSAGE = whatsappMessages.notAnObject;

export type SettingsShapeErrors = { general: SettingsFieldError[]; byLocale: Record<string, SettingsFieldError[]> };

/**
 * The shape errors of a settings body, grouped as the service reports them: unknown top-level keys,
 * then per locale (not an object, or its unknown fields). `null` for a body that is not an object at all.
 */
export function whatsappSettingsShapeErrors(input: unknown): SettingsShapeErrors | null {
  if (!isRecord(input)) return null;
  const errors: SettingsShapeErrors = { general: [], byLocale: { id: [], en: [] } };
  const result = whatsappSettingsBody.safeParse(input);
  for (const issue of result.success ? [] : result.error.issues) {
    const [locale] = issue.path.map(String);
    if (issue.code === 'unrecognized_keys' && locale === undefined) {
      errors.general.push(...issue.keys.map((key) => ({ path: key, message: whatsappMessages.unknownSetting(key) })));
    } else if (issue.code === 'unrecognized_keys') {
      errors.byLocale[locale].push(
        ...issue.keys.map((key) => ({ path: `${locale}.${key}`, message: whatsappMessages.unknownField(key) }))
      );
    } else if (locale !== undefined) {
      errors.byLocale[locale].push({ path: locale, message: whatsappMessages.localeNotAnObject(locale) });
    }
  }
  return errors;
}
