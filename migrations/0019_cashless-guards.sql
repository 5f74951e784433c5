-- Cashless statistics (module `cashless`): imported figures are never overwritten. Revisions of a
-- facility's month are append-only; the month moves to a new revision only one step at a time, and
-- the revision it points at must exist when the transaction commits. Imports are a permanent record.
-- Facilities are deactivated, never deleted. Also the reference list of facility sub-kinds.
-- Written for PostgreSQL 15+ and PGlite (PG 18).
CREATE FUNCTION cashless.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: import new figures instead', TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME
    USING ERRCODE = 'restrict_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER figures_append_only BEFORE UPDATE OR DELETE ON cashless.figures
  FOR EACH ROW EXECUTE FUNCTION cashless.refuse_change();
--> statement-breakpoint
CREATE TRIGGER imports_append_only BEFORE UPDATE OR DELETE ON cashless.imports
  FOR EACH ROW EXECUTE FUNCTION cashless.refuse_change();
--> statement-breakpoint
CREATE FUNCTION cashless.guard_report_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'cashless.reports are kept: a month cannot be deleted' USING ERRCODE = 'restrict_violation';
  END IF;
  IF NEW.facility_id IS DISTINCT FROM OLD.facility_id OR NEW.month IS DISTINCT FROM OLD.month THEN
    RAISE EXCEPTION 'cashless.reports: only current_revision may change' USING ERRCODE = 'restrict_violation';
  END IF;
  IF NEW.current_revision <> OLD.current_revision + 1 THEN
    RAISE EXCEPTION 'cashless.reports: current_revision moves one step at a time' USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER reports_guard BEFORE UPDATE OR DELETE ON cashless.reports
  FOR EACH ROW EXECUTE FUNCTION cashless.guard_report_change();
--> statement-breakpoint
ALTER TABLE cashless.reports ADD CONSTRAINT reports_current_revision_fk
  FOREIGN KEY (facility_id, month, current_revision) REFERENCES cashless.figures (facility_id, month, revision)
  DEFERRABLE INITIALLY DEFERRED;
--> statement-breakpoint
CREATE FUNCTION cashless.refuse_facility_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'cashless.facilities are kept: deactivate a facility instead' USING ERRCODE = 'restrict_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER facilities_no_delete BEFORE DELETE ON cashless.facilities
  FOR EACH ROW EXECUTE FUNCTION cashless.refuse_facility_delete();
--> statement-breakpoint
INSERT INTO cashless.facility_types (code, kind, name_vi, name_en, position) VALUES
  ('kindergarten', 'school', 'Trường mầm non', 'Kindergarten', 10),
  ('primary', 'school', 'Trường tiểu học', 'Primary school', 20),
  ('lower_secondary', 'school', 'Trường trung học cơ sở', 'Lower secondary school', 30),
  ('upper_secondary', 'school', 'Trường trung học phổ thông', 'Upper secondary school', 40),
  ('ethnic_boarding', 'school', 'Trường phổ thông dân tộc nội trú', 'Ethnic boarding school', 50),
  ('ethnic_semi_boarding', 'school', 'Trường phổ thông dân tộc bán trú', 'Ethnic semi-boarding school', 60),
  ('commune_health_station', 'health_facility', 'Trạm y tế xã, phường', 'Commune health station', 110),
  ('regional_polyclinic', 'health_facility', 'Phòng khám đa khoa khu vực', 'Regional polyclinic', 120),
  ('district_hospital', 'health_facility', 'Bệnh viện, trung tâm y tế khu vực (cấp huyện cũ)', 'District (regional) hospital', 130),
  ('provincial_hospital', 'health_facility', 'Bệnh viện tuyến tỉnh', 'Provincial hospital', 140)
ON CONFLICT (code) DO NOTHING;
