import { titlesFor, writeSlipBody } from './slip-content';
import { validateSlipData, type SlipData } from './slip-data';
import { nfcDeep } from './field-checks';
import { SlipPdf } from './slip-pdf';
import { placeDateVi } from './vietnamese-time';

/**
 * What the slip's QR code encodes: `<lookupUrl>?ma=<dossierCode>` when a lookup page is given,
 * else the bare dossier code. No personal data: the public lookup also asks for the ID number.
 */
export function slipQrPayload(dossierCode: string, lookupUrl?: string): string {
  if (!lookupUrl) return dossierCode;
  const url = new URL(lookupUrl);
  url.searchParams.set('ma', dossierCode);
  return url.toString();
}

/**
 * Renders a slip as an A4 PDF (Vietnamese, Noto Serif embedded as subsets) and returns its bytes.
 * Validates the fields the kind requires first: `SLIP.INVALID` (400) names each bad field.
 * Pure: no database, no logging (slips carry personal data).
 */
export async function renderSlip(input: SlipData): Promise<Buffer> {
  validateSlipData(input);
  const data = nfcDeep(input);
  const { title, formLabel } = titlesFor(data);
  const pdf = await SlipPdf.create({
    title: `${title} — ${data.dossierCode}`,
    author: data.agencyName,
    createdAt: data.issuedAt,
  });
  pdf.header({
    agency: data.agencyName,
    unit: data.unitName,
    slipNumber: data.slipNumber,
    placeDate: placeDateVi(data.placeName ?? data.provinceName, data.issuedAt),
    qrText: data.verifyUrl ?? slipQrPayload(data.dossierCode, data.lookupUrl),
    formLabel,
  });
  writeSlipBody(pdf, data);
  return pdf.finish();
}
