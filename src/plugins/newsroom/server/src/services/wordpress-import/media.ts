/**
 * Media of an import: a WordPress attachment's file found in `--media-dir` (the site's wp-content/uploads
 * copied over), fetched from `--media-from` (the old site's uploads URL) or from its own URL, checked to
 * be an image, and uploaded once. The upload is named after the URL's hash, so a re-run, or a run after
 * a kill between upload and map row, finds the file instead of uploading it twice.
 */
import { createHash } from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { UPLOAD_FILE_UID } from '../../constants';

export type MediaOptions = { mediaDir?: string | null; mediaFrom?: string | null; fetchTimeoutMs?: number };
export type MediaResult = { id: number; reused: boolean } | { error: string };

const MIME: [string, number[], number][] = [
  ['image/jpeg', [0xff, 0xd8, 0xff], 0],
  ['image/png', [0x89, 0x50, 0x4e, 0x47], 0],
  ['image/gif', [0x47, 0x49, 0x46, 0x38], 0],
  ['image/webp', [0x57, 0x45, 0x42, 0x50], 8],
];
const EXTENSION: Record<string, string> = {
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'image/gif': '.gif',
  'image/webp': '.webp',
};
/** Larger files than this are not taken from an old site (the upload limit of most WordPress hosts). */
const MAX_BYTES = 20 * 1024 * 1024;

/** The MIME type by the file's first bytes: the URL's extension and the server's Content-Type are not proof. */
export function sniffImage(bytes: Buffer): string | null {
  for (const [mime, magic, offset] of MIME) {
    if (bytes.length >= offset + magic.length && magic.every((byte, index) => bytes[offset + index] === byte))
      return mime;
  }
  return null;
}

/** The path of a file below the uploads folder: `https://x/wp-content/uploads/2023/10/a.jpg` -> `2023/10/a.jpg`. */
export function uploadsPath(url: string): string {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url).pathname);
  } catch {
    pathname = url;
  }
  const marker = '/wp-content/uploads/';
  const at = pathname.indexOf(marker);
  const rest = at >= 0 ? pathname.slice(at + marker.length) : pathname.replace(/^\/+/, '');
  // Never outside the media folder, whatever the URL says.
  return path.posix.normalize(rest).replace(/^(\.\.\/)+/, '');
}

export function importMedia(strapi: Core.Strapi, options: MediaOptions) {
  async function load(url: string): Promise<Buffer> {
    if (options.mediaDir) {
      const file = path.join(options.mediaDir, uploadsPath(url));
      if (!file.startsWith(path.resolve(options.mediaDir))) throw new Error('path outside the media folder');
      try {
        return await fs.promises.readFile(file);
      } catch {
        throw new Error(`not found in the media folder (${uploadsPath(url)})`);
      }
    }
    const source = options.mediaFrom ? `${options.mediaFrom.replace(/\/+$/, '')}/${uploadsPath(url)}` : url;
    const response = await fetch(source, {
      signal: AbortSignal.timeout(options.fetchTimeoutMs ?? 15000),
      redirect: 'follow',
    });
    if (!response.ok) throw new Error(`HTTP ${response.status} from ${source}`);
    const length = Number(response.headers.get('content-length') ?? 0);
    if (length > MAX_BYTES) throw new Error(`larger than ${MAX_BYTES / 1024 / 1024} MB`);
    return Buffer.from(await response.arrayBuffer());
  }

  /** Uploads under way by URL: two posts written at once (post-pool.ts) that show one picture upload it once. */
  const uploading = new Map<string, Promise<MediaResult>>();

  async function ensureOnce(
    url: string,
    info: { alternativeText?: string | null; caption?: string | null }
  ): Promise<MediaResult> {
    const key = createHash('sha1').update(url).digest('hex').slice(0, 20);
    const existing = (await strapi.db.query(UPLOAD_FILE_UID).findOne({
      where: { name: { $startsWith: `wp-${key}` } },
      select: ['id'],
    })) as { id: number } | null;
    if (existing) return { id: existing.id, reused: true };
    let bytes: Buffer;
    try {
      bytes = await load(url);
    } catch (error) {
      return { error: (error as Error).message };
    }
    const mime = sniffImage(bytes);
    if (!mime) return { error: 'not an image (its first bytes are no JPEG, PNG, GIF or WebP)' };
    if (bytes.length > MAX_BYTES) return { error: `larger than ${MAX_BYTES / 1024 / 1024} MB` };
    const name = `wp-${key}-${path
      .basename(uploadsPath(url))
      .replace(/\.[^.]+$/, '')
      .slice(0, 60)}${EXTENSION[mime]}`;
    const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'warta-wp-'));
    const filepath = path.join(dir, name);
    try {
      await fs.promises.writeFile(filepath, bytes);
      const [file] = await strapi
        .plugin('upload')
        .service('upload')
        .upload({
          data: { fileInfo: { name, alternativeText: info.alternativeText ?? '', caption: info.caption ?? '' } },
          files: { filepath, originalFilename: name, mimetype: mime, size: bytes.length },
        });
      return { id: file.id as number, reused: false };
    } catch (error) {
      return { error: `upload failed: ${(error as Error).message}` };
    } finally {
      await fs.promises.rm(dir, { recursive: true, force: true });
    }
  }

  return {
    /** The upload file id of an image URL, uploading it once. An error names what went wrong; nothing is written then. */
    async ensure(
      url: string,
      info: { alternativeText?: string | null; caption?: string | null }
    ): Promise<MediaResult> {
      const under = uploading.get(url);
      if (under) {
        const result = await under;
        return 'error' in result ? result : { id: result.id, reused: true };
      }
      const work = ensureOnce(url, info).finally(() => uploading.delete(url));
      uploading.set(url, work);
      return work;
    },
  };
}
