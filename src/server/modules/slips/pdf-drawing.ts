import QRCode from 'qrcode';
import type { Line, Style } from './rich-text';

/** Drawing on a pdfkit document that the slip layout builds on: laid-out lines of text and QR codes. */

/**
 * Draws one laid-out line. Every word space is written as a real space glyph (pdfkit's own
 * `wordSpacing` drops them, and text extraction then glues words ending in a toned vowel).
 * Justified lines place each word at its computed position; other lines write one call per
 * run of a style.
 */
export function drawLine(
  doc: PDFKit.PDFDocument,
  line: Line,
  x: number,
  y: number,
  width: number,
  space: number,
  align: 'justify' | 'left' | 'center',
): void {
  const free = width - line.offset - line.width;
  const gaps = line.words.length - 1;
  const extra = align === 'justify' && !line.last && gaps > 0 ? free / gaps : 0;
  let cursor = x + line.offset + (align === 'center' ? free / 2 : 0);
  let run: { text: string; style: Style; width: number } | undefined;
  const flush = (): void => {
    if (!run) return;
    doc.font(run.style).text(run.text, cursor, y, { lineBreak: false });
    cursor += run.width;
    run = undefined;
  };
  line.words.forEach((word, wi) => {
    const spaceAfter = wi < gaps;
    word.fragments.forEach((f, fi) => {
      const text = spaceAfter && fi === word.fragments.length - 1 ? `${f.text} ` : f.text;
      const advance = f.width + (text === f.text ? 0 : space);
      if (run && run.style === f.style && extra === 0) {
        run.text += text;
        run.width += advance;
        return;
      }
      flush();
      run = { text, style: f.style, width: advance };
    });
    if (extra > 0) {
      flush();
      cursor += extra;
    }
  });
  flush();
}

/** Draws `text` as a QR code (error correction M) with dark modules merged into row runs. */
export function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const matrix = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
  const quiet = 2;
  const cell = size / (matrix.size + 2 * quiet);
  doc.save();
  for (let row = 0; row < matrix.size; row++) {
    let col = 0;
    while (col < matrix.size) {
      if (!matrix.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < matrix.size && matrix.get(row, col)) col++;
      doc.rect(x + (quiet + start) * cell, y + (quiet + row) * cell, (col - start) * cell, cell);
    }
  }
  doc.fillColor('black').fill();
  doc.restore();
}
