import { splitCaptionCredit } from '../credit';

describe('splitCaptionCredit', () => {
  test.each([
    ['Presiden Joko Widodo di Istana (Foto: Reuters)', 'Presiden Joko Widodo di Istana', 'Reuters', 'Foto'],
    ['Banjir di Jakarta. Foto: Antara/Galih Pradipta', 'Banjir di Jakarta.', 'Antara/Galih Pradipta', 'Foto'],
    ['Suasana rapat (Dok. Istimewa)', 'Suasana rapat', 'Dok. Istimewa', 'Foto'],
    ['Warga mengungsi (Istimewa)', 'Warga mengungsi', 'Istimewa', 'Foto'],
    ['Ilustrasi pemilu (Ilustrasi: Okezone/Freepik)', 'Ilustrasi pemilu', 'Okezone/Freepik', 'Ilustrasi'],
    ['Data inflasi 2023 (Grafis: BPS)', 'Data inflasi 2023', 'BPS', 'Grafis'],
    ['Cuplikan laga final (Video: YouTube/PSSI)', 'Cuplikan laga final', 'YouTube/PSSI', 'Video'],
    ['Rocket launch (Photo: AP)', 'Rocket launch', 'AP', 'Foto'],
    ['A cat on a mat. Photo by Jane Doe', 'A cat on a mat.', 'Jane Doe', 'Foto'],
    ['Gedung DPR [Foto: Okezone]', 'Gedung DPR', 'Okezone', 'Foto'],
    ['Pasukan Ukraina di Bakhmut. REUTERS/Yves Herman', 'Pasukan Ukraina di Bakhmut.', 'REUTERS/Yves Herman', 'Foto'],
    ['Petugas memeriksa (ANTARA FOTO/Galih Pradipta)', 'Petugas memeriksa', 'ANTARA FOTO/Galih Pradipta', 'Foto'],
    ['Timnas Indonesia | Foto: PSSI', 'Timnas Indonesia', 'PSSI', 'Foto'],
    ['Menteri Keuangan Sri Mulyani (kanan)', 'Menteri Keuangan Sri Mulyani (kanan)', null, 'Foto'],
    ['Foto bersama keluarga di pantai', 'Foto bersama keluarga di pantai', null, 'Foto'],
    ['Foto: Reuters', '', 'Reuters', 'Foto'],
    ['  spasi   berlebih  (Foto:  Antara ) ', 'spasi berlebih', 'Antara', 'Foto'],
    ['', '', null, 'Foto'],
  ])('%j -> caption %j, credit %j (%s)', (input, caption, credit, creditLabel) => {
    expect(splitCaptionCredit(input)).toEqual({ caption, credit, creditLabel });
  });

  test('returns the caption unchanged when the bracket holds no credit', () => {
    expect(splitCaptionCredit('Pertemuan G20 (2022)').credit).toBeNull();
  });
});
