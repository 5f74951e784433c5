-- Un-approving a reported value (issue 15 §3, as DHIS2's "unapprove"): the Standing Agency reopens an
-- approved value with a comment, back to 'returned' so the unit corrects it. The lock of 0045 keeps
-- refusing every other change of an approved row and every deletion: only the state (to 'returned'),
-- the comment (required), who decided and when, and the version (+ 1) may change; the figures, the
-- note, the evidence and the submission stay as they were approved.
CREATE OR REPLACE FUNCTION "kpi"."reported_value_locked"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'kpi.reported_values: values are never deleted' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF OLD.state = 'approved' THEN
    IF NEW.state = 'returned' AND NEW.comment IS NOT NULL AND NEW.version = OLD.version + 1
       AND (NEW.id, NEW.indicator_code, NEW.period, NEW.unit_code, NEW.numerator, NEW.denominator, NEW.note,
            NEW.evidence_sha256, NEW.evidence_name, NEW.evidence_type, NEW.evidence_size, NEW.entered_by,
            NEW.submitted_by, NEW.submitted_at, NEW.created_at)
           IS NOT DISTINCT FROM
           (OLD.id, OLD.indicator_code, OLD.period, OLD.unit_code, OLD.numerator, OLD.denominator, OLD.note,
            OLD.evidence_sha256, OLD.evidence_name, OLD.evidence_type, OLD.evidence_size, OLD.entered_by,
            OLD.submitted_by, OLD.submitted_at, OLD.created_at) THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'kpi.reported_values: an approved value is locked (it may only be un-approved, back to returned with a comment)' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END $$;
