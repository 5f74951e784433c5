-- Un-approving a reported value (issue 15 §3, as DHIS2's "unapprove"): the Standing Agency reopens an
-- approved value with a comment, back to 'returned' so the unit corrects it. The lock of 0045 keeps
-- refusing every other change of an approved row and every deletion: only the state (to 'returned'),
-- the comment (required, not blank), who decided and when (required), and the version (+ 1) may
-- change; every other column — those added later too — stays as it was approved.
CREATE OR REPLACE FUNCTION "kpi"."reported_value_locked"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'kpi.reported_values: values are never deleted' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF OLD.state = 'approved' THEN
    IF NEW.state = 'returned' AND btrim(coalesce(NEW.comment, '')) <> '' AND NEW.version = OLD.version + 1
       AND NEW.decided_by IS NOT NULL AND NEW.decided_at IS NOT NULL
       AND (to_jsonb(NEW) - '{state,comment,decided_by,decided_at,version}'::text[])
           = (to_jsonb(OLD) - '{state,comment,decided_by,decided_at,version}'::text[]) THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'kpi.reported_values: an approved value is locked (it may only be un-approved, back to returned with a comment)' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END $$;
