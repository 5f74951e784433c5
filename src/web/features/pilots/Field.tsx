import type { ReactNode } from 'react';

/** A labelled control of the pilot pages' small forms: the label above, tied to the control by `id`. */
export function Field({
  id,
  label,
  wide,
  children,
}: {
  id: string;
  label: string;
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <div className={wide ? 'pilots-field pilots-field-wide' : 'pilots-field'}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {children}
    </div>
  );
}
