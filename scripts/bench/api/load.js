/**
 * bench:api's loader, run in a child process of its own: boots the app in-process on the database the
 * parent made (its env), loads the corpus with bylines and covers, rebuilds the related lists, picks the
 * article the page endpoints read, and leaves the data in place for `strapi start`.
 */
const { bootListening } = require('../lib/boot');
const { attachPeople, createPeople } = require('../lib/corpus/people');
const { duration, int, msSince, now } = require('../lib/figures');
const { runAsChild } = require('../lib/forked-case');
const { httpClient } = require('../lib/http-client');
const { loadCorpus, rebuildRelated } = require('../lib/load-corpus');

async function load() {
  const size = Number(process.env.BENCH_ARTICLES);
  const kind = process.env.DATABASE_CLIENT;
  const tag = `[load ${kind} ${int(size)}]`;
  const log = (line) => console.error(`${tag} ${line}`);
  const started = now();
  const { strapi, baseUrl } = await bootListening({});
  try {
    const get = httpClient(baseUrl);
    const { corpus } = await loadCorpus(strapi, { size, get, log, tag, kind });
    const people = await createPeople(strapi);
    const links = await attachPeople(strapi, people);
    log(
      `${people.authors.length} authors and ${people.covers.length} covers (both locales); ${int(links.authorLinks)} byline and ${int(links.coverLinks)} cover links`
    );
    await rebuildRelated(strapi, { size, corpus, log, tag, kind });
    // The page endpoints read the newest Indonesian article: the list's first, with a byline, tags and a related list.
    const { body } = await get('/api/articles?locale=id&pagination[pageSize]=1');
    const [newest] = body.data;
    const page = (await get(`/api/articles/by-slug/${encodeURIComponent(newest.slug)}?locale=id`)).body.data;
    if (!page.authors.length || !page.tags.length || !page.cover || !page.related.length)
      throw new Error(`the sample article ${newest.slug} lacks authors, tags, a cover or related news`);
    get.close();
    log(`loaded in ${duration(msSince(started))}; sample article ${newest.slug}`);
    return {
      slug: newest.slug,
      total: body.meta.pagination.total,
      sample: { authors: page.authors.length, tags: page.tags.length, related: page.related.length },
      uploads: people.uploads,
    };
  } finally {
    await strapi.plugin('newsroom').service('related-news').idle();
    await strapi.destroy();
  }
}

runAsChild('bench:api load', load);
