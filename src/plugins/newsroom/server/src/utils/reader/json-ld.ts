/**
 * schema.org NewsArticle for Google's article rich results and Top Stories:
 * https://developers.google.com/search/docs/appearance/structured-data/article
 */
export type JsonLdPerson = { name: string; url?: string | null; jobTitle?: string | null; sameAs?: string[] };

export type NewsArticleInput = {
  url: string;
  headline: string;
  description?: string | null;
  /** Absolute URLs, the 16:9, 4:3 and 1:1 crops in that order (Google asks for all three), else the original. */
  images: string[];
  /** ISO 8601 with the article's own offset, e.g. 2023-10-27T17:33:00+07:00 */
  datePublished: string | null;
  dateModified: string | null;
  authors: JsonLdPerson[];
  editor?: JsonLdPerson | null;
  publisher: {
    name: string;
    url: string;
    logoUrl?: string | null;
    logoWidth?: number | null;
    logoHeight?: number | null;
  };
  section?: string | null;
  keywords?: string[];
  inLanguage: string;
  dateline?: string | null;
  wordCount?: number | null;
  /** Ralat and Koreksi: schema.org `correction`, each a CorrectionComment with its text and when it was made. */
  corrections?: { text: string; datePublished: string | null }[];
  /** A sponsored story's sponsor (schema.org `sponsor`). */
  sponsor?: { name: string; url?: string | null } | null;
};

const person = (who: JsonLdPerson) => ({
  '@type': 'Person',
  name: who.name,
  ...(who.url ? { url: who.url } : {}),
  ...(who.jobTitle ? { jobTitle: who.jobTitle } : {}),
  ...(who.sameAs?.length ? { sameAs: who.sameAs } : {}),
});

export function buildNewsArticleJsonLd(input: NewsArticleInput): Record<string, unknown> {
  const jsonLd: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': input.url },
    url: input.url,
    headline: input.headline,
  };
  if (input.description) jsonLd.description = input.description;
  if (input.images.length) jsonLd.image = input.images;
  if (input.datePublished) jsonLd.datePublished = input.datePublished;
  if (input.dateModified ?? input.datePublished) jsonLd.dateModified = input.dateModified ?? input.datePublished;
  // An article without a named author is credited to the newsroom itself, as Google recommends.
  jsonLd.author = input.authors.length
    ? input.authors.map(person)
    : [{ '@type': 'Organization', name: input.publisher.name, url: input.publisher.url }];
  if (input.editor) jsonLd.editor = person(input.editor);
  jsonLd.publisher = {
    '@type': 'NewsMediaOrganization',
    name: input.publisher.name,
    url: input.publisher.url,
    ...(input.publisher.logoUrl
      ? {
          logo: {
            '@type': 'ImageObject',
            url: input.publisher.logoUrl,
            ...(input.publisher.logoWidth && input.publisher.logoHeight
              ? { width: input.publisher.logoWidth, height: input.publisher.logoHeight }
              : {}),
          },
        }
      : {}),
  };
  if (input.section) jsonLd.articleSection = input.section;
  if (input.keywords?.length) jsonLd.keywords = input.keywords;
  if (input.dateline) jsonLd.dateline = input.dateline;
  if (input.wordCount) jsonLd.wordCount = input.wordCount;
  if (input.corrections?.length)
    jsonLd.correction = input.corrections.map((correction) => ({
      '@type': 'CorrectionComment',
      text: correction.text,
      ...(correction.datePublished ? { datePublished: correction.datePublished } : {}),
    }));
  if (input.sponsor)
    jsonLd.sponsor = {
      '@type': 'Organization',
      name: input.sponsor.name,
      ...(input.sponsor.url ? { url: input.sponsor.url } : {}),
    };
  jsonLd.inLanguage = input.inLanguage;
  jsonLd.isAccessibleForFree = true;
  return jsonLd;
}

export type ProfilePageInput = JsonLdPerson & {
  description?: string | null;
  imageUrl?: string | null;
  inLanguage: string;
};

/** schema.org ProfilePage for an author page: the Person that NewsArticle `author.url` points at. */
export function buildProfilePageJsonLd(input: ProfilePageInput): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'ProfilePage',
    ...(input.url ? { url: input.url } : {}),
    inLanguage: input.inLanguage,
    mainEntity: {
      ...person(input),
      ...(input.description ? { description: input.description } : {}),
      ...(input.imageUrl ? { image: input.imageUrl } : {}),
    },
  };
}

/**
 * JSON for a <script type="application/ld+json"> element: "</script>" inside a headline must not end
 * the element, so every "<" is written as \u003c (and the JS line separators escaped too).
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
