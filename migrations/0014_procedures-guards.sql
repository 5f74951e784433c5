-- Procedure versions (module `procedures`): periods of one code never overlap, and a version is
-- immutable once created — a dossier keeps the version id it was filed under and must find the
-- same rules later. The only change allowed is closing an open period (effective_to null → a date).

-- No overlap: writers of one code are serialised on the parent row (FOR UPDATE), then each
-- statement of this volatile function sees the rows other transactions committed meanwhile.
CREATE OR REPLACE FUNCTION procedures.procedure_versions_no_overlap() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  clash record;
BEGIN
  PERFORM 1 FROM procedures.procedures WHERE code = NEW.code FOR UPDATE;
  SELECT v.version, v.effective_from, v.effective_to INTO clash
    FROM procedures.procedure_versions v
   WHERE v.code = NEW.code
     AND v.id <> NEW.id
     AND daterange(v.effective_from, v.effective_to, '[]') && daterange(NEW.effective_from, NEW.effective_to, '[]')
   LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION USING
      ERRCODE = 'exclusion_violation',
      CONSTRAINT = 'procedure_versions_no_overlap',
      MESSAGE = format('procedure %s: period %s..%s overlaps version %s (%s..%s)', NEW.code, NEW.effective_from, coalesce(NEW.effective_to::text, ''), clash.version, clash.effective_from, coalesce(clash.effective_to::text, ''));
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER procedure_versions_no_overlap
  BEFORE INSERT OR UPDATE OF effective_from, effective_to ON procedures.procedure_versions
  FOR EACH ROW EXECUTE FUNCTION procedures.procedure_versions_no_overlap();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION procedures.procedure_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'procedure_versions_immutable',
      MESSAGE = format('procedure version %s/%s cannot be deleted', OLD.code, OLD.version);
  END IF;
  IF OLD.effective_to IS NOT NULL
     OR NEW.effective_to IS NULL
     OR (to_jsonb(NEW) - 'effective_to') IS DISTINCT FROM (to_jsonb(OLD) - 'effective_to') THEN
    RAISE EXCEPTION USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'procedure_versions_immutable',
      MESSAGE = format('procedure version %s/%s is immutable (only an open period may be closed)', OLD.code, OLD.version);
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER procedure_versions_immutable
  BEFORE UPDATE OR DELETE ON procedures.procedure_versions
  FOR EACH ROW EXECUTE FUNCTION procedures.procedure_versions_immutable();
