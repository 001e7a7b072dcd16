/**
 * Co-Authors Plus, the plugin most WordPress newsrooms use for shared bylines. It exports its bylines as
 * `author` terms on each post (in byline order; the term's name is the login, its slug `cap-<nicename>`)
 * and its guest authors (bylines with no WordPress account: a stringer, a news agency) as items of type
 * `guest-author` whose profile is in `cap-*` post meta. Pure: no Strapi import.
 */
import type { WxrItem } from './wxr';

export type GuestAuthor = {
  login: string;
  displayName: string;
  email: string;
  bio: string;
  /** The WordPress user this byline belongs to, when it is linked to one: the same Warta author. */
  linkedLogin: string;
};

export const GUEST_AUTHOR_TYPE = 'guest-author';

/** The guest author an item describes, or null when it is not one (or has no login to key it by). */
export function guestAuthorOf(item: Pick<WxrItem, 'type' | 'meta' | 'title' | 'slug'>): GuestAuthor | null {
  if (item.type !== GUEST_AUTHOR_TYPE) return null;
  const meta = item.meta;
  const login = (meta['cap-user_login'] || item.slug.replace(/^cap-/, '')).trim();
  if (!login) return null;
  const fullName = [meta['cap-first_name'], meta['cap-last_name']].filter(Boolean).join(' ').trim();
  return {
    login,
    displayName: (meta['cap-display_name'] || fullName || item.title || login).trim(),
    email: (meta['cap-user_email'] ?? '').trim(),
    bio: (meta['cap-description'] ?? '').trim(),
    linkedLogin: (meta['cap-linked_account'] ?? '').trim(),
  };
}

/**
 * A post's bylines in order: its Co-Authors Plus terms when it has any (they replace WordPress' single
 * author, as on the site), else its `dc:creator`. Each login once.
 */
export function bylineLogins(item: Pick<WxrItem, 'terms' | 'creators'>): string[] {
  const coAuthors = item.terms
    .filter((term) => term.domain === 'author')
    .map((term) => (term.name || term.slug.replace(/^cap-/, '')).trim())
    .filter(Boolean);
  return [...new Set(coAuthors.length ? coAuthors : item.creators.filter(Boolean))];
}

/**
 * What an `author` term's description says over REST. Co-Authors Plus does not keep a profile there: it
 * writes the co-author's searchable fields, `display_name first_name last_name user_login ID user_email`
 * joined by spaces (CoAuthors_Plus::update_author_term), and hides it from users without edit_posts. The
 * names may hold spaces, so it is read from the right, knowing the login (the term's name).
 */
export function authorTermSearchFields(
  description: string,
  login: string
): { displayName: string; id: number | null; email: string } | null {
  const match = /^(.*) (\d*) (\S*)$/s.exec(description ?? '');
  if (!match || (!match[1].endsWith(` ${login}`) && match[1] !== login)) return null;
  const names = match[1].slice(0, -login.length).trim().split(/\s+/).filter(Boolean);
  // The display name is usually "first last", so the words come twice: once is the name.
  const half = names.length / 2;
  const twice =
    names.length > 0 && names.length % 2 === 0 && names.slice(0, half).join(' ') === names.slice(half).join(' ');
  return {
    displayName: (twice ? names.slice(0, half) : names).join(' '),
    id: match[2] ? Number(match[2]) : null,
    email: match[3].includes('@') ? match[3] : '',
  };
}
