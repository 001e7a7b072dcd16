import { CROPS, cropSize, imageCrops, missingCrops, plannedCrops, structuredDataImages } from '../image-crops';
import { absoluteUrl } from '../../reader/urls';

const [wide, classic, square] = CROPS;
const abs = (url: string) => absoluteUrl('https://w.id', url)!;

describe('cropSize', () => {
  test.each([
    // original, crop, expected
    [{ width: 4000, height: 3000 }, wide, { width: 1200, height: 675 }],
    [{ width: 4000, height: 3000 }, classic, { width: 1200, height: 900 }],
    [{ width: 4000, height: 3000 }, square, { width: 1200, height: 1200 }],
    // Smaller than the target: the largest exact box that fits, never upscaled.
    [{ width: 640, height: 360 }, wide, { width: 640, height: 360 }],
    [{ width: 640, height: 360 }, classic, { width: 480, height: 360 }],
    [{ width: 640, height: 360 }, square, { width: 360, height: 360 }],
    [{ width: 960, height: 540 }, classic, { width: 720, height: 540 }],
    // Tall: the width limits every crop.
    [{ width: 1000, height: 3000 }, wide, { width: 992, height: 558 }],
    [{ width: 1000, height: 3000 }, square, { width: 1000, height: 1000 }],
    // Wide enough for 1200 in 16:9 but not in 4:3.
    [{ width: 1300, height: 700 }, wide, { width: 1200, height: 675 }],
    [{ width: 1300, height: 700 }, classic, { width: 932, height: 699 }],
    // Too small for one whole 16x9 box, or no size at all.
    [{ width: 15, height: 100 }, wide, null],
    [{ width: 0, height: 100 }, square, null],
    [{ width: null, height: null }, square, null],
  ])('%p as %p gives %p', (original, crop, expected) => {
    expect(cropSize(original, crop)).toEqual(expected);
  });

  test('every size it gives has exactly the ratio', () => {
    for (let width = 16; width < 2600; width += 37) {
      for (let height = 9; height < 2600; height += 53) {
        for (const crop of CROPS) {
          const size = cropSize({ width, height }, crop);
          if (!size) continue;
          expect(size.width * crop.h).toBe(size.height * crop.w);
          expect(size.width).toBeLessThanOrEqual(Math.min(width, 1200));
          expect(size.height).toBeLessThanOrEqual(height);
        }
      }
    }
  });
});

describe('plannedCrops', () => {
  test('gives the three crops in 16:9, 4:3, 1:1 order', () => {
    expect(plannedCrops({ width: 640, height: 360 }).map((crop) => [crop.key, crop.width, crop.height])).toEqual([
      ['crop_16x9', 640, 360],
      ['crop_4x3', 480, 360],
      ['crop_1x1', 360, 360],
    ]);
  });

  test('leaves out a crop the original cannot hold', () => {
    expect(plannedCrops({ width: 10, height: 10 }).map((crop) => [crop.key, crop.width, crop.height])).toEqual([
      ['crop_4x3', 8, 6],
      ['crop_1x1', 10, 10],
    ]);
  });
});

describe('missingCrops', () => {
  const format = (url: string) => ({ url, width: 1, height: 1 });
  test.each([
    [{ width: 640, height: 360, formats: null }, ['crop_16x9', 'crop_4x3', 'crop_1x1']],
    [
      { width: 640, height: 360, formats: { thumbnail: format('/t.jpg'), crop_4x3: format('/c.jpg') } },
      ['crop_16x9', 'crop_1x1'],
    ],
    [
      { width: 640, height: 360, formats: { crop_16x9: format('/a'), crop_4x3: format('/b'), crop_1x1: format('/c') } },
      [],
    ],
    // A format without a URL (a failed upload) is not a crop.
    [
      {
        width: 640,
        height: 360,
        formats: { crop_16x9: { url: null }, crop_4x3: format('/b'), crop_1x1: format('/c') },
      },
      ['crop_16x9'],
    ],
    [{ width: 10, height: 10, formats: { crop_4x3: format('/b'), crop_1x1: format('/c') } }, []],
  ])('%p misses %p', (image, expected) => {
    expect(missingCrops(image as any).map((crop) => crop.key)).toEqual(expected);
  });
});

describe('imageCrops and structuredDataImages', () => {
  const image = {
    url: '/uploads/a.jpg',
    formats: {
      crop_1x1: { url: '/uploads/crop_1x1_a.jpg', width: 360, height: 360 },
      thumbnail: { url: '/uploads/thumbnail_a.jpg', width: 245, height: 138 },
      crop_16x9: { url: '/uploads/crop_16x9_a.jpg', width: 640, height: 360 },
      crop_4x3: { url: 'https://cdn.w.id/crop_4x3_a.jpg', width: 480, height: 360 },
    },
  };

  test('lists the stored crops 16:9, 4:3, 1:1 whatever the order of the formats, a CDN URL as it is', () => {
    const crops = imageCrops(image, abs);
    expect(crops.map((crop) => [crop.ratio, crop.absoluteUrl, crop.width, crop.height])).toEqual([
      ['16:9', 'https://w.id/uploads/crop_16x9_a.jpg', 640, 360],
      ['4:3', 'https://cdn.w.id/crop_4x3_a.jpg', 480, 360],
      ['1:1', 'https://w.id/uploads/crop_1x1_a.jpg', 360, 360],
    ]);
    expect(structuredDataImages(crops, 'https://w.id/uploads/a.jpg')).toEqual(crops.map((crop) => crop.absoluteUrl));
  });

  test.each([
    [null, 'https://w.id/uploads/a.jpg', ['https://w.id/uploads/a.jpg']],
    [
      { url: '/uploads/a.jpg', formats: { thumbnail: { url: '/t.jpg' } } },
      'https://w.id/uploads/a.jpg',
      ['https://w.id/uploads/a.jpg'],
    ],
    [{ url: '/uploads/a.jpg', formats: null }, null, []],
  ])('an image without crops (%p) falls back to the original %p', (img, original, expected) => {
    expect(structuredDataImages(imageCrops(img as any, abs), original)).toEqual(expected);
  });
});
