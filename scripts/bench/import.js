#!/usr/bin/env node
/**
 * `npm run bench:import [-- --posts 10000 --db sqlite,postgres]`: generates a WXR of N posts from the
 * shared theme test export (its authors, categories and tags, its posts' HTML as templates, each post
 * with a new id, title and slug, every tenth with a cover from a generated media folder that also holds
 * the pictures of the posts' bodies), imports it
 * with `npm run import:wordpress` on a fresh database of each kind, and prints wall time, posts per
 * second and peak RSS: the importer's own (its report's, boot included), and GNU time's for the process
 * tree (which includes the tsc compile the script starts with). PostgreSQL and MariaDB
 * take DATABASE_HOST/PORT/USERNAME/PASSWORD as the tests do.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const { freshDatabase } = require('../lib/database');
const { THROWAWAY_SECRETS } = require('../lib/secrets');
const { compile, root } = require('../lib/compile');

const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : fallback;
};
const POSTS = Number(arg('posts', '10000'));
const KINDS = arg('db', 'sqlite,postgres').split(',');
/** `--heap-mb N`: the importer's V8 old space cap (a smaller heap is collected sooner: lower peak RSS). */
const HEAP_MB = arg('heap-mb', null);
/** The V8 flags and environment `npm run import:wordpress` runs the importer with (package.json), so the bench measures the same. */
const IMPORT_WORDS = require('../../package.json').scripts['import:wordpress'].split(/\s+/);
const IMPORT_FLAGS = IMPORT_WORDS.filter((word) => word.startsWith('--'));
const IMPORT_ENV = Object.fromEntries(
  IMPORT_WORDS.filter((word) => /^[A-Z_]+=/.test(word)).map((word) => word.split('='))
);
const SOURCE = path.resolve(root, '..', 'shared', 'wordpress', 'themeunittestdata.wordpress.xml');
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64'
);

/** The export's channel head as it is, then N items cut from its posts with new ids, slugs and dates. */
async function generate(dir) {
  const text = fs.readFileSync(SOURCE, 'utf8');
  const head = text.slice(0, text.indexOf('<item>'));
  const templates = text
    .split('<item>')
    .slice(1)
    .map((chunk) => chunk.slice(0, chunk.indexOf('</item>')))
    .filter((item) => /<wp:post_type>(<!\[CDATA\[)?post(\]\]>)?<\/wp:post_type>/.test(item))
    .filter((item) => /<wp:status>(<!\[CDATA\[)?publish/.test(item));
  const file = path.join(dir, `bench-${POSTS}.xml`);
  const out = fs.createWriteStream(file);
  out.write(head);
  const media = path.join(dir, 'uploads');
  for (let n = 1; n <= POSTS; n += 1) {
    const template = templates[n % templates.length];
    const id = 100000 + n;
    const day = new Date(Date.UTC(2020, 0, 1) + n * 3600 * 1000);
    const stamp = day.toISOString().slice(0, 19).replace('T', ' ');
    const slug = `berita-uji-${n}`;
    let item = template
      .replace(
        /<title>[\s\S]*?<\/title>/,
        `<title><![CDATA[Berita uji nomor ${n}: ${['banjir', 'pemilu', 'timnas', 'harga beras', 'gempa'][n % 5]} di ${['Jakarta', 'Bandung', 'Medan', 'Makassar'][n % 4]}]]></title>`
      )
      .replace(
        /<link>[\s\S]*?<\/link>/,
        `<link>https://wpthemetestdata.wordpress.com/${stamp.slice(0, 10).replace(/-/g, '/')}/${slug}/</link>`
      )
      // Each post's own guid, as WordPress gives it: the template's would make every copy claim one old URL.
      .replace(
        /<guid[^>]*>[\s\S]*?<\/guid>/,
        `<guid isPermaLink="false">https://wpthemetestdata.wordpress.com/?p=${id}</guid>`
      )
      .replace(/<wp:post_id>\d+<\/wp:post_id>/, `<wp:post_id>${id}</wp:post_id>`)
      .replace(/<wp:post_name>[\s\S]*?<\/wp:post_name>/, `<wp:post_name><![CDATA[${slug}]]></wp:post_name>`)
      .replace(/<wp:post_date>[\s\S]*?<\/wp:post_date>/, `<wp:post_date><![CDATA[${stamp}]]></wp:post_date>`)
      .replace(
        /<wp:post_date_gmt>[\s\S]*?<\/wp:post_date_gmt>/,
        `<wp:post_date_gmt><![CDATA[${stamp}]]></wp:post_date_gmt>`
      )
      .replace(/<wp:postmeta>[\s\S]*?<\/wp:postmeta>/g, '');
    if (n % 10 === 0) {
      // A cover every tenth post, an attachment of its own with a credit in its caption.
      const attachment = 500000 + n;
      const url = `https://wpthemetestdata.files.wordpress.com/bench/${n}.png`;
      fs.mkdirSync(path.join(media, 'bench'), { recursive: true });
      fs.writeFileSync(path.join(media, 'bench', `${n}.png`), Buffer.concat([PNG, Buffer.from(String(n))]));
      item = item.replace(
        '</wp:post_type>',
        `</wp:post_type>\n<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>${attachment}</wp:meta_value></wp:postmeta>`
      );
      out.write(
        `<item><title>Foto ${n}</title><wp:post_id>${attachment}</wp:post_id><wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status><excerpt:encoded><![CDATA[Suasana liputan nomor ${n} (Foto: Antara/Galih Pradipta)]]></excerpt:encoded><wp:attachment_url>${url}</wp:attachment_url></item>\n`
      );
    }
    out.write(`<item>${item}</item>\n`);
  }
  out.write('</channel>\n</rss>\n');
  await bodyPictures(media);
  return new Promise((resolve) => out.end(() => resolve({ file, media })));
}

/** The pictures of the template posts' bodies, as the site's wp-content/uploads copy would hold them. */
async function bodyPictures(media) {
  const dist = (module) => require(path.join(root, 'dist', 'src', 'plugins', 'newsroom', 'server', 'src', module));
  const { readWxr } = dist('utils/wordpress/wxr');
  const { htmlToBlocks } = dist('utils/wordpress/html-to-blocks');
  const { uploadsPath } = dist('services/wordpress-import/media');
  let seed = 0;
  for await (const record of readWxr(fs.createReadStream(SOURCE))) {
    if (record.kind !== 'item' || record.type !== 'post') continue;
    for (const url of htmlToBlocks(record.content).images) {
      const target = path.join(media, uploadsPath(url));
      if (fs.existsSync(target)) continue;
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, Buffer.concat([PNG, Buffer.from(`body-${(seed += 1)}`)]));
    }
  }
}

async function main() {
  compile();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-bench-import-'));
  const { file, media } = await generate(dir);
  console.log(`[bench] ${POSTS} posts in ${file} (${(fs.statSync(file).size / 1024 / 1024).toFixed(1)} MB)`);
  const results = [];
  for (const kind of KINDS) {
    const database = await freshDatabase({ kind, prefix: 'warta_bench' });
    const reportFile = path.join(dir, `report-${kind}.json`);
    try {
      const started = Date.now();
      const run = spawnSync(
        '/usr/bin/time',
        [
          '-f',
          'peak_rss_kb=%M',
          process.execPath,
          ...IMPORT_FLAGS,
          ...(HEAP_MB ? [`--max-old-space-size=${HEAP_MB}`] : []),
          'scripts/import-wordpress.js',
          '--file',
          file,
          '--media-dir',
          media,
          '--no-progress',
          '--report',
          reportFile,
        ],
        {
          cwd: root,
          env: {
            ...process.env,
            ...IMPORT_ENV,
            ...THROWAWAY_SECRETS,
            ...database.env,
            STRAPI_TELEMETRY_DISABLED: 'true',
          },
          encoding: 'utf8',
          maxBuffer: 64 * 1024 * 1024,
        }
      );
      const seconds = (Date.now() - started) / 1000;
      const rss = Number((run.stderr.match(/peak_rss_kb=(\d+)/) ?? [])[1] ?? 0);
      const report = fs.existsSync(reportFile) ? JSON.parse(fs.readFileSync(reportFile, 'utf8')) : null;
      const result = {
        database: kind,
        posts: POSTS,
        exit: run.status,
        wallSeconds: Number(seconds.toFixed(1)),
        importSeconds: report ? Number(report.seconds.toFixed(1)) : null,
        postsPerSecond: report ? Number((report.posts.created / report.seconds).toFixed(1)) : null,
        importerPeakRssMb: report?.peakRssMb ?? null,
        treePeakRssMb: Number((rss / 1024).toFixed(0)),
        created: report?.posts.created ?? null,
        errors: report?.errors.length ?? null,
        mediaUploaded: report?.media.uploaded ?? null,
        bodyImages: report
          ? `${report.bodyImages.uploaded} up, ${report.bodyImages.reused} reused, ${report.bodyImages.failed} failed`
          : null,
      };
      results.push(result);
      console.log(JSON.stringify(result));
      if (run.status !== 0)
        console.log(
          run.stdout
            .split('\n')
            .filter((line) => !line.startsWith('[20'))
            .slice(-15)
            .join('\n')
        );
    } finally {
      await database.drop();
    }
  }
  console.table(results);
}

main().catch((error) => {
  console.error(`[bench] import failed: ${error.stack || error.message}`);
  process.exit(1);
});
