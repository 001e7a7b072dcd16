/** What the newsroom's workflow routes answer (server/src/controllers/workflow.ts), and small helpers. */
export type Label = { id: string; en: string };
export type Actor = { kind: string; id: number | null; name: string };
export type WorkflowState = {
  documentId: string;
  locale: string;
  stage: string;
  label: Label;
  /** Never published, live as drafted, or live with changes in the draft since. */
  publication: 'draft' | 'published' | 'modified';
  assignee: { id: number; name: string } | null;
  mayPublish: boolean;
  transitions: { name: string; to: string; label: Label; toLabel: Label; noteRequired: boolean }[];
  stages: { id: string; label: Label }[];
};
export type StageList = { stages: { id: string; label: Label }[]; publishStage: string; publishedLabel: Label };
export type LockState = {
  locked: boolean;
  mine: boolean;
  holder: { id: number; name: string } | null;
  since: string | null;
  sinceLabel: string | null;
  apiChangedAt: string | null;
  apiChangedBy?: string | null;
  held?: boolean;
  takenOver?: boolean;
};
export type RevisionSummary = {
  id: number;
  action: string;
  status: string;
  stage: string | null;
  actor: Actor;
  at: string;
};
export type FieldChange = {
  field: string;
  before: unknown;
  after: unknown;
  text?: { value: string; added?: boolean; removed?: boolean }[];
};
// The entry as the server's activity log returns it: one definition for both sides.
export type { ActivityEntry } from '../../../server/src/utils/workflow/activity';

const ZONES: Record<string, string> = { WIB: 'Asia/Jakarta', WITA: 'Asia/Makassar', WIT: 'Asia/Jayapura' };

/** "10:05 WIB" (or with the date, "2 Des 10:05 WIB") in the article's own zone. */
export function timeIn(iso: string | null | undefined, zone = 'WIB', withDate = false): string {
  if (!iso) return '';
  const parts = new Intl.DateTimeFormat('id-ID', {
    timeZone: ZONES[zone] ?? ZONES.WIB,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...(withDate ? { day: 'numeric', month: 'short' } : {}),
  }).formatToParts(new Date(iso));
  const pick = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  const time = `${pick('hour')}:${pick('minute')} ${ZONES[zone] ? zone : 'WIB'}`;
  return withDate ? `${pick('day')} ${pick('month')} ${time}` : time;
}

/** The bilingual message of a refused request (Strapi's error body), else the error's own text. */
export function errorMessage(error: unknown): string {
  const response = (error as { response?: { data?: { error?: { message?: string } } } })?.response;
  return response?.data?.error?.message ?? (error instanceof Error ? error.message : String(error));
}

export const labelIn = (label: Label | undefined, locale: string) =>
  label ? (locale.startsWith('id') ? label.id : label.en) : '';
