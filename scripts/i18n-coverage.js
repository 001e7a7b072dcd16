#!/usr/bin/env node
/**
 * `npm run i18n:coverage`: per admin package, the share of English UI keys that have an Indonesian
 * translation, first as Strapi ships it, then with Warta's translations (src/admin/translations/id).
 * Exits 1 when the editors' packages together fall under the target.
 */
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..');
const TARGET = 0.95;

const strapiPackage = (name, dir) => ({ name, dir: path.join(root, 'node_modules', '@strapi', dir) });
const PACKAGES = [
  strapiPackage('admin', 'admin/dist/admin/admin/src/translations'),
  strapiPackage('content-manager', 'content-manager/dist/admin/translations'),
  strapiPackage('upload', 'upload/dist/admin/translations'),
  strapiPackage('i18n', 'i18n/dist/admin/translations'),
];
const OTHER_PACKAGES = [
  strapiPackage('content-type-builder', 'content-type-builder/dist/admin/translations'),
  strapiPackage('users-permissions', 'plugin-users-permissions/dist/admin/translations'),
  strapiPackage('email', 'email/dist/admin/translations'),
  strapiPackage('review-workflows', 'review-workflows/dist/admin/translations'),
  strapiPackage('content-releases', 'content-releases/dist/admin/translations'),
  strapiPackage('graphql', 'plugin-graphql/dist/admin/translations'),
];

function loadStrapi(dir, locale) {
  const file = path.join(dir, `${locale}.json.js`);
  if (!fs.existsSync(file)) return {};
  const module = require(file);
  return module.default ?? module;
}

function loadJson(file) {
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
}

const translated = (value) => typeof value === 'string' && value.trim() !== '';

function measure({ name, english, shipped, ours }) {
  const keys = Object.keys(english);
  const before = keys.filter((key) => translated(shipped[key])).length;
  const after = keys.filter((key) => translated(ours[key]) || translated(shipped[key])).length;
  const sameAsEnglish = keys.filter((key) => (ours[key] ?? shipped[key]) === english[key]).length;
  return { name, total: keys.length, before, after, sameAsEnglish };
}

const ourDir = path.join(root, 'src', 'admin', 'translations', 'id');
const rows = PACKAGES.map(({ name, dir }) =>
  measure({
    name,
    english: loadStrapi(dir, 'en'),
    shipped: loadStrapi(dir, 'id'),
    ours: loadJson(path.join(ourDir, `${name}.json`)),
  })
);
const newsroomDir = path.join(root, 'src', 'plugins', 'newsroom', 'admin', 'src', 'translations');
rows.push(
  measure({
    name: 'newsroom',
    english: loadJson(path.join(newsroomDir, 'en.json')),
    shipped: {},
    ours: loadJson(path.join(newsroomDir, 'id.json')),
  })
);
const others = OTHER_PACKAGES.map(({ name, dir }) =>
  measure({
    name,
    english: loadStrapi(dir, 'en'),
    shipped: loadStrapi(dir, 'id'),
    ours: loadJson(path.join(ourDir, `${name}.json`)),
  })
);

const pct = (part, whole) => (whole === 0 ? '  n/a' : `${((100 * part) / whole).toFixed(1).padStart(5)}%`);
const line = (row) =>
  `${row.name.padEnd(22)} ${String(row.total).padStart(5)} ${pct(row.before, row.total)} ${pct(row.after, row.total)} ${String(row.sameAsEnglish).padStart(6)}`;

console.log(
  `${'package'.padEnd(22)} ${'keys'.padStart(5)} ${'Strapi'.padStart(6)} ${'Warta'.padStart(6)} ${'=en'.padStart(6)}`
);
rows.forEach((row) => console.log(line(row)));
const sum = (list, field) => list.reduce((total, row) => total + row[field], 0);
const total = {
  name: "editors' packages",
  total: sum(rows, 'total'),
  before: sum(rows, 'before'),
  after: sum(rows, 'after'),
  sameAsEnglish: sum(rows, 'sameAsEnglish'),
};
console.log('-'.repeat(50));
console.log(line(total));
console.log('\nother packages (not in the target):');
others.forEach((row) => console.log(line(row)));

const extra = loadJson(path.join(ourDir, 'extra.json'));
console.log(
  `\nplus ${Object.keys(extra).length} strings Strapi's code uses with only an English default (src/admin/translations/id/extra.json)`
);

const share = total.after / total.total;
console.log(
  `\nIndonesian coverage over admin, content-manager, upload, i18n and newsroom: ${(share * 100).toFixed(1)}% (target ${TARGET * 100}%)`
);
process.exit(share >= TARGET ? 0 : 1);
