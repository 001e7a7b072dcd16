/**
 * Every message Warta answers an editor, a reader or a frontend developer with: Indonesian first, then
 * English in brackets, naming what was wrong and what would be right. One module, so the wording stays
 * consistent and a translator finds it all in one place.
 */
import { RELATED_MAX_LIMIT } from '../constants';

/** A 400 on a content-API read: the parameter, what it holds, what it may hold. */
export const queryMessages = {
  notAnObject: (path: string) => `"${path}" harus berupa objek filter. ("${path}" must be a filter object.)`,
  notAList: (path: string) => `"${path}" harus berupa daftar filter. ("${path}" must be a list of filters.)`,
  unknownKey: (path: string, key: string) =>
    `"${path}" memuat kunci tak dikenal "${key}". ("${path}" has an unknown key "${key}".)`,
  unknownOperator: (path: string, operator: string) =>
    `Operator "${operator}" tidak dikenal di "${path}". (Unknown operator "${operator}" at "${path}".)`,
  notAScalar: (path: string) =>
    `"${path}" harus berupa satu nilai (teks, angka atau boolean). ("${path}" must be a single value: text, number or boolean.)`,
  notAScalarList: (path: string) =>
    `"${path}" harus berupa satu nilai atau daftar nilai. ("${path}" must be a value or a list of values.)`,
  between: (path: string) =>
    `"${path}" harus berupa tepat dua nilai: batas bawah dan batas atas. ("${path}" must be exactly two values: from and to.)`,
  wrongType: (path: string, kind: string) => {
    const [id, en] = (
      {
        integer: ['bilangan bulat', 'a whole number'],
        number: ['angka', 'a number'],
        boolean: ['true atau false', 'true or false'],
        temporal: ['tanggal atau waktu', 'a date or time'],
      } as Record<string, [string, string]>
    )[kind] ?? ['teks', 'text'];
    return `"${path}" harus berupa ${id}. ("${path}" must be ${en}.)`;
  },
  operatorNotFor: (path: string, operator: string) =>
    `Operator "${operator}" tidak berlaku untuk "${path}". (Operator "${operator}" does not apply to "${path}".)`,
  notABoolean: (path: string) => `"${path}" harus true atau false. ("${path}" must be true or false.)`,
  tooDeep: (path: string) => `Filter terlalu dalam di "${path}". (Filter nested too deeply at "${path}".)`,
  field: (path: string, field: string) =>
    `"${path}" memuat kolom tak dikenal "${field}". ("${path}" names an unknown field "${field}".)`,
  notAFieldList: (path: string) =>
    `"${path}" harus berupa nama kolom atau daftar nama kolom. ("${path}" must be a field name or a list of field names.)`,
  pagination: (path: string, max: number) =>
    `"${path}" harus bilangan bulat 0 sampai ${max}. ("${path}" must be a whole number from 0 to ${max}.)`,
  page: (path: string, max: number) =>
    `"${path}" harus bilangan bulat 1 sampai ${max}. ("${path}" must be a whole number from 1 to ${max}.)`,
  sort: (path: string) =>
    `"${path}" harus berupa "kolom", "kolom:asc" atau "kolom:desc", atau daftarnya. ("${path}" must be "field", "field:asc" or "field:desc", or a list of them.)`,
  populate: (path: string) =>
    `"${path}" harus berupa "*", nama relasi, daftar nama relasi atau objek populate. ("${path}" must be "*", a relation name, a list of them or a populate object.)`,
  search: () => `"_q" harus berupa satu teks pencarian. ("_q" must be one search text.)`,
  status: () =>
    `"status" hanya boleh "published" (atau "draft" bagi editor). ("status" must be "published", or "draft" for editors.)`,
  publicationOnlyForEditors: (name: string) =>
    `"${name}" hanya untuk editor; pembaca umum selalu mendapat artikel yang terbit. ("${name}" is for editors only; public reads always return published articles.)`,
  locale: (value: string) =>
    `Bahasa "${value}" tidak dikenal; gunakan kode bahasa seperti "id" atau "en". (Unknown locale "${value}": use a locale code such as "id" or "en".)`,
  localeShape: () =>
    `"locale" harus berupa satu kode bahasa, misalnya "id" atau "en". ("locale" must be one locale code, such as "id" or "en".)`,
  privateRelation: (path: string) =>
    `"${path}" tidak dapat dipakai untuk menyaring atau mengurutkan. ("${path}" cannot be used to filter or sort.)`,
};

export const localeMessages = {
  unknown: (locale: unknown) => `Bahasa "${String(locale)}" tidak dikenal. (Unknown locale.)`,
};

export const requestMessages = {
  unknownParameters: (keys: string[], allowed: string) =>
    `Parameter tidak dikenal: ${keys.join(', ')}. Yang boleh: ${allowed}. (Unknown query parameter.)`,
  relatedLimit: `limit harus bilangan bulat 1 sampai ${RELATED_MAX_LIMIT}. (limit must be a whole number from 1 to ${RELATED_MAX_LIMIT}.)`,
  pageNumber: (max: number) =>
    `Nomor halaman harus bilangan bulat 1 sampai ${max}. (Invalid page number: use a whole number from 1 to ${max}.)`,
};

export const articleMessages = {
  categoryRequired: 'Pilih kategori sebelum menerbitkan artikel. (Choose a category before publishing the article.)',
  notPublished: (documentId: string, locale: string) =>
    `Artikel ${documentId} tidak terbit dalam bahasa "${locale}". (No published article ${documentId} in locale "${locale}".)`,
  slugNotFound: (slug: string, locale: string) =>
    `Artikel "${slug}" tidak ditemukan dalam bahasa "${locale}". (No published article "${slug}" in locale "${locale}".)`,
  goneInLocale: 'Artikel ini tidak ada lagi dalam bahasa tersebut. (This article no longer exists in that locale.)',
  relatedToItself:
    'Artikel tidak bisa menjadi berita terkait dirinya sendiri. (An article cannot be related to itself.)',
  tooManyPinned: (count: number) =>
    `Paling banyak ${RELATED_MAX_LIMIT} berita terkait yang disematkan; ada ${count}. (At most ${RELATED_MAX_LIMIT} pinned related articles.)`,
  pinnedAndExcluded:
    'Artikel yang sama tidak bisa disematkan sekaligus dikecualikan dari berita terkait. (An article cannot be both pinned and excluded.)',
};

export const readerMessages = {
  previewExpired: 'Tautan pratinjau sudah kedaluwarsa. Buka lagi dari tombol Pratinjau. (Preview link expired.)',
  previewInvalid: 'Tautan pratinjau tidak sah. (Invalid preview link.)',
  authorUnknown: 'Penulis ini tidak ada dalam bahasa ini. (Unknown author in this locale.)',
  authorPageOutOfRange: 'Halaman ini melewati halaman terakhir penulis. (No such page of this author.)',
};

export const feedMessages = {
  unknownCategory: (slug: string, locale: string) =>
    `Kategori "${slug}" tidak ditemukan dalam bahasa "${locale}". (Unknown category.)`,
  unknownSitemap: 'Sitemap tidak ditemukan. (Unknown sitemap.)',
  unknownSitemapFile: (file: string) =>
    `Sitemap "${file}" tidak ditemukan: gunakan articles-1.xml, categories-1.xml, tags-1.xml atau authors-1.xml. (Unknown sitemap.)`,
  emptySitemapPage: (page: string) => `Halaman sitemap ${page} kosong. (No such sitemap page.)`,
  unknownFeed: 'Feed tidak ditemukan: gunakan /rss/id.xml atau /rss/en.xml. (Unknown feed.)',
  unknownCategoryFeed: 'Feed tidak ditemukan: gunakan /rss/id/<kategori>.xml. (Unknown feed.)',
};

export const graphqlMessages = {
  subscriptionsRefused:
    'Warta tidak menyediakan subscription GraphQL; gunakan query. (Warta offers no GraphQL subscriptions: use a query.)',
  unsoundFragments:
    'Dokumen GraphQL memuat fragment yang memanggil dirinya sendiri atau tidak didefinisikan. (The GraphQL document spreads a fragment that is cyclic or not defined.)',
};

export const whatsappMessages = {
  notAnObject: 'Kirim pengaturan sebagai objek { id, en, utm }. (Send the settings as an object.)',
  unknownSetting: (key: string) => `Pengaturan "${key}" tidak dikenal. (Unknown setting "${key}".)`,
  unknownField: (key: string) => `Kolom "${key}" tidak dikenal. (Unknown field "${key}".)`,
  localeNotAnObject: (locale: string) => `Pengaturan ${locale} harus berupa objek. (${locale} must be an object.)`,
  notText: (label: string) => `${label} harus berupa teks. (${label} must be text.)`,
  blank: (label: string) => `${label} tidak boleh hanya spasi. (${label} cannot be blank.)`,
  tooLong: (label: string, max: number, length: number) =>
    `${label} paling banyak ${max} karakter; sekarang ${length}. (${label} must be at most ${max} characters.)`,
  channelUrl: (hint: string) =>
    `Tautan saluran WhatsApp harus berbentuk ${hint}. (The WhatsApp channel link must look like https://whatsapp.com/channel/<code>.)`,
  unknownPlaceholders: (names: string[]) =>
    `Judul ajakan memakai penanda yang tidak dikenal: ${names.map((name) => `{${name}}`).join(', ')}. Yang boleh: {channelName}, {categoryName}. (Unknown placeholder in the headline.)`,
  placement: 'Posisi harus "end" atau "after-paragraph". (Placement must be "end" or "after-paragraph".)',
  afterParagraph: (max: number) =>
    `Untuk posisi setelah paragraf, isi nomor paragraf 1 sampai ${max}. (Give a paragraph number from 1 to ${max}.)`,
  enabled: 'Aktif harus ya atau tidak. (enabled must be true or false.)',
  channelUrlRequired: (hint: string) =>
    `Isi tautan saluran untuk mengaktifkan blok: ${hint}. (A channel link is required when the block is on.)`,
  channelNameRequired: 'Isi nama saluran untuk mengaktifkan blok. (A channel name is required when the block is on.)',
};

export const operationsMessages = {
  databaseUnavailable: (retryAfterSeconds: number) =>
    `Layanan sedang tidak tersedia karena basis data tidak dapat dihubungi; coba lagi dalam ${retryAfterSeconds} detik. (Service unavailable: the database cannot be reached; retry in ${retryAfterSeconds} seconds.)`,
};
