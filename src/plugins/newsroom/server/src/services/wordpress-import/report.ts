/** The import's report: counts per kind, and every item that was skipped, not fully mapped or failed. */
import type { Unmapped } from '../../utils/wordpress/blocks-types';

export type Outcome = 'created' | 'updated' | 'unchanged' | 'kept';
export type Counts = Record<Outcome, number>;
const counts = (): Counts => ({ created: 0, updated: 0, unchanged: 0, kept: 0 });

export function newReport(source: string, dryRun: boolean) {
  return {
    source,
    site: '',
    wxrVersion: '',
    locale: '',
    dryRun,
    startedAt: new Date().toISOString(),
    finishedAt: '',
    seconds: 0,
    /** This process's peak resident memory, boot included (a compile step before it is another process). */
    peakRssMb: 0,
    authors: counts(),
    categories: counts(),
    tags: counts(),
    posts: counts(),
    captions: counts(),
    media: { uploaded: 0, reused: 0, failed: 0 },
    /** Pictures inside the bodies (covers are `media`); `foreign` ones are on other sites and keep their URL. */
    bodyImages: { uploaded: 0, reused: 0, failed: 0, foreign: 0 },
    redirects: { created: 0, updated: 0 },
    /** Items read but not imported, by reason ("post type "page" is not imported": 21). */
    skippedByReason: {} as Record<string, number>,
    skipped: [] as { item: string; reason: string }[],
    /** Posts whose content had markup with no block, and what it was. */
    unmapped: [] as { item: string; entries: Unmapped[] }[],
    notes: [] as { item: string; notes: string[] }[],
    mediaFailures: [] as { item: string; url: string; message: string }[],
    /** Items that could not be read or written; the import went on without them. */
    errors: [] as { item: string; line: number | null; message: string }[],
    /** Set when the source itself failed (not WXR, truncated, refused): what was read before it stands. */
    fatal: null as string | null,
  };
}

export type ImportReport = ReturnType<typeof newReport>;

/** Items in the text report per list; the JSON report has them all. */
const SHOWN = 20;

export function reportText(report: ImportReport): string {
  const line = (name: string, c: Counts) =>
    `  ${name.padEnd(11)} ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged, ${c.kept} kept (edited in Warta)`;
  const out = [
    `WordPress import ${report.dryRun ? '(DRY RUN: nothing written) ' : ''}from ${report.source}`,
    `  site ${report.site || '?'}, WXR ${report.wxrVersion || '?'}, locale ${report.locale}, ${report.seconds.toFixed(1)} s, peak RSS ${report.peakRssMb} MB`,
    line('authors', report.authors),
    line('categories', report.categories),
    line('tags', report.tags),
    line('posts', report.posts),
    line('captions', report.captions),
    `  media       ${report.media.uploaded} uploaded, ${report.media.reused} reused, ${report.media.failed} failed`,
    `  body images ${report.bodyImages.uploaded} uploaded, ${report.bodyImages.reused} reused, ${report.bodyImages.failed} failed, ${report.bodyImages.foreign} on other sites (kept)`,
    `  redirects   ${report.redirects.created} created, ${report.redirects.updated} updated`,
  ];
  const list = <T>(title: string, items: T[], show: (item: T) => string) => {
    if (!items.length) return;
    out.push(`${title} (${items.length}):`);
    for (const item of items.slice(0, SHOWN)) out.push(`  - ${show(item)}`);
    if (items.length > SHOWN) out.push(`  … ${items.length - SHOWN} more in the JSON report`);
  };
  list('skipped', Object.entries(report.skippedByReason), ([reason, count]) => `${reason}: ${count}`);
  list(
    'unmapped markup',
    report.unmapped,
    (entry) =>
      `${entry.item}: ${entry.entries.map((e) => `${e.kind} ${e.name}${e.detail ? ` (${e.detail})` : ''}`).join('; ')}`
  );
  list('notes', report.notes, (entry) => `${entry.item}: ${entry.notes.join('; ')}`);
  list('media failures', report.mediaFailures, (entry) => `${entry.item}: ${entry.url}: ${entry.message}`);
  list(
    'errors',
    report.errors,
    (entry) => `${entry.item}${entry.line ? ` (line ${entry.line})` : ''}: ${entry.message}`
  );
  if (report.fatal) out.push(`FAILED: ${report.fatal}`);
  return out.join('\n');
}

/** Non-zero when anything failed: the CLI's exit code. */
export function failed(report: ImportReport): boolean {
  return Boolean(report.fatal) || report.errors.length > 0 || report.mediaFailures.length > 0;
}
