import { FeeCalculation } from '../../../contracts/fees';
import type { DossierDetail } from '../../../contracts/dossiers';
import { FeeSummary } from '../fees';

/**
 * How the dossier's fee was calculated, as stored when it was filed: the lines, whose exemption
 * it is, a temporary waiver with its legal basis, the amount. Nothing for a free procedure or a
 * calculation the page does not recognise.
 */
export function DossierFee({ fee }: { fee: DossierDetail['fee'] }) {
  const parsed = FeeCalculation.safeParse(fee);
  if (!parsed.success || parsed.data.base === 0) return null;
  return (
    <div className="section-card">
      <FeeSummary calculation={parsed.data} />
    </div>
  );
}
