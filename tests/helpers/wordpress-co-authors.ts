/** The recorded REST fixture's Co-Authors Plus part (helpers/wordpress.ts startRestFixture). */
/**
 * Co-Authors Plus as its REST API shows an export's bylines: one `author` term per byline (name = login,
 * slug `cap-<nicename>`, the description the plugin's search fields `display_name first_name last_name
 * user_login ID user_email`), each post's term ids in byline order, and each co-author's profile at
 * `/coauthors/v1/coauthors/<nicename>` (id, display_name, description {raw, rendered}, user_nicename,
 * link, featured_media). The plugin's linked account and guest meta are not in its API, so not here.
 */
export function coAuthorsPlus(records: any[], users: any[]) {
  const guests = new Map<string, any>();
  for (const record of records) {
    if (record.kind !== 'item' || record.type !== 'guest-author') continue;
    guests.set(record.meta['cap-user_login'] || record.slug.replace(/^cap-/, ''), record);
  }
  const terms: any[] = [];
  const profiles = new Map<string, any>();
  const idOf = new Map<string, number>();
  for (const record of records) {
    if (record.kind !== 'item' || record.type !== 'post') continue;
    for (const term of record.terms.filter((t: any) => t.domain === 'author')) {
      if (idOf.has(term.name)) continue;
      const guest = guests.get(term.name);
      const user = users.find((candidate) => candidate.username === term.name);
      const nicename = term.slug.replace(/^cap-/, '');
      const meta = guest?.meta ?? {};
      const person = guest
        ? { id: guest.postId, name: meta['cap-display_name'] ?? guest.title, email: meta['cap-user_email'] ?? '' }
        : { id: user?.id ?? 0, name: user?.name ?? term.name, email: user?.email ?? '' };
      const first = guest ? (meta['cap-first_name'] ?? '') : (user?.first_name ?? '');
      const last = guest ? (meta['cap-last_name'] ?? '') : (user?.last_name ?? '');
      const id = 5000 + terms.length;
      idOf.set(term.name, id);
      terms.push({
        id,
        name: term.name,
        slug: term.slug,
        taxonomy: 'author',
        description: [person.name, first, last, term.name, person.id, person.email].join(' '),
      });
      const bio = guest ? (meta['cap-description'] ?? '') : '';
      profiles.set(nicename, {
        id: person.id,
        display_name: person.name,
        description: { raw: bio, rendered: bio ? `<p>${bio}</p>\n` : '' },
        user_nicename: nicename,
        link: `${records.find((r) => r.kind === 'site').baseBlogUrl}/author/${nicename}/`,
        featured_media: 0,
      });
    }
  }
  const bylinesOf = (record: any) =>
    record.terms.filter((t: any) => t.domain === 'author').map((t: any) => idOf.get(t.name));
  return { terms, profiles, bylinesOf };
}
