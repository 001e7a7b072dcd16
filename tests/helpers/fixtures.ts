import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';
import {
  ARTICLE_UID as ARTICLE,
  AUTHOR_UID as AUTHOR,
  CATEGORY_UID as CATEGORY,
  MEDIA_CAPTION_UID as CAPTION,
  TAG_UID as TAG,
} from '../../src/constants';

/** Unique strings that must never appear in a public response. */
export const SENTINELS = {
  draft: 'SENTINEL-DRAFT-7f3a9c',
  draftEdit: 'SENTINEL-UNPUBLISHED-EDIT-41b2d8',
  enOnly: 'SENTINEL-EN-ONLY-c90e17',
  email: 'sentinel-private-5d1e@warta.example',
} as const;

export const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });

export type NewsFixture = Awaited<ReturnType<typeof createNewsFixture>>;

export async function uploadFixtureImage(strapi: Core.Strapi, file = 'cover.jpg') {
  const filepath = path.join(__dirname, '..', 'fixtures', file);
  const [uploaded] = await strapi
    .plugin('upload')
    .service('upload')
    .upload({
      data: { fileInfo: { name: file, alternativeText: 'cover' } },
      files: { filepath, originalFilename: file, mimetype: 'image/jpeg', size: fs.statSync(filepath).size },
    });
  return uploaded;
}

/**
 * A small newsroom: one article published in id and en with every relation, a never-published draft,
 * a published article with an unpublished edit, and an English-only article.
 */
export async function createNewsFixture(strapi: Core.Strapi) {
  const docs = (uid: string) => strapi.documents(uid as any) as any;

  const news = await docs(CATEGORY).create({ locale: 'id', data: { name: 'News', slug: 'news' } });
  await docs(CATEGORY).update({ documentId: news.documentId, locale: 'en', data: { name: 'News', slug: 'news' } });
  const internasional = await docs(CATEGORY).create({
    locale: 'id',
    data: { name: 'Internasional', slug: 'internasional', parent: news.documentId },
  });
  await docs(CATEGORY).update({
    documentId: internasional.documentId,
    locale: 'en',
    data: { name: 'International', slug: 'international', parent: news.documentId },
  });

  const korut = await docs(TAG).create({ locale: 'id', data: { name: 'Korea Utara' } });
  await docs(TAG).update({ documentId: korut.documentId, locale: 'en', data: { name: 'North Korea' } });

  const salsabila = await docs(AUTHOR).create({
    locale: 'id',
    data: {
      name: 'Salsabila Fitirah Puteri',
      role: 'Jurnalis',
      email: SENTINELS.email,
      socialLinks: [{ platform: 'x', url: 'https://x.com/salsabila' }],
    },
  });
  await docs(AUTHOR).update({ documentId: salsabila.documentId, locale: 'en', data: { role: 'Journalist' } });
  const susi = await docs(AUTHOR).create({ locale: 'id', data: { name: 'Susi Susanti', role: 'Editor' } });
  await docs(AUTHOR).update({ documentId: susi.documentId, locale: 'en', data: { role: 'Editor' } });

  const image = await uploadFixtureImage(strapi);
  const cover = await docs(CAPTION).create({
    locale: 'id',
    data: {
      image: image.id,
      caption: 'Korea Selatan, AS, dan Jepang mengecam Korea Utara',
      credit: 'Reuters',
      creditLabel: 'Foto',
      altText: 'Para menteri luar negeri',
    },
  });
  await docs(CAPTION).update({
    documentId: cover.documentId,
    locale: 'en',
    data: { caption: 'South Korea, the US and Japan condemn North Korea', altText: 'Foreign ministers' },
  });

  const relations = {
    cover: cover.documentId,
    authors: [salsabila.documentId],
    editor: susi.documentId,
    category: internasional.documentId,
    tags: [korut.documentId],
  };

  const published = await docs(ARTICLE).create({
    locale: 'id',
    status: 'published',
    data: {
      title: 'AS, Korsel dan Jepang Kecam Pasokan Amunisi Korea Utara ke Rusia',
      lead: 'Tiga negara mengutuk pasokan senjata Korea Utara ke Rusia.',
      dateline: 'MOSKOW',
      body: [paragraph('MOSKOW - Korea Selatan, Amerika Serikat, dan Jepang mengutuk pasokan senjata.')],
      datePublished: '2023-10-27T10:33:00.000Z',
      ...relations,
    },
  });
  await docs(ARTICLE).update({
    documentId: published.documentId,
    locale: 'en',
    status: 'published',
    data: {
      title: 'US, South Korea and Japan Condemn North Korean Ammunition Supplies to Russia',
      lead: 'Three countries condemned North Korea for supplying Russia.',
      dateline: 'MOSCOW',
      body: [paragraph('MOSCOW - South Korea, the United States and Japan condemned the supplies.')],
      datePublished: '2023-10-27T12:00:00.000Z',
      ...relations,
    },
  });

  const draft = await docs(ARTICLE).create({
    locale: 'id',
    data: {
      title: `Draf rahasia ${SENTINELS.draft}`,
      lead: `Belum terbit ${SENTINELS.draft}`,
      body: [paragraph(`Isi draf ${SENTINELS.draft}`)],
      ...relations,
    },
  });

  const edited = await docs(ARTICLE).create({
    locale: 'id',
    status: 'published',
    data: {
      title: 'Harga Beras Stabil Menjelang Akhir Tahun',
      lead: 'Harga beras di pasar induk stabil.',
      body: [paragraph('Harga beras stabil.')],
      ...relations,
    },
  });
  await docs(ARTICLE).update({
    documentId: edited.documentId,
    locale: 'id',
    data: { lead: `Suntingan belum terbit ${SENTINELS.draftEdit}` },
  });

  const enOnly = await docs(ARTICLE).create({
    locale: 'en',
    status: 'published',
    data: {
      title: `English only story ${SENTINELS.enOnly}`,
      lead: `Only in English ${SENTINELS.enOnly}`,
      body: [paragraph(`English body ${SENTINELS.enOnly}`)],
      category: internasional.documentId,
    },
  });

  return { news, internasional, korut, salsabila, susi, cover, image, published, draft, edited, enOnly };
}
