/**
 * Bylines and covers for a generated corpus, so that its articles are what pages show (bench:api): a few
 * authors and captioned cover images through the Document Service and the upload service, both locales,
 * then link rows for every article row straight into the link tables, a draft sharing its published
 * row's choice. Its own seeds: the related bench's corpus is drawn exactly as before.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { prng } = require('../../../lib/random');

const AUTHOR_UID = 'api::author.author';
const CAPTION_UID = 'api::media-caption.media-caption';
const FIRST = ['Andi', 'Budi', 'Citra', 'Dewi', 'Eko', 'Fitri', 'Gilang', 'Hana', 'Indra', 'Joko', 'Kartika', 'Made'];
const LAST = ['Wijaya', 'Santoso', 'Lestari', 'Pratama', 'Saputra', 'Hidayat', 'Nugroho', 'Kusuma', 'Siregar'];
const ROLES = [
  { id: 'Jurnalis', en: 'Journalist' },
  { id: 'Editor', en: 'Editor' },
  { id: 'Kontributor', en: 'Contributor' },
];
const CREDITS = ['Reuters', 'Antara', 'AFP', 'Warta'];

/** JPEGs of a news photo's size, each its own colour, uploaded as the editors would. */
async function uploadImages(strapi, count) {
  const sharp = require('sharp');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-bench-images-'));
  const files = [];
  try {
    for (let i = 0; i < count; i += 1) {
      const filepath = path.join(dir, `sampul-${i + 1}.jpg`);
      const background = { r: 40 + 60 * i, g: 90 + 30 * i, b: 160 - 20 * i };
      await sharp({ create: { width: 1200, height: 675, channels: 3, background } })
        .jpeg()
        .toFile(filepath);
      const [file] = await strapi
        .plugin('upload')
        .service('upload')
        .upload({
          data: { fileInfo: { name: path.basename(filepath), alternativeText: `Sampul ${i + 1}` } },
          files: {
            filepath,
            originalFilename: path.basename(filepath),
            mimetype: 'image/jpeg',
            size: fs.statSync(filepath).size,
          },
        });
      files.push(file);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return files;
}

/** Row ids per `documentId:locale`: an article of a locale links to the rows of that locale. */
async function rowIds(strapi, table) {
  const map = new Map();
  for (const row of await strapi.db.connection(table).select('id', 'document_id', 'locale'))
    map.set(`${row.document_id}:${row.locale}`, row.id);
  return map;
}

/**
 * `authors` people and `covers` captioned images (over `images` uploads), in id and en. Returns their
 * document ids, their rows per locale, and the uploaded files' public paths (for the bench to remove).
 */
async function createPeople(strapi, { authors = 24, covers = 12, images = 3, seed = 1313 } = {}) {
  const rand = prng(seed);
  const people = [];
  const names = new Set();
  while (people.length < authors) {
    const name = `${rand.pick(FIRST)} ${rand.pick(LAST)}`;
    if (names.has(name)) continue;
    names.add(name);
    const role = rand.pick(ROLES);
    const created = await strapi.documents(AUTHOR_UID).create({ locale: 'id', data: { name, role: role.id } });
    await strapi
      .documents(AUTHOR_UID)
      .update({ documentId: created.documentId, locale: 'en', data: { role: role.en } });
    people.push(created.documentId);
  }
  const files = await uploadImages(strapi, images);
  const captions = [];
  for (let i = 0; i < covers; i += 1) {
    const credit = rand.pick(CREDITS);
    const created = await strapi.documents(CAPTION_UID).create({
      locale: 'id',
      data: {
        image: files[i % files.length].id,
        caption: `Suasana liputan ${i + 1} di lapangan`,
        credit,
        creditLabel: 'Foto',
        altText: `Foto liputan ${i + 1}`,
      },
    });
    await strapi.documents(CAPTION_UID).update({
      documentId: created.documentId,
      locale: 'en',
      data: { caption: `On the scene, story ${i + 1}`, altText: `Story photo ${i + 1}` },
    });
    captions.push(created.documentId);
  }
  const uploads = files.flatMap((file) => [file.url, ...Object.values(file.formats ?? {}).map((format) => format.url)]);
  return {
    authors: people,
    covers: captions,
    authorRows: await rowIds(strapi, 'authors'),
    coverRows: await rowIds(strapi, 'media_captions'),
    uploads,
  };
}

/** One to three authors (the first of them most often alone) and, for `coverShare` of them, a cover per document. */
async function attachPeople(strapi, people, { seed = 1314, coverShare = 0.9 } = {}) {
  const knex = strapi.db.connection;
  const rand = prng(seed);
  const choices = new Map();
  const authorLinks = [];
  const coverLinks = [];
  for (const row of await knex('articles').select('id', 'document_id', 'locale').orderBy('id')) {
    let choice = choices.get(row.document_id);
    if (!choice) {
      const count = rand.next() < 0.6 ? 1 : rand.next() < 0.75 ? 2 : 3;
      const picked = new Set();
      while (picked.size < count) picked.add(rand.int(people.authors.length));
      choice = { authors: [...picked], cover: rand.next() < coverShare ? rand.int(people.covers.length) : null };
      choices.set(row.document_id, choice);
    }
    choice.authors.forEach((index, order) =>
      authorLinks.push({
        article_id: row.id,
        author_id: people.authorRows.get(`${people.authors[index]}:${row.locale}`),
        author_ord: order + 1,
      })
    );
    if (choice.cover !== null)
      coverLinks.push({
        article_id: row.id,
        media_caption_id: people.coverRows.get(`${people.covers[choice.cover]}:${row.locale}`),
      });
  }
  await knex.transaction(async (trx) => {
    for (let i = 0; i < authorLinks.length; i += 500)
      await trx('articles_authors_lnk').insert(authorLinks.slice(i, i + 500));
    for (let i = 0; i < coverLinks.length; i += 500)
      await trx('articles_cover_lnk').insert(coverLinks.slice(i, i + 500));
  });
  return { authorLinks: authorLinks.length, coverLinks: coverLinks.length };
}

module.exports = { createPeople, attachPeople };
