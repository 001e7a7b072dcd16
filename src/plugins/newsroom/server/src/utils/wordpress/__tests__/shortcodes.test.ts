import { parseShortcodeAttrs, splitShortcodes } from '../shortcodes';

const ALL = null;

describe('parseShortcodeAttrs', () => {
  test.each([
    ['id="attachment_1" align="alignright" width="300"', { id: 'attachment_1', align: 'alignright', width: '300' }],
    ["ids='1,2,3' columns=4", { ids: '1,2,3', columns: '4' }],
    ['https://youtu.be/x "quoted"', { 0: 'https://youtu.be/x', 1: 'quoted' }],
    ['CAPTION="A ] bracket"', { caption: 'A ] bracket' }],
    ['', {}],
  ])('%j', (input, expected) => {
    expect(parseShortcodeAttrs(input)).toEqual(expected);
  });
});

describe('splitShortcodes', () => {
  const shape = (text: string, names: Set<string> | null = ALL) =>
    splitShortcodes(text, names).map((piece) =>
      piece.kind === 'text' ? piece.text : [piece.shortcode.name, piece.shortcode.attrs, piece.shortcode.content]
    );

  test.each([
    [
      'a [caption id="x"]<img src="a.jpg"> Hi[/caption] b',
      ['a ', ['caption', { id: 'x' }, '<img src="a.jpg"> Hi'], ' b'],
    ],
    ['[gallery ids="1,2"]', [['gallery', { ids: '1,2' }, null]]],
    ['[embed]https://youtu.be/x[/embed]', [['embed', {}, 'https://youtu.be/x']]],
    ['[[caption]] is escaped', ['[[caption]] is escaped']],
    ['no shortcode [ here', ['no shortcode [ here']],
    ['[br/] self closing', [['br', {}, null], ' self closing']],
    ['[caption]one[caption]two[/caption]', [['caption', {}, null], 'one', ['caption', {}, 'two']]],
    ['[caption attr="a ] b"]x[/caption]', [['caption', { attr: 'a ] b' }, 'x']]],
  ])('%j', (input, expected) => {
    expect(shape(input)).toEqual(expected);
  });

  test('keeps names outside the given set as text', () => {
    expect(shape('[gallery] and [caption]x[/caption]', new Set(['caption']))).toEqual([
      '[gallery] and ',
      ['caption', {}, 'x'],
    ]);
  });
});
