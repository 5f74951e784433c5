-- Counter support log (module `counter`): corrections never overwrite. Revisions are append-only;
-- a visit changes only by moving `current_revision` to the next revision, which must exist when
-- the transaction commits. Written for PostgreSQL 15+ and PGlite (PG 18).
CREATE FUNCTION counter.refuse_revision_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'counter.visit_revisions is append-only: correct a visit by adding a revision'
    USING ERRCODE = 'restrict_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER visit_revisions_no_update BEFORE UPDATE OR DELETE ON counter.visit_revisions
  FOR EACH ROW EXECUTE FUNCTION counter.refuse_revision_change();
--> statement-breakpoint
CREATE FUNCTION counter.guard_visit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'counter.visits are kept: a visit cannot be deleted' USING ERRCODE = 'restrict_violation';
  END IF;
  IF NEW.id IS DISTINCT FROM OLD.id OR NEW.unit_code IS DISTINCT FROM OLD.unit_code
     OR NEW.counter_label IS DISTINCT FROM OLD.counter_label OR NEW.officer_account_id IS DISTINCT FROM OLD.officer_account_id
     OR NEW.officer_role IS DISTINCT FROM OLD.officer_role OR NEW.officer_name IS DISTINCT FROM OLD.officer_name
     OR NEW.visited_at IS DISTINCT FROM OLD.visited_at OR NEW.visit_date IS DISTINCT FROM OLD.visit_date
     OR NEW.created_at IS DISTINCT FROM OLD.created_at THEN
    RAISE EXCEPTION 'counter.visits: only current_revision may change' USING ERRCODE = 'restrict_violation';
  END IF;
  IF NEW.current_revision <> OLD.current_revision + 1 THEN
    RAISE EXCEPTION 'counter.visits: current_revision moves one step at a time' USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER visits_guard BEFORE UPDATE OR DELETE ON counter.visits
  FOR EACH ROW EXECUTE FUNCTION counter.guard_visit_change();
--> statement-breakpoint
ALTER TABLE counter.visits ADD CONSTRAINT visits_current_revision_fk
  FOREIGN KEY (id, current_revision) REFERENCES counter.visit_revisions (visit_id, revision)
  DEFERRABLE INITIALLY DEFERRED;
