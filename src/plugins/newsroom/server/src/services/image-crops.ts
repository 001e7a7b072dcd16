import fs from 'fs';
import os from 'os';
import path from 'path';
import { createRequire } from 'module';
import type { Core } from '@strapi/strapi';
import { file as fileUtils } from '@strapi/utils';
import type Sharp from 'sharp';
import { UPLOAD_FILE_UID, UPLOAD_IMAGE_MANIPULATION_UID } from '../constants';
import { missingCrops, plannedCrops, type CropKey } from '../utils/media/image-crops';
import { getService } from '../get-service';

/** The file object the upload plugin hands to `generateResponsiveFormats` (and that a backfill builds). */
export type UploadFile = {
  name: string;
  hash: string;
  ext?: string | null;
  mime?: string;
  path?: string | null;
  width?: number | null;
  height?: number | null;
  filepath?: string;
  getStream?: () => NodeJS.ReadableStream;
  tmpWorkingDirectory?: string;
};
export type CropFormat = {
  key: CropKey;
  file: UploadFile & { width: number; height: number; size: number; sizeInBytes: number; url?: string };
};
/** The columns of an upload file row that a backfill selects. */
type FileRow = {
  id: number;
  name: string;
  hash: string;
  ext: string | null;
  mime: string;
  url: string;
  width?: number | null;
  height?: number | null;
  formats?: Record<string, { url?: string | null; width?: number | null; height?: number | null } | null> | null;
  provider?: string | null;
  provider_metadata?: Record<string, unknown> | null;
};
/** The upload plugin's image-manipulation service, as far as the crops step wraps it. */
type ImageManipulation = Core.Service & {
  generateResponsiveFormats(file: UploadFile): Promise<unknown[] | null | undefined>;
};
export type BackfillReport = {
  images: number;
  updated: number;
  crops: number;
  skipped: number;
  failed: { id: number; name: string; error: string }[];
};

let sharpModule: typeof Sharp | null = null;
/** The upload plugin's own sharp (the copy that makes its thumbnails), not a second one of our own. */
function uploadSharp(): typeof Sharp {
  sharpModule ??= createRequire(require.resolve('@strapi/upload/strapi-server'))('sharp') as typeof Sharp;
  return sharpModule;
}

const TRANSIENT_KEYS = ['getStream', 'filepath', 'stream', 'buffer', 'tmpWorkingDirectory'] as const;

/**
 * Google's 16:9, 4:3 and 1:1 crops of every uploaded image, made once at upload with the upload plugin's
 * sharp and stored by its provider as formats beside thumbnail/small/medium: every instance and any
 * provider (local disk, S3, ...) serves them, nothing is cached per process. `backfill` gives images
 * uploaded before this their crops (`npm run media:crops`).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The missing (or all) crops of one image as upload formats, written into its temporary working directory. */
  async generate(file: UploadFile, only?: readonly CropKey[]): Promise<CropFormat[]> {
    const sharp = uploadSharp();
    const source = file.filepath ?? (await file.getStream?.().pipe(sharp()).toBuffer());
    if (!source) return [];
    const size = file.width && file.height ? file : await sharp(source).metadata();
    // Strapi's upload always sets a working directory; anything else gets its own.
    const dir = file.tmpWorkingDirectory ?? (await fs.promises.mkdtemp(path.join(os.tmpdir(), 'warta-crops-')));
    const formats: CropFormat[] = [];
    for (const crop of plannedCrops(size)) {
      if (only && !only.includes(crop.key)) continue;
      const hash = `${crop.key}_${file.hash}`;
      const filepath = path.join(dir, hash);
      // 'attention' keeps the most salient region (faces, contrast) rather than the geometric centre.
      // No extension on the path: sharp then writes the input's format, as Strapi's own formats do.
      const info = await sharp(source)
        .resize(crop.width, crop.height, { fit: 'cover', position: 'attention' })
        .toFile(filepath);
      formats.push({
        key: crop.key,
        file: {
          name: `${crop.key}_${file.name}`,
          hash,
          ext: file.ext,
          mime: file.mime,
          path: file.path ?? null,
          filepath,
          getStream: () => fs.createReadStream(filepath),
          width: info.width,
          height: info.height,
          size: fileUtils.bytesToKbytes(info.size),
          sizeInBytes: info.size,
        },
      });
    }
    return formats;
  },

  /**
   * Images without their crops get them: read the original back from the provider, make what is missing,
   * upload it, add it to the row's formats. Idempotent: an image with all its crops is only looked at.
   */
  async backfill({
    batchSize = 100,
    onProgress,
  }: { batchSize?: number; onProgress?: (done: number, total: number) => void } = {}): Promise<BackfillReport> {
    const report: BackfillReport = { images: 0, updated: 0, crops: 0, skipped: 0, failed: [] };
    const where = { mime: { $startsWith: 'image/' } };
    const total = await strapi.db.query(UPLOAD_FILE_UID).count({ where });
    const currentProvider = strapi.config.get('plugin::upload.provider');
    let lastId = 0;
    for (;;) {
      const rows: FileRow[] = await strapi.db.query(UPLOAD_FILE_UID).findMany({
        where: { ...where, id: { $gt: lastId } },
        select: [
          'id',
          'name',
          'hash',
          'ext',
          'mime',
          'url',
          'width',
          'height',
          'formats',
          'provider',
          'provider_metadata',
        ],
        orderBy: { id: 'asc' },
        limit: batchSize,
      });
      if (!rows.length) break;
      for (const row of rows) {
        lastId = row.id;
        report.images += 1;
        const missing = missingCrops(row).map((crop) => crop.key);
        if (missing.length === 0) continue;
        // Crops go where the original is; a file of another provider than the configured one stays as it is.
        if (row.provider !== currentProvider) {
          report.skipped += 1;
          continue;
        }
        try {
          const made = await this.backfillOne(row, missing);
          if (made === null) report.skipped += 1;
          else if (made > 0) {
            report.updated += 1;
            report.crops += made;
          }
        } catch (error) {
          report.failed.push({ id: row.id, name: row.name, error: (error as Error).message });
        }
      }
      onProgress?.(report.images, total);
    }
    return report;
  },

  /** Crops made for one file row, or null when the file is not an image sharp resizes (SVG, AVIF). */
  async backfillOne(row: FileRow, missing: CropKey[]): Promise<number | null> {
    const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'warta-crops-'));
    try {
      const filepath = path.join(dir, `original${row.ext ?? ''}`);
      await this.readOriginal(row, filepath);
      const file: UploadFile = {
        name: row.name,
        hash: row.hash,
        ext: row.ext,
        mime: row.mime,
        width: row.width,
        height: row.height,
        filepath,
        getStream: () => fs.createReadStream(filepath),
        tmpWorkingDirectory: dir,
      };
      const manipulation = strapi.plugin('upload').service('image-manipulation');
      if (!(await manipulation.isResizableImage(file))) return null;
      const crops = await this.generate(file, missing);
      const provider = strapi.plugin('upload').service('provider');
      const formats: Record<string, unknown> = { ...(row.formats ?? {}) };
      for (const crop of crops) {
        await provider.upload(crop.file);
        formats[crop.key] = Object.fromEntries(
          Object.entries(crop.file).filter(([key]) => !(TRANSIENT_KEYS as readonly string[]).includes(key))
        );
      }
      if (crops.length) await strapi.db.query(UPLOAD_FILE_UID).update({ where: { id: row.id }, data: { formats } });
      return crops.length;
    } finally {
      await fs.promises.rm(dir, { recursive: true, force: true });
    }
  },

  /** The stored original: from the public folder for the local provider, else over HTTP (signed if private). */
  async readOriginal(row: FileRow, target: string): Promise<void> {
    const upload = strapi.plugin('upload');
    if (row.provider === 'local' && typeof row.url === 'string' && row.url.startsWith('/')) {
      await fs.promises.copyFile(path.join(strapi.dirs.static.public, decodeURIComponent(row.url)), target);
      return;
    }
    let url = row.url;
    if (await upload.provider.isPrivate?.()) url = (await upload.provider.getSignedUrl(row)).url;
    const response = await fetch(url);
    if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
    await fs.promises.writeFile(target, Buffer.from(await response.arrayBuffer()));
  },
});

/**
 * Every image the upload plugin stores (upload and replace in the media library, REST, scripts) also
 * gets its crops: `generateResponsiveFormats` is the one step whose formats the plugin uploads through its
 * provider and records in `formats`, whatever the "responsive dimensions" setting says about small/medium.
 */
export function decorateImageManipulation(strapi: Core.Strapi) {
  strapi.get('services').extend(UPLOAD_IMAGE_MANIPULATION_UID, (service: ImageManipulation) => ({
    ...service,
    async generateResponsiveFormats(file: UploadFile) {
      const formats = (await service.generateResponsiveFormats(file)) ?? [];
      try {
        return [...formats, ...(await getService('image-crops', strapi).generate(file))];
      } catch (error) {
        // An editor's upload must not fail over its structured-data crops; the backfill retries them.
        strapi.log.error(
          `[newsroom] crops of "${file.name}" failed (npm run media:crops retries): ${(error as Error).message}`
        );
        return formats;
      }
    },
  }));
}
