/**
 * Crops of a cover for NewsArticle structured data. Google asks for 16:9, 4:3 and 1:1 versions, each at
 * least 50,000 pixels and preferably 1200 px wide:
 * https://developers.google.com/search/docs/appearance/structured-data/article#article-types
 * The crops are stored as extra upload formats (`crop_16x9`, ...), beside Strapi's thumbnail/small/...
 * Pure: no Strapi or sharp import.
 */
export const CROP_TARGET_WIDTH = 1200;

export const CROPS = [
  { key: 'crop_16x9', ratio: '16:9', w: 16, h: 9 },
  { key: 'crop_4x3', ratio: '4:3', w: 4, h: 3 },
  { key: 'crop_1x1', ratio: '1:1', w: 1, h: 1 },
] as const;

export type CropSpec = (typeof CROPS)[number];
export type CropKey = CropSpec['key'];
export const CROP_KEYS: readonly CropKey[] = CROPS.map((crop) => crop.key);

/**
 * The largest box of exactly that ratio that fits the original and is at most `targetWidth` wide:
 * whole multiples of the ratio, so 16:9 is 16:9 to the pixel (1200x675, 640x360). Never larger than the
 * original (upscaling adds bytes, not detail). Null when the original cannot hold one (under 16x9 px).
 */
export function cropSize(
  original: { width?: number | null; height?: number | null },
  crop: Pick<CropSpec, 'w' | 'h'>,
  targetWidth: number = CROP_TARGET_WIDTH
): { width: number; height: number } | null {
  const width = Number(original.width);
  const height = Number(original.height);
  if (!(width > 0) || !(height > 0)) return null;
  const multiple = Math.floor(Math.min(width / crop.w, height / crop.h, targetWidth / crop.w));
  if (multiple < 1) return null;
  return { width: multiple * crop.w, height: multiple * crop.h };
}

/** The crops an image of that size should have, with their sizes. */
export function plannedCrops(
  original: { width?: number | null; height?: number | null },
  targetWidth: number = CROP_TARGET_WIDTH
) {
  return CROPS.flatMap((crop) => {
    const size = cropSize(original, crop, targetWidth);
    return size ? [{ ...crop, ...size }] : [];
  });
}

type StoredFormat = { url?: string | null; width?: number | null; height?: number | null } | null | undefined;
type ImageLike = {
  url?: string | null;
  width?: number | null;
  height?: number | null;
  formats?: Record<string, StoredFormat> | null;
};

/** Crop keys the image is missing (what a backfill still has to make). */
export function missingCrops(image: ImageLike): CropSpec[] {
  const planned = new Set(plannedCrops(image).map((crop) => crop.key));
  return CROPS.filter((crop) => planned.has(crop.key) && !image.formats?.[crop.key]?.url);
}

export type ImageCrop = {
  ratio: CropSpec['ratio'];
  url: string;
  absoluteUrl: string;
  width: number | null;
  height: number | null;
};

/**
 * The stored crops of an image, 16:9 then 4:3 then 1:1, with absolute URLs. An image uploaded before
 * crops existed has none: the caller falls back to the original (`npm run media:crops` backfills).
 */
export function imageCrops(image: ImageLike | null | undefined, toAbsolute: (url: string) => string): ImageCrop[] {
  if (!image?.formats) return [];
  return CROPS.flatMap((crop) => {
    const format = image.formats?.[crop.key];
    if (!format?.url) return [];
    return [
      {
        ratio: crop.ratio,
        url: format.url,
        absoluteUrl: toAbsolute(format.url),
        width: format.width ?? null,
        height: format.height ?? null,
      },
    ];
  });
}

/** JSON-LD `image`: the crops' absolute URLs, or the original's when there are no crops. */
export function structuredDataImages(crops: ImageCrop[], originalAbsoluteUrl: string | null | undefined): string[] {
  if (crops.length) return crops.map((crop) => crop.absoluteUrl);
  return originalAbsoluteUrl ? [originalAbsoluteUrl] : [];
}
