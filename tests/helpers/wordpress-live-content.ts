/**
 * A small newsroom written into a live WordPress through its REST API, as an editor's tools would: a
 * category tree, tags, two journalists, a cover uploaded through /wp/v2/media with its credit in the
 * caption, a block-editor post, a classic post with a [caption] shortcode, a draft and a private post.
 * WordPress' own "Hello world!" (from the install) stays: a site's first post is always there.
 */
import type { LiveWordPress } from './wordpress-live';

/** A 1x1 PNG: WordPress checks an upload's bytes, not its name. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64'
);

export type LiveNewsroom = Awaited<ReturnType<typeof seedLiveNewsroom>>;

export async function seedLiveNewsroom(wp: LiveWordPress) {
  const nasional = await wp.api('POST', '/wp/v2/categories', { name: 'Nasional', slug: 'nasional' });
  const megapolitan = await wp.api('POST', '/wp/v2/categories', {
    name: 'Megapolitan',
    slug: 'megapolitan',
    parent: nasional.id,
    description: 'Berita Jakarta dan sekitarnya.',
  });
  const banjir = await wp.api('POST', '/wp/v2/tags', { name: 'Banjir', slug: 'banjir' });
  const bekasi = await wp.api('POST', '/wp/v2/tags', { name: 'Bekasi', slug: 'bekasi' });
  const user = (username: string, first: string, last: string, role: string) =>
    wp.api('POST', '/wp/v2/users', {
      username,
      email: `${username}@kabarlangsung.example`,
      password: `sandi-${username}-${Date.now()}`,
      name: `${first} ${last}`,
      first_name: first,
      last_name: last,
      roles: [role],
    });
  const rina = await user('rina', 'Rina', 'Wulandari', 'author');
  const budi = await user('budi', 'Budi', 'Santoso', 'editor');

  const cover = await wp.upload('banjir-bekasi.png', PNG, {
    caption: 'Warga mengungsi dari rumahnya di Bekasi (Foto: Reuters)',
    alt_text: 'Banjir di Bekasi',
    title: 'Banjir Bekasi',
  });
  const image = `<!-- wp:image {"id":${cover.id},"sizeSlug":"full"} -->
<figure class="wp-block-image size-full"><img src="${cover.source_url}" alt="Genangan di jalan" class="wp-image-${cover.id}"/><figcaption class="wp-element-caption">Genangan di Jalan Ahmad Yani</figcaption></figure>
<!-- /wp:image -->`;
  const blocks = await wp.api('POST', '/wp/v2/posts', {
    title: 'Banjir Rendam Ribuan Rumah di Bekasi',
    slug: 'banjir-rendam-bekasi',
    status: 'publish',
    date: '2023-10-27T10:00:00',
    author: rina.id,
    categories: [megapolitan.id],
    tags: [banjir.id, bekasi.id],
    featured_media: cover.id,
    excerpt: 'Banjir merendam ribuan rumah di Bekasi.',
    content: `<!-- wp:paragraph -->
<p>Banjir merendam <strong>ribuan rumah</strong> di Bekasi sejak Kamis malam.</p>
<!-- /wp:paragraph -->

<!-- wp:heading -->
<h2 class="wp-block-heading">Warga Mengungsi</h2>
<!-- /wp:heading -->

<!-- wp:list -->
<ul><li>Masjid Al-Ikhlas</li><li>SDN Bekasi Jaya 1</li></ul>
<!-- /wp:list -->

<!-- wp:quote -->
<blockquote class="wp-block-quote"><p>Air naik cepat sekali.</p><cite>Siti, warga</cite></blockquote>
<!-- /wp:quote -->

${image}`,
  });
  const classic = await wp.api('POST', '/wp/v2/posts', {
    title: 'Pengungsi Banjir Bekasi Butuh Selimut',
    slug: 'pengungsi-banjir-bekasi',
    status: 'publish',
    date: '2023-10-28T08:30:00',
    author: budi.id,
    categories: [nasional.id],
    content: `Ribuan pengungsi membutuhkan selimut dan makanan.

[caption id="attachment_${cover.id}" align="aligncenter" width="1"]<img class="size-full wp-image-${cover.id}" src="${cover.source_url}" alt="Posko pengungsi" width="1" height="1" /> Posko pengungsi di Bekasi[/caption]`,
  });
  const draft = await wp.api('POST', '/wp/v2/posts', {
    title: 'Draf: Tanggul Jebol',
    slug: 'tanggul-jebol',
    status: 'draft',
    author: rina.id,
    categories: [megapolitan.id],
    content: '<!-- wp:paragraph -->\n<p>Belum terbit.</p>\n<!-- /wp:paragraph -->',
  });
  const secret = await wp.api('POST', '/wp/v2/posts', {
    title: 'Catatan Rapat Redaksi',
    slug: 'catatan-rapat',
    status: 'private',
    categories: [nasional.id],
    content: '<p>Hanya untuk redaksi.</p>',
  });
  return { nasional, megapolitan, tags: [banjir, bekasi], rina, budi, cover, blocks, classic, draft, secret };
}
