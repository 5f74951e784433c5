/**
 * Test helpers (never imported by production code): read a PDF back the way a person would —
 * rasterise a page to PNG, decode a QR code from the picture, extract the text — with MuPDF's
 * WebAssembly build (npm `mupdf`, no system dependency), pngjs and jsQR, and read the picture's
 * printed text with Tesseract's WebAssembly build. Dev dependencies only.
 */
import eng from '@tesseract.js-data/eng';
import jsQR from 'jsqr';
import * as mupdf from 'mupdf';
import { PNG } from 'pngjs';
import { createWorker, OEM } from 'tesseract.js';

function open(pdf: Buffer): mupdf.Document {
  return mupdf.Document.openDocument(pdf, 'application/pdf');
}

export function pageCount(pdf: Buffer): number {
  return open(pdf).countPages();
}

/** Renders one page to PNG at `dpi` (72 dpi = 1 px per point), white background. */
export function rasterizePage(pdf: Buffer, page = 0, dpi = 150): Buffer {
  const pixmap = open(pdf)
    .loadPage(page)
    .toPixmap(mupdf.Matrix.scale(dpi / 72, dpi / 72), mupdf.ColorSpace.DeviceRGB, false);
  return Buffer.from(pixmap.asPNG());
}

/** The text of one page, or of every page, as MuPDF extracts it (what copy-paste and screen readers get). */
export function extractText(pdf: Buffer, page?: number): string {
  const doc = open(pdf);
  const pages = page === undefined ? Array.from({ length: doc.countPages() }, (_, i) => i) : [page];
  return pages.map((i) => doc.loadPage(i).toStructuredText('preserve-whitespace').asText()).join('\n');
}

/** Decodes the first QR code found in a PNG picture; undefined when there is none. */
export function decodeQr(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  const rgba = new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.byteLength);
  return jsQR(rgba, image.width, image.height)?.data;
}

export interface EmbeddedFont {
  /** PostScript name with the subset tag, e.g. "ABCDEF+NotoSerif-Bold". */
  baseFont: string;
  /** The font program is embedded (FontFile2 = TrueType) — the PDF needs no system font. */
  embedded: boolean;
  /** Size of the embedded font program in bytes. */
  programBytes: number;
}

/** The fonts a page's resources use, following Type0 → descendant CIDFont → FontDescriptor. */
export function pageFonts(pdf: Buffer, page = 0): EmbeddedFont[] {
  const doc = open(pdf).asPDF();
  if (!doc) throw new Error('not a PDF');
  const fonts: EmbeddedFont[] = [];
  const fontDict = doc.findPage(page).get('Resources').get('Font');
  fontDict.forEach((ref) => {
    const font = ref.resolve();
    const descendant = font.get('DescendantFonts');
    const cidFont = descendant.isNull() ? font : descendant.get(0).resolve();
    const descriptor = cidFont.get('FontDescriptor').resolve();
    const program = ['FontFile2', 'FontFile3', 'FontFile'].map((k) => descriptor.get(k)).find((o) => !o.isNull());
    fonts.push({
      baseFont: font.get('BaseFont').asName(),
      embedded: program !== undefined,
      programBytes: program ? program.readStream().length : 0,
    });
  });
  return fonts;
}

/**
 * The text OCR reads off a rendered picture (Tesseract's WebAssembly build, npm `tesseract.js`,
 * with the English model of `@tesseract.js-data/eng` from node_modules — no download, no system
 * package): what a person, or another agency's scanner, sees printed — not the PDF's text layer.
 */
export async function ocrText(png: Buffer): Promise<string> {
  const worker = await createWorker(eng.code, OEM.LSTM_ONLY, {
    langPath: eng.langPath,
    gzip: eng.gzip,
    cacheMethod: 'none',
  });
  try {
    return (await worker.recognize(png)).data.text;
  } finally {
    await worker.terminate();
  }
}
