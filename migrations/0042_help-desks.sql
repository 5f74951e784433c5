CREATE TABLE "units"."help_desks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_code" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"address" text NOT NULL,
	"phone" text,
	"email" text,
	"opening_hours" text,
	"source" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"replaces_id" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by" uuid,
	"recorded_by_name" text,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"closed_by_name" text,
	CONSTRAINT "help_desks_kind_ck" CHECK ("units"."help_desks"."kind" in ('one_stop_counter', 'police', 'service_centre')),
	CONSTRAINT "help_desks_period_ck" CHECK ("units"."help_desks"."valid_to" is null or "units"."help_desks"."valid_to" >= "units"."help_desks"."valid_from" - 1),
	CONSTRAINT "help_desks_phone_ck" CHECK ("units"."help_desks"."phone" is null or "units"."help_desks"."phone" ~ '^(02[0-9]{9}|0[35789][0-9]{8}|1[89]00([0-9]{4}|[0-9]{6}))$')
);
--> statement-breakpoint
ALTER TABLE "units"."help_desks" ADD CONSTRAINT "help_desks_replaces_id_help_desks_id_fk" FOREIGN KEY ("replaces_id") REFERENCES "units"."help_desks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "help_desks_unit_idx" ON "units"."help_desks" USING btree ("unit_code","valid_from");--> statement-breakpoint
-- Help desks (module `units`): the periods of one unit and kind never overlap, and a row is never
-- edited nor deleted — the only change allowed is closing an open row (valid_to null → a date, with
-- who closed it and when). A row closed the day before it starts (withdrawn) holds no day.
-- Writers of one unit and kind are serialised by a transaction-scoped advisory lock.
CREATE OR REPLACE FUNCTION units.help_desks_no_overlap() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  clash record;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('units.help_desks:' || NEW.unit_code || ':' || NEW.kind));
  IF NEW.valid_to IS NOT NULL AND NEW.valid_to < NEW.valid_from THEN
    RETURN NEW;
  END IF;
  SELECT d.name, d.valid_from, d.valid_to INTO clash
    FROM units.help_desks d
   WHERE d.unit_code = NEW.unit_code
     AND d.kind = NEW.kind
     AND d.id <> NEW.id
     AND (d.valid_to IS NULL OR d.valid_to >= d.valid_from)
     AND d.valid_from <= coalesce(NEW.valid_to, 'infinity'::date)
     AND NEW.valid_from <= coalesce(d.valid_to, 'infinity'::date)
   LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION USING
      ERRCODE = 'exclusion_violation',
      CONSTRAINT = 'help_desks_no_overlap',
      MESSAGE = format('help desk %s/%s: period %s..%s overlaps "%s" (%s..%s)', NEW.unit_code, NEW.kind, NEW.valid_from, coalesce(NEW.valid_to::text, ''), clash.name, clash.valid_from, coalesce(clash.valid_to::text, ''));
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER help_desks_no_overlap
  BEFORE INSERT OR UPDATE OF valid_from, valid_to ON units.help_desks
  FOR EACH ROW EXECUTE FUNCTION units.help_desks_no_overlap();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION units.help_desks_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'help_desks_immutable',
      MESSAGE = format('help desk %s cannot be deleted (close it instead)', OLD.id);
  END IF;
  IF OLD.valid_to IS NOT NULL
     OR NEW.valid_to IS NULL
     OR (to_jsonb(NEW) - 'valid_to' - 'closed_at' - 'closed_by' - 'closed_by_name')
        IS DISTINCT FROM (to_jsonb(OLD) - 'valid_to' - 'closed_at' - 'closed_by' - 'closed_by_name') THEN
    RAISE EXCEPTION USING ERRCODE = 'integrity_constraint_violation', CONSTRAINT = 'help_desks_immutable',
      MESSAGE = format('help desk %s is kept as recorded (only an open row may be closed)', OLD.id);
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER help_desks_immutable
  BEFORE UPDATE OR DELETE ON units.help_desks
  FOR EACH ROW EXECUTE FUNCTION units.help_desks_immutable();
