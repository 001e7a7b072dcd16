/** What a frontend developer reads in a 400: Indonesian first, then English, naming the parameter. */
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
    const [id, en] = ({
      integer: ['bilangan bulat', 'a whole number'],
      number: ['angka', 'a number'],
      boolean: ['true atau false', 'true or false'],
      temporal: ['tanggal atau waktu', 'a date or time'],
    } as Record<string, [string, string]>)[kind] ?? ['teks', 'text'];
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
