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
  upcomingHours: (max: number) =>
    `hours harus bilangan bulat 1 sampai ${max}. (hours must be a whole number from 1 to ${max}.)`,
  jobState: 'state harus "pending" atau "parked". (state must be "pending" or "parked".)',
  jobId: 'Nomor pekerjaan harus bilangan bulat positif. (The job id must be a positive whole number.)',
  jobNotParked: (id: number) =>
    `Pekerjaan ${id} tidak ada atau tidak sedang diparkir. (Job ${id} does not exist or is not parked.)`,
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

/** The schedule fields as the edit view names them, in both languages. */
export const SCHEDULE_FIELD_LABELS = {
  publishAt: ['Terbitkan pada', 'Publish at'],
  unpublishAt: ['Tarik pada', 'Unpublish at'],
  embargoUntil: ['Embargo hingga', 'Embargo until'],
} as const;
type ScheduleLabel = keyof typeof SCHEDULE_FIELD_LABELS;
/** A time as both languages print it, in the article's zone: ["Jumat, 27 Oktober 2023 05:00 WIB", "Friday, …"]. */
type When = readonly [id: string, en: string];

export const scheduleMessages = {
  malformed: (field: ScheduleLabel) => {
    const [id, en] = SCHEDULE_FIELD_LABELS[field];
    return `${id} bukan tanggal dan jam yang sah; tulis lengkap dengan zonanya, misalnya 2024-10-27T05:00:00+07:00. (${en} is not a valid date and time: give it with its offset, e.g. 2024-10-27T05:00:00+07:00.)`;
  },
  inThePast: (field: ScheduleLabel, when: When) => {
    const [id, en] = SCHEDULE_FIELD_LABELS[field];
    return `${id} ${when[0]} sudah lewat; pilih waktu yang akan datang. (${en} ${when[1]} is in the past: choose a time to come.)`;
  },
  unpublishBeforePublish: (unpublish: When, publish: When) =>
    `Tarik pada ${unpublish[0]} harus setelah Terbitkan pada ${publish[0]}. (Unpublish at ${unpublish[1]} must come after publish at ${publish[1]}.)`,
  publishBeforeEmbargo: (publish: When, embargo: When) =>
    `Terbitkan pada ${publish[0]} jatuh sebelum embargo berakhir (${embargo[0]}); paling cepat tepat saat embargo berakhir. (Publish at ${publish[1]} is before the embargo ends at ${embargo[1]}: the earliest is the embargo's end.)`,
  embargoed: (until: When) =>
    `Artikel ini diembargo hingga ${until[0]}; belum boleh diterbitkan. (This article is embargoed until ${until[1]}: it cannot be published yet.)`,
  publishNeedsPermission:
    'Hanya yang boleh menerbitkan artikel yang dapat mengisi Terbitkan pada atau Tarik pada. (Only someone allowed to publish articles can set publish at or unpublish at.)',
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

/** Editorial notices, takedowns, sponsored content, Baca Juga and ad slots (issue 16). */
export const editorialMessages = {
  notAList: (field: string) => `"${field}" harus berupa daftar. ("${field}" must be a list.)`,
  notAnObject: (path: string) => `"${path}" harus berupa objek. ("${path}" must be an object.)`,
  unknownKind: (path: string, kind: unknown, kinds: readonly string[]) =>
    `Jenis pemberitahuan "${String(kind)}" di "${path}" tidak dikenal; yang boleh: ${kinds.join(', ')}. (Unknown notice kind.)`,
  textRequired: (path: string) =>
    `Isi teks pemberitahuan di "${path}": apa yang salah dan apa yang benar. (The notice at "${path}" needs a text.)`,
  tooLong: (path: string, max: number) =>
    `"${path}" paling banyak ${max} karakter. ("${path}" must be at most ${max} characters.)`,
  notADate: (path: string) =>
    `"${path}" harus berupa tanggal dan waktu ISO 8601. ("${path}" must be an ISO 8601 date and time.)`,
  replyArticleShape: (path: string) =>
    `"${path}" harus berupa URL artikel Warta (/read/<bahasa>/<slug>) atau warta://article/<documentId>. ("${path}" must be a Warta article URL or warta://article/<documentId>.)`,
  replyArticleNotPublished: (path: string, locale: string) =>
    `Hak jawab di "${path}" menaut ke artikel yang tidak terbit dalam bahasa "${locale}"; terbitkan dulu artikel jawabannya. (The right-of-reply link points at an article not published in "${locale}".)`,
  replyArticleOnlyForHakJawab: (path: string) =>
    `"${path}" hanya untuk pemberitahuan hak-jawab. ("${path}" is only for a hak-jawab notice.)`,
  hakJawabNeedsContent: (path: string) =>
    `Hak jawab di "${path}" perlu teks jawaban atau tautan ke artikel jawaban. (A right of reply needs a text or a link to the reply article.)`,
  removalOnlyUnverified: (path: string) =>
    `Hanya pemberitahuan belum-terverifikasi yang dapat dihapus dengan removedAt ("${path}"). (Only a belum-terverifikasi notice can be removed.)`,
  tooMany: (field: string, max: number) =>
    `"${field}" paling banyak ${max} butir. ("${field}" holds at most ${max} items.)`,
  takedownReasonRequired: 'Cantumkan alasan pencabutan yang akan dibaca publik. (A takedown needs a public reason.)',
  takedownReasonTooLong: (max: number) =>
    `Alasan pencabutan paling banyak ${max} karakter. (The takedown reason must be at most ${max} characters.)`,
  takedownNotPublished: (documentId: string, locale: string) =>
    `Artikel ${documentId} tidak terbit dalam bahasa "${locale}", jadi tidak dapat dicabut. (No published article to take down.)`,
  takedownBody:
    'Kirim { documentId atau article (URL artikel), locale, reason } sebagai objek. (Send { documentId or article, locale, reason } as an object.)',
  withdrawn: (title: string, reason: string) =>
    `Artikel "${title}" telah dicabut: ${reason} (This article was withdrawn.)`,
  sponsoredLabel: (labels: readonly string[]) =>
    `Label konten sponsor harus salah satu dari: ${labels.join(', ')}. (Unknown sponsored label.)`,
  sponsorUrl:
    'Tautan sponsor harus berupa alamat https:// yang lengkap. (The sponsor link must be a full https:// address.)',
  sponsorNameRequired: "Isi nama sponsor untuk konten bersponsor. (Sponsored content needs the sponsor's name.)",
  sponsorWithoutLabel:
    'Sponsor hanya boleh diisi bila artikel diberi label konten sponsor. (A sponsor needs a sponsored label.)',
  unknownSlot: (path: string, slot: unknown) =>
    `Slot iklan "${String(slot)}" di "${path}" tidak dikenal; gunakan top, after-paragraph-N (N 1 sampai 50), before-related atau sidebar. (Unknown ad slot name.)`,
  slotParagraph: (path: string, paragraph: number) =>
    `Slot iklan di "${path}" setelah paragraf ${paragraph} tidak sah: nomor paragraf harus 1 sampai 50. (An ad slot must follow paragraph 1 to 50.)`,
  adUnit: (path: string) =>
    `ID unit iklan di "${path}" harus 1 sampai 200 karakter huruf, angka, / . _ - (misalnya /1234567/warta/berita). (Invalid ad unit id.)`,
  duplicateSlot: (path: string, slot: string) =>
    `Slot iklan "${slot}" muncul lebih dari sekali di "${path}". (Duplicate ad slot.)`,
  adSettingsBody:
    'Kirim pengaturan iklan sebagai objek { id: { slots }, en: { slots } }. (Send the ad settings as { id: { slots }, en: { slots } }.)',
  noAds: 'noAds harus true atau false. (noAds must be true or false.)',
};

/** The newsroom workflow: stages, locks, revisions (issue 15). `label` is a stage's Indonesian and English names. */
type StageNames = { id: string; en: string };
export const workflowMessages = {
  unknownStage: (stage: string, known: string[]) =>
    `Tahap "${stage}" tidak dikenal; pilih salah satu dari ${known.join(', ')}. (Unknown stage "${stage}": use one of ${known.join(', ')}.)`,
  transitionNotAllowed: (from: StageNames, to: StageNames) =>
    `Peran Anda tidak boleh memindahkan artikel dari "${from.id}" ke "${to.id}". (Your role may not move the article from "${from.en}" to "${to.en}".)`,
  noteRequired: (to: StageNames) =>
    `Tulis catatan untuk penulis sebelum mengembalikan artikel ke "${to.id}". (Write a note for the writer before returning the article to "${to.en}".)`,
  needsApproval: (stage: StageNames, ready: StageNames) =>
    `Artikel masih "${stage.id}"; peran Anda hanya boleh menerbitkan artikel yang "${ready.id}". (The article is still "${stage.en}"; your role may only publish articles that are "${ready.en}".)`,
  returnedNote: (note: string) => `Dikembalikan ke penulis: ${note}`,
  documentNotFound: (documentId: string, locale: string) =>
    `Artikel ${documentId} tidak ada dalam bahasa "${locale}". (No article ${documentId} in locale "${locale}".)`,
  unknownAssignee: (id: unknown) => `Pengguna admin ${String(id)} tidak ada. (No admin user ${String(id)}.)`,
  lockedBy: (name: string, since: string) =>
    `Sedang disunting oleh ${name} sejak ${since}; simpan ditolak. Ambil alih dulu bila perlu. (Being edited by ${name} since ${since}; the save was refused. Take over first if needed.)`,
  wholeLogForbidden:
    'Log aktivitas lengkap hanya untuk peran dengan izin "Activity log". (The whole activity log needs the "Activity log" permission.)',
  lockNotHeld: 'Kunci suntingan ini bukan milik Anda lagi. (You no longer hold the edit lock.)',
  revisionNotFound: (id: unknown) => `Revisi ${String(id)} tidak ada. (No revision ${String(id)}.)`,
  revisionOfAnotherArticle: (id: unknown) =>
    `Revisi ${String(id)} milik artikel atau bahasa lain. (Revision ${String(id)} belongs to another article or locale.)`,
};

/** Redirects: `GET /api/redirects/resolve`. */
export const redirectMessages = {
  badPath: () =>
    `"path" wajib diisi dengan satu path, misalnya "/2023/10/27/judul/". ("path" is required: one path, such as "/2023/10/27/title/".)`,
  notFound: (path: string) =>
    `Tidak ada pengalihan untuk "${path.slice(0, 200)}". (No redirect for "${path.slice(0, 200)}".)`,
};
