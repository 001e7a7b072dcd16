/**
 * What a WordPress post becomes, decided without Strapi: skipped (and why), or an article's status,
 * title, lead and dates, with notes for the report. The import service does the writing.
 */
import { parseDocument } from 'htmlparser2';
import { GUEST_AUTHOR_TYPE } from './co-authors';

export type PostPlan =
  | { action: 'skip'; reason: string }
  | {
      action: 'import';
      status: 'published' | 'draft';
      title: string;
      lead: string | null;
      /** ISO instant, from the GMT date (WordPress' local date is the site's zone, not known here). */
      datePublished: string | null;
      /** A `future` post still to come: Warta publishes it then ("Terbitkan pada"). */
      publishAt: string | null;
      sticky: boolean;
      notes: string[];
    };

export type PlanInput = {
  postId: number;
  type: string;
  status: string;
  title: string;
  excerpt: string;
  postDate: string;
  postDateGmt: string;
  sticky: boolean;
  password: string;
};

export const TITLE_MAX = 200;
export const LEAD_MAX = 300;

/** Plain text of an HTML fragment (an excerpt, a caption), entities decoded, spaces collapsed. */
export function htmlText(html: string): string {
  type Node = { type: string; data?: string; children?: Node[] };
  const walk = (node: Node): string =>
    node.type === 'text'
      ? (node.data ?? '')
      : node.type === 'tag' || node.type === 'root'
        ? (node.children ?? []).map(walk).join(' ')
        : '';
  return walk(parseDocument(html, { decodeEntities: true }) as unknown as Node)
    .replace(/\s+/g, ' ')
    .replace(/ ([.,;:!?])/g, '$1')
    .trim();
}

/** Cut on a word boundary with an ellipsis, so a lead or title never ends mid-word. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s.,;:]+$/, '')}…`;
}

/** "2023-10-27 11:05:00" (GMT) -> "2023-10-27T11:05:00.000Z"; WordPress writes 0000-00-00 for "never". */
export function gmtToIso(value: string): string | null {
  const match = value.match(/^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/);
  if (!match || match[1] === '0000') return null;
  const date = new Date(`${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}Z`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

export function planPost(post: PlanInput, now: number = Date.now()): PostPlan {
  if (post.type === GUEST_AUTHOR_TYPE)
    return { action: 'skip', reason: 'Co-Authors Plus guest author (imported as an author)' };
  if (post.type !== 'post') return { action: 'skip', reason: `post type "${post.type}" is not imported` };
  if (post.status === 'private') return { action: 'skip', reason: 'private post' };
  if (post.status === 'trash') return { action: 'skip', reason: 'in the trash' };
  if (post.status === 'auto-draft' || post.status === 'inherit')
    return { action: 'skip', reason: `status "${post.status}"` };
  const notes: string[] = [];
  let status: 'published' | 'draft';
  let publishAt: string | null = null;
  if (post.status === 'publish') status = 'published';
  else if (post.status === 'draft' || post.status === 'pending') status = 'draft';
  else if (post.status === 'future') {
    status = 'draft';
    const at = gmtToIso(post.postDateGmt);
    if (at && Date.parse(at) > now) {
      publishAt = at;
      notes.push(`scheduled for ${post.postDateGmt} GMT in WordPress: scheduled in Warta (Terbitkan pada)`);
    } else {
      notes.push(`scheduled for ${post.postDateGmt} GMT in WordPress, a time now past: imported as a draft`);
    }
  } else {
    status = 'draft';
    notes.push(`unknown status "${post.status}": imported as a draft`);
  }
  if (post.password) {
    status = 'draft';
    publishAt = null;
    notes.push('password-protected in WordPress: imported as a draft');
  }
  let title = htmlText(post.title);
  if (!title) {
    title = `Tanpa judul (WordPress ${post.postId})`;
    notes.push('no title: given a placeholder');
  } else if (title.length > TITLE_MAX) {
    title = cutText(title, TITLE_MAX);
    notes.push(`title longer than ${TITLE_MAX} characters: shortened`);
  }
  const excerpt = htmlText(post.excerpt);
  const lead = excerpt ? cutText(excerpt, LEAD_MAX) : null;
  if (excerpt.length > LEAD_MAX) notes.push(`excerpt longer than ${LEAD_MAX} characters: shortened for the lead`);
  if (post.sticky) notes.push('sticky in WordPress');
  const datePublished = gmtToIso(post.postDateGmt) ?? (status === 'published' ? gmtToIso(post.postDate) : null);
  return { action: 'import', status, title, lead, datePublished, publishAt, sticky: post.sticky, notes };
}
