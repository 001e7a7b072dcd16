/**
 * The page's uploaded images (the cover's picture, the authors' avatars, the sponsor's logo) in one
 * statement. Strapi's populate reads each media field with a query of its own, three per page; this reads
 * the upload plugin's morph table once for all of them and hands each field the file Strapi's populate
 * would (the first by the table's order, the same fields), which tests/read-path.test.ts compares.
 */
import type { Core } from '@strapi/strapi';
import { UPLOAD_FILE_UID } from '../../constants';
import { getService } from '../../get-service';
import { listTag } from '../../utils/cache/tags';
import { jsonValue, type RawRow } from '../../utils/content/rows';

/** One media field of one row: whose it is, which fields of the file it shows, where the file goes. */
export type MediaSlot = {
  uid: string;
  id: number;
  field: string;
  fields: readonly string[];
  assign: (file: Record<string, unknown> | null) => void;
};

type Attribute = { columnName?: string; type?: string };
type MorphJoinTable = {
  name: string;
  joinColumn: { name: string };
  morphColumn: { typeColumn: { name: string }; idColumn: { name: string } };
  orderBy?: Record<string, 'asc' | 'desc'>;
};

/** The file's value as the query engine returns it: JSON parsed, numbers as numbers. */
function attributeValue(attribute: Attribute | undefined, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (attribute?.type === 'json') return jsonValue(value);
  if (attribute?.type === 'integer' || attribute?.type === 'decimal' || attribute?.type === 'float')
    return Number(value);
  return value;
}

export async function attachMedia(strapi: Core.Strapi, slots: MediaSlot[]): Promise<void> {
  if (slots.length === 0) return;
  const meta = strapi.db.metadata.get(UPLOAD_FILE_UID) as unknown as {
    tableName: string;
    attributes: Record<string, Attribute & { joinTable?: MorphJoinTable }>;
  };
  const morph = meta.attributes.related.joinTable!;
  const typeColumn = morph.morphColumn.typeColumn.name;
  const idColumn = morph.morphColumn.idColumn.name;
  const names = [...new Set(['id', 'documentId', ...slots.flatMap((slot) => slot.fields)])];
  const select = Object.fromEntries(names.map((name) => [name, `f.${meta.attributes[name].columnName ?? name}`]));
  const orderColumn = Object.keys(morph.orderBy ?? { order: 'asc' })[0];

  const rows = (await strapi.db
    .connection({ f: meta.tableName })
    .join({ m: morph.name }, `m.${morph.joinColumn.name}`, 'f.id')
    .select({ ...select, ownerType: `m.${typeColumn}`, ownerId: `m.${idColumn}`, ownerField: 'm.field' })
    .where((where) => {
      for (const slot of slots)
        where.orWhere({ [`m.${typeColumn}`]: slot.uid, [`m.${idColumn}`]: slot.id, 'm.field': slot.field });
    })
    .orderBy([`m.${orderColumn}`, 'f.id'])) as RawRow[];

  const shown: string[] = [];
  for (const slot of slots) {
    const row = rows.find(
      (candidate) =>
        candidate.ownerType === slot.uid && Number(candidate.ownerId) === slot.id && candidate.ownerField === slot.field
    );
    if (!row) {
      slot.assign(null);
      continue;
    }
    shown.push(String(row.documentId));
    const file: Record<string, unknown> = { id: Number(row.id), documentId: row.documentId };
    for (const name of slot.fields) file[name] = attributeValue(meta.attributes[name], row[name]);
    slot.assign(file);
  }
  // Read beside the query engine, so tagged here: a changed or deleted file purges the page that shows it.
  getService('response-cache', strapi).depend(shown, listTag('file'));
}
