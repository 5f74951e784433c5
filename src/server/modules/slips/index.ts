/**
 * Public face of the `slips` module: the one-stop-shop slips as A4 PDFs in Vietnamese
 * (receipt and appointment Mẫu 01 / CT04, request to supplement Mẫu 02 / CT05, refusal
 * Mẫu 03 / CT06, apology and new appointment Mẫu 04). Pure rendering: owns no tables and
 * no routes; the dossiers module calls it from its own routes.
 *
 * No authorization of its own either (so no slips.policy.ts): a slip is printed for whoever may
 * see the dossier — staff of its unit or the citizen who filed it — as dossiers' policy decides.
 */

/** Renders a slip to PDF bytes after checking the fields its kind requires (`SLIP.INVALID`, 400). */
export { renderSlip, slipQrPayload } from './render-slip';
/** The slip kinds, the data printed on a slip, and the per-kind field check used by `renderSlip`. */
export { SLIP_KINDS, validateSlipData, type ResultDelivery, type SlipData, type SlipKind } from './slip-data';
/** Vietnamese date/time wording in Asia/Ho_Chi_Minh, as printed on slips (Decree 30/2020). */
export { dateTimeVi, dateVi, placeDateVi } from './vietnamese-time';
/**
 * Result documents of residence procedures (CT03 temporary-absence slip, CT07 confirmation of
 * residence information, CT08 notice of the result) and the electronic birth extract, as PDFs, in
 * the slips' layout.
 */
export {
  renderResultDocument,
  validateResultDocument,
  resultDocumentTitle,
  resultQrPayload,
  RESULT_DOCUMENT_KINDS,
  type ResultDocumentData,
  type ResultDocumentKind,
} from './result-document';
/** Draws a QR code on a pdfkit page (also the fee receipt's verification link). */
export { drawQr } from './pdf-drawing';
/** The documents' typeface (Noto Serif, committed): parsed once per process, a per-document view for pdfkit. */
export { loadFonts, documentFont, type Fonts } from './slip-fonts';
