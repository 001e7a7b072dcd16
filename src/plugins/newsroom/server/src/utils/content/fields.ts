import type { Modules } from '@strapi/strapi';
import type { MEDIA_CAPTION_UID, UPLOAD_FILE_UID } from '../../constants';

type FieldList<UID extends typeof UPLOAD_FILE_UID | typeof MEDIA_CAPTION_UID> =
  Modules.Documents.Params.Fields.ArrayNotation<UID>;

/**
 * The fields each public response selects of a related record, once: an explicit selection keeps
 * private fields (an author's email) out from the start.
 */

/** What a card or a page shows of an uploaded image. */
export const IMAGE_FIELDS = ['url', 'alternativeText', 'width', 'height', 'formats'] satisfies FieldList<
  typeof UPLOAD_FILE_UID
>;
/** The page and the feeds also state the image's type (JSON-LD `encodingFormat`, the RSS enclosure). */
export const IMAGE_FIELDS_WITH_TYPE = [...IMAGE_FIELDS, 'mime'] satisfies FieldList<typeof UPLOAD_FILE_UID>;
/** A MediaCaption as a cover: its caption, credit ("Reuters") and credit label ("Foto"), and alt text. */
export const COVER_FIELDS = ['caption', 'credit', 'creditLabel', 'altText'] satisfies FieldList<
  typeof MEDIA_CAPTION_UID
>;
