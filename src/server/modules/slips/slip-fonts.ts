import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';
import type { Style } from './rich-text';

/**
 * The slips' typeface: Noto Serif (SIL OFL 1.1), committed under assets/fonts/noto-serif with
 * its licence, so rendering needs no system font. See assets/fonts/noto-serif/README.md.
 */
export const FONT_DIR = fileURLToPath(new URL('../../../../assets/fonts/noto-serif/', import.meta.url));

const FONT_FILES: Record<Style, string> = {
  regular: 'NotoSerif-Regular.ttf',
  bold: 'NotoSerif-Bold.ttf',
  italic: 'NotoSerif-Italic.ttf',
  boldItalic: 'NotoSerif-BoldItalic.ttf',
};

export type Fonts = Record<Style, fontkit.Font>;
let fontsLoading: Promise<Fonts> | undefined;

/**
 * Reads and parses the four TTF files once per process. Every document uses them through
 * `documentFont`: fontkit decodes its tables (cmap, hmtx, GSUB/GPOS) lazily and keeps them, so
 * a fresh parse per slip would cost most of the rendering time; pdfkit still subsets per document.
 */
export function loadFonts(): Promise<Fonts> {
  fontsLoading ??= Promise.all(
    (Object.keys(FONT_FILES) as Style[]).map(
      async (style) => [style, parseFont(await readFile(`${FONT_DIR}${FONT_FILES[style]}`))] as const,
    ),
  ).then((entries) => Object.fromEntries(entries) as Fonts);
  fontsLoading.catch(() => {
    fontsLoading = undefined;
  });
  return fontsLoading;
}

function parseFont(bytes: Buffer): fontkit.Font {
  const font = fontkit.create(bytes);
  if (!('layout' in font)) throw new Error('A slip font file is a font collection, expected one TrueType font');
  return font;
}

/**
 * A per-document view of a shared parsed font: it inherits the decoded tables (the costly part)
 * but owns its glyph cache. fontkit caches a glyph with the characters it was first created
 * for, and the subsetter creates component glyphs (the "O" inside "Ò") with none; sharing that
 * cache would give later documents glyphs without text (broken copy-paste and search).
 */
export function documentFont(shared: fontkit.Font): fontkit.Font {
  const font = Object.create(shared) as fontkit.Font & { _glyphs: Record<number, unknown> };
  font._glyphs = {};
  return font;
}
