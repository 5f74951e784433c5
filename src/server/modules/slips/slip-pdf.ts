import PDFDocument from 'pdfkit';
import { breakLines, toWords, type Span, type Style } from './rich-text';
import { drawLine, drawQr } from './pdf-drawing';
import { documentFont, loadFonts, type Fonts } from './slip-fonts';

/**
 * Drawing primitives for an A4 administrative document (Decree 30/2020/NĐ-CP, Appendix I):
 * margins (top/bottom 20 mm, left 30 mm, right 15 mm), the two-column header (agency on the
 * left, national name and motto on the right, place and date in italics), a centred bold title,
 * justified body text, and the signature block.
 */
const MM = 72 / 25.4;
const PAGE = { width: 595.28, height: 841.89 } as const;
const MARGIN = { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM } as const;
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const BODY_SIZE = 13;
/** Noto Serif's natural line is 1.36 em (taller than Times New Roman's 1.15): tightened to ≈1.25 em. */
const LINE_GAP = -1.5;
/** Space after a paragraph (Decree 30: at least 6 pt between paragraphs, single line spacing or more). */
const PARAGRAPH_GAP = 4;
const QR_SIZE = 66;

/** One signature column: title (bold capitals), hint in italics, printed name under the space. */
export interface Signature {
  title: string;
  hint: string;
  name: string;
  /** The signer's position, under the name (e.g. "Cán bộ Công an phường Đoàn Kết"). */
  position?: string;
}

export interface DocumentInfo {
  title: string;
  author: string;
  createdAt: Date;
}

/** A PDF being written; `finish()` resolves with its bytes. */
export class SlipPdf {
  private readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<void>;

  private constructor(fonts: Fonts, info: DocumentInfo) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: MARGIN,
      bufferPages: false,
      info: {
        Title: info.title,
        Author: info.author,
        Creator: 'DVC06',
        CreationDate: info.createdAt,
        ModDate: info.createdAt,
      },
      lang: 'vi-VN',
      displayTitle: true,
    });
    for (const style of Object.keys(fonts) as Style[]) {
      this.doc.registerFont(style, documentFont(fonts[style]) as unknown as PDFKit.Mixins.PDFFontSource);
    }
    this.doc.on('data', (chunk: Buffer) => this.chunks.push(chunk));
    this.done = new Promise((resolve, reject) => {
      this.doc.on('end', resolve);
      this.doc.on('error', reject);
    });
    this.doc.font('regular').fontSize(BODY_SIZE);
  }

  static async create(info: DocumentInfo): Promise<SlipPdf> {
    return new SlipPdf(await loadFonts(), info);
  }

  async finish(): Promise<Buffer> {
    this.doc.end();
    await this.done;
    return Buffer.concat(this.chunks);
  }

  /**
   * The header: on the left the agency (line 1 upper case), the receiving unit (bold upper case),
   * a short rule, the slip number and the QR code; on the right the national name, the motto with
   * a rule as wide as it, and the place and date in italics. The body starts below both columns.
   */
  header(h: {
    agency: string;
    unit: string;
    slipNumber?: string;
    placeDate: string;
    qrText: string;
    formLabel: string;
  }): void {
    const doc = this.doc;
    const top = MARGIN.top;
    const leftWidth = 190;
    const rightX = MARGIN.left + leftWidth + 8;
    const rightWidth = PAGE.width - MARGIN.right - rightX;

    doc
      .font('italic')
      .fontSize(9)
      .text(h.formLabel, MARGIN.left, top - 14, { width: CONTENT_WIDTH, align: 'right' });

    let y = top;
    y = this.centred(upper(h.agency), 'regular', 11.5, MARGIN.left, y, leftWidth);
    y = this.centred(upper(h.unit), 'bold', 11.5, MARGIN.left, y, leftWidth);
    y = this.rule(MARGIN.left + leftWidth / 3, y + 3, leftWidth / 3) + 5;
    if (h.slipNumber) y = this.centred(`Số: ${h.slipNumber}`, 'regular', BODY_SIZE, MARGIN.left, y, leftWidth);
    const qrX = MARGIN.left + (leftWidth - QR_SIZE) / 2;
    drawQr(this.doc, h.qrText, qrX, y + 6, QR_SIZE);
    y = this.centred('Quét mã để tra cứu hồ sơ', 'italic', 8, MARGIN.left, y + 8 + QR_SIZE, leftWidth);
    const leftBottom = y;

    let r = top;
    r = this.centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'bold', 11.5, rightX, r, rightWidth);
    const motto = 'Độc lập - Tự do - Hạnh phúc';
    const mottoSize = this.fit(motto, 'bold', BODY_SIZE, rightWidth);
    r = this.centred(motto, 'bold', mottoSize, rightX, r, rightWidth);
    const mottoWidth = doc.font('bold').fontSize(mottoSize).widthOfString(motto);
    r = this.rule(rightX + (rightWidth - mottoWidth) / 2, r + 3, mottoWidth) + 10;
    r = this.centred(h.placeDate, 'italic', BODY_SIZE, rightX, r, rightWidth);

    doc.x = MARGIN.left;
    doc.y = Math.max(leftBottom, r) + 16;
  }

  /** Centred bold title lines (the first larger), then a blank line. */
  title(lines: string[]): void {
    lines.forEach((line, i) => {
      this.centred(line, 'bold', i === 0 ? 14 : BODY_SIZE, MARGIN.left, this.doc.y, CONTENT_WIDTH);
    });
    this.doc.moveDown(0.6);
  }

  /**
   * A paragraph of styled spans, justified by default (Decree 30), laid out by rich-text.ts;
   * `indent` shifts the whole block (list items), `firstLine` indents the first line only.
   * Breaks to a new page between lines when the page is full.
   */
  paragraph(
    spans: Span[],
    opts: { indent?: number; firstLine?: number; align?: 'justify' | 'left' | 'center' } = {},
  ): void {
    const doc = this.doc;
    const x = MARGIN.left + (opts.indent ?? 0);
    const width = CONTENT_WIDTH - (opts.indent ?? 0);
    doc.fontSize(BODY_SIZE);
    const measure = (text: string, style: Style): number => doc.font(style).widthOfString(text);
    const space = measure(' ', 'regular');
    const lines = breakLines(toWords(spans, measure), width, space, measure, opts.firstLine ?? 0);
    const lineHeight = doc.font('regular').currentLineHeight(true) + LINE_GAP;
    let y = doc.y;
    for (const line of lines) {
      if (y + lineHeight > PAGE.height - MARGIN.bottom) {
        doc.addPage();
        y = MARGIN.top;
      }
      drawLine(this.doc, line, x, y, width, space, opts.align ?? 'justify');
      y += lineHeight;
    }
    doc.x = MARGIN.left;
    doc.y = y + PARAGRAPH_GAP;
  }

  /** Vertical space in lines of body text. */
  space(lines = 0.5): void {
    this.doc.moveDown(lines);
  }

  /**
   * The signature block: one or two columns (left optional), each with a bold title, an italic
   * hint, room to sign and the printed name. `leftNote` replaces the left column with the
   * recipients' list ("Nơi nhận:") of an official letter. Starts a new page when it does not fit.
   */
  signatures(right: Signature, left?: Signature, leftNote?: string[]): void {
    const doc = this.doc;
    const needed = 110;
    if (doc.y + needed > PAGE.height - MARGIN.bottom) doc.addPage();
    const top = doc.y + 8;
    const colWidth = CONTENT_WIDTH / 2;
    const rightX = MARGIN.left + colWidth;
    const drawColumn = (s: Signature, x: number): number => {
      let y = this.centred(s.title, 'bold', 12, x, top, colWidth);
      y = this.centred(s.hint, 'italic', 11, x, y, colWidth);
      const below = this.centred(s.name, 'bold', BODY_SIZE, x, y + 50, colWidth);
      return s.position ? this.centred(s.position, 'italic', 11, x, below, colWidth) : below;
    };
    let bottom = drawColumn(right, rightX);
    if (left) bottom = Math.max(bottom, drawColumn(left, MARGIN.left));
    if (leftNote) {
      let y = top;
      doc
        .font('boldItalic')
        .fontSize(12)
        .text('Nơi nhận:', MARGIN.left, y, { width: colWidth - 10 });
      y = doc.y;
      for (const line of leftNote) {
        doc
          .font('regular')
          .fontSize(11)
          .text(line, MARGIN.left, y, { width: colWidth - 10 });
        y = doc.y;
      }
      bottom = Math.max(bottom, y);
    }
    doc.x = MARGIN.left;
    doc.y = bottom;
  }

  /** Centred text in a column; returns the y below it. */
  private centred(text: string, style: Style, size: number, x: number, y: number, width: number): number {
    this.doc.font(style).fontSize(size).text(text, x, y, { width, align: 'center', lineGap: 1 });
    return this.doc.y;
  }

  /** A thin horizontal rule; returns its y. */
  private rule(x: number, y: number, width: number): number {
    this.doc
      .save()
      .moveTo(x, y)
      .lineTo(x + width, y)
      .lineWidth(0.7)
      .stroke()
      .restore();
    return y;
  }

  /** The largest size ≤ `max` at which `text` fits `width` on one line. */
  private fit(text: string, style: Style, max: number, width: number): number {
    const w = this.doc.font(style).fontSize(max).widthOfString(text);
    return w <= width ? max : Math.floor((max * width * 10) / w) / 10;
  }
}

/** Vietnamese upper case (ư → Ư, đ → Đ, tone marks kept). */
export function upper(s: string): string {
  return s.toLocaleUpperCase('vi');
}
