/**
 * The fields each public response selects of a related record, once: an explicit selection keeps
 * private fields (an author's email) out from the start.
 */

/** What a card or a page shows of an uploaded image. */
export const IMAGE_FIELDS = ['url', 'alternativeText', 'width', 'height', 'formats'];
/** The page and the feeds also state the image's type (JSON-LD `encodingFormat`, the RSS enclosure). */
export const IMAGE_FIELDS_WITH_TYPE = [...IMAGE_FIELDS, 'mime'];
/** A MediaCaption as a cover: its caption, credit ("Reuters") and credit label ("Foto"), and alt text. */
export const COVER_FIELDS = ['caption', 'credit', 'creditLabel', 'altText'];
