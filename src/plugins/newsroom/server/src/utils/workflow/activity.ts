/** The activity log's entries as the admin reads them, and the CSV export (RFC 4180, UTF-8 with a BOM for Excel). */
export type ActivityEntry = {
  id: number;
  documentId: string;
  locale: string;
  action: string;
  fromStage: string | null;
  toStage: string | null;
  note: string | null;
  actor: { kind: string; id: number | null; name: string };
  at: string;
};

const CSV_COLUMNS = ['id', 'waktu', 'artikel', 'bahasa', 'aksi', 'dari', 'ke', 'catatan', 'jenis_pelaku', 'pelaku'];

/** A CSV cell: quoted when it holds a comma, quote or line break; a leading =, +, - or @ is defused for spreadsheets. */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function activityCsv(entries: ActivityEntry[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const entry of entries) {
    lines.push(
      [
        entry.id,
        entry.at,
        entry.documentId,
        entry.locale,
        entry.action,
        entry.fromStage,
        entry.toStage,
        entry.note,
        entry.actor.kind,
        entry.actor.name,
      ]
        .map(csvCell)
        .join(',')
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
