/**
 * Makes Warta's default publisher logos in public/brand/ from SVG with sharp. Run once (`node
 * scripts/make-logo.js`) and commit the PNGs: they are the JSON-LD `publisher.logo` until an operator
 * sets WARTA_PUBLISHER_LOGO_URL, so they must exist without a build step.
 *
 * - warta-logo-512x512.png: square, for schema.org Organization logos (Google: at least 112x112).
 * - warta-logo-600x60.png: the wide wordmark Google's AMP/Publisher Center guidance asked for (600x60).
 *
 * The text is rendered with DejaVu Serif Bold (Debian's fonts-dejavu) by librsvg inside sharp.
 */
const path = require('path');
const sharp = require('sharp');

const RED = '#b3001b'; // the reader site's accent colour
const OUT = path.join(__dirname, '..', 'public', 'brand');

const square = `<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">
  <rect width="512" height="512" fill="${RED}"/>
  <text x="256" y="290" text-anchor="middle" font-family="DejaVu Serif" font-weight="bold" font-size="124" fill="#ffffff">Warta</text>
  <rect x="116" y="326" width="280" height="10" fill="#ffffff"/>
</svg>`;

const wide = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="60" viewBox="0 0 600 60">
  <rect width="600" height="60" fill="#ffffff"/>
  <rect x="0" y="0" width="12" height="60" fill="${RED}"/>
  <text x="28" y="47" font-family="DejaVu Serif" font-weight="bold" font-size="48" fill="${RED}">Warta</text>
</svg>`;

async function main() {
  await sharp(Buffer.from(square)).png({ compressionLevel: 9 }).toFile(path.join(OUT, 'warta-logo-512x512.png'));
  await sharp(Buffer.from(wide)).png({ compressionLevel: 9 }).toFile(path.join(OUT, 'warta-logo-600x60.png'));
  for (const file of ['warta-logo-512x512.png', 'warta-logo-600x60.png']) {
    const { width, height, format } = await sharp(path.join(OUT, file)).metadata();
    console.log(`${file}: ${format} ${width}x${height}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
