-- Custom SQL migration: the access log's hash chain and append-only rules, consents' withdraw-only
-- rule, and the reference rows (chain head, purposes). Written for PostgreSQL 15+ and PGlite (PG 18).
--
-- Chain: every row's hash = sha256(prev_hash || '|' || canonical text of the row), where
-- prev_hash is the previous row's hash (64 zeros for the first row). The canonical text is
-- 'v1|<seq>|<at as YYYY-MM-DDTHH:MI:SS.USZ in UTC>|' followed by the fields below, each written
-- as '~' when null or '<UTF-8 byte length>:<text>' otherwise (no escaping needed, no ambiguity).
-- src/server/modules/audit/audit.chain.ts recomputes the same text independently when verifying.
CREATE FUNCTION audit.canonical_field(value text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN value IS NULL THEN '~' ELSE octet_length(convert_to(value, 'UTF8')) || ':' || value END
$$;
--> statement-breakpoint
CREATE FUNCTION audit.access_log_canonical(e audit.access_log) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT concat_ws('|',
    'v1',
    e.seq::text,
    to_char(e.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    audit.canonical_field(e.actor_account_id::text),
    audit.canonical_field(e.actor_role),
    audit.canonical_field(e.actor_unit),
    audit.canonical_field(e.action),
    audit.canonical_field(e.subject),
    audit.canonical_field(e.purpose),
    audit.canonical_field(e.request_id),
    audit.canonical_field(e.details::text))
$$;
--> statement-breakpoint
-- Locks the chain head (concurrent writers queue here until commit, so the chain cannot fork),
-- numbers the row gap-free in chain order (the identity value is replaced: a rolled-back insert
-- leaves no hole), fixes the time (no back-dating by the client) and links the row to the
-- previous one. Within one statement the running head is kept in transaction-local settings and
-- written to chain_head once, after the statement: updating the single head row per inserted row
-- would leave a chain of row versions each lookup walks (quadratic for large inserts).
CREATE FUNCTION audit.access_log_chain() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  running text := current_setting('audit.chain_seq', true);
  last_seq bigint;
  last_hash text;
BEGIN
  IF running IS NULL OR running = '' THEN
    SELECT h.last_seq, h.last_hash INTO last_seq, last_hash FROM audit.chain_head h WHERE h.id FOR UPDATE;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'audit chain head is missing';
    END IF;
  ELSE
    last_seq := running::bigint;
    last_hash := current_setting('audit.chain_hash');
  END IF;
  NEW.seq := last_seq + 1;
  NEW.at := now();
  NEW.prev_hash := last_hash;
  NEW.hash := encode(sha256(convert_to(NEW.prev_hash || '|' || audit.access_log_canonical(NEW), 'UTF8')), 'hex');
  PERFORM set_config('audit.chain_seq', NEW.seq::text, true), set_config('audit.chain_hash', NEW.hash, true);
  RETURN NEW;
END
$$;
--> statement-breakpoint
-- After each INSERT statement: moves chain_head to the statement's last entry (the row stays
-- locked until commit) and clears the running head.
CREATE FUNCTION audit.access_log_advance_head() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  running text := current_setting('audit.chain_seq', true);
BEGIN
  IF running IS NOT NULL AND running <> '' THEN
    UPDATE audit.chain_head SET last_seq = running::bigint, last_hash = current_setting('audit.chain_hash') WHERE id;
    PERFORM set_config('audit.chain_seq', '', true), set_config('audit.chain_hash', '', true);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- Refuses the statement with the message given as the trigger's argument.
CREATE FUNCTION audit.refuse() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'object_not_in_prerequisite_state';
END
$$;
--> statement-breakpoint
CREATE TRIGGER access_log_chain BEFORE INSERT ON audit.access_log
  FOR EACH ROW EXECUTE FUNCTION audit.access_log_chain();
--> statement-breakpoint
CREATE TRIGGER access_log_advance_head AFTER INSERT ON audit.access_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit.access_log_advance_head();
--> statement-breakpoint
CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE ON audit.access_log
  FOR EACH ROW EXECUTE FUNCTION audit.refuse('access log is append-only');
--> statement-breakpoint
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON audit.access_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse('access log is append-only');
--> statement-breakpoint
-- The head only moves forward, and is never removed.
CREATE FUNCTION audit.chain_head_forward_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id IS DISTINCT FROM OLD.id OR NEW.last_seq <= OLD.last_seq THEN
    RAISE EXCEPTION 'audit chain head only moves forward' USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER chain_head_forward_only BEFORE UPDATE ON audit.chain_head
  FOR EACH ROW EXECUTE FUNCTION audit.chain_head_forward_only();
--> statement-breakpoint
CREATE TRIGGER chain_head_no_delete BEFORE DELETE ON audit.chain_head
  FOR EACH ROW EXECUTE FUNCTION audit.refuse('audit chain head is permanent');
--> statement-breakpoint
CREATE TRIGGER chain_head_no_truncate BEFORE TRUNCATE ON audit.chain_head
  FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse('audit chain head is permanent');
--> statement-breakpoint
-- A consent is evidence (Decree 356/2025): it is never deleted or edited; it can only be
-- withdrawn, once, by setting withdrawn_at.
CREATE FUNCTION audit.consents_withdraw_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.withdrawn_at IS NOT NULL OR NEW.withdrawn_at IS NULL
     OR (to_jsonb(NEW) - 'withdrawn_at') IS DISTINCT FROM (to_jsonb(OLD) - 'withdrawn_at') THEN
    RAISE EXCEPTION 'a consent can only be withdrawn' USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER consents_withdraw_only BEFORE UPDATE ON audit.consents
  FOR EACH ROW EXECUTE FUNCTION audit.consents_withdraw_only();
--> statement-breakpoint
CREATE TRIGGER consents_no_delete BEFORE DELETE ON audit.consents
  FOR EACH ROW EXECUTE FUNCTION audit.refuse('consents are kept as evidence: withdraw instead');
--> statement-breakpoint
CREATE TRIGGER consents_no_truncate BEFORE TRUNCATE ON audit.consents
  FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse('consents are kept as evidence: withdraw instead');
--> statement-breakpoint
INSERT INTO audit.chain_head (id, last_seq, last_hash) VALUES (true, 0, repeat('0', 64));
--> statement-breakpoint
-- Purposes an officer states before opening a person's record (Vietnamese first).
INSERT INTO audit.purposes (code, name_vi, name_en) VALUES
  ('dossier_processing', 'Giải quyết hồ sơ thủ tục hành chính', 'Processing an administrative dossier'),
  ('residence_registration', 'Đăng ký, xác minh thông tin cư trú', 'Residence registration or verification'),
  ('data_cleaning', 'Làm sạch dữ liệu dân cư', 'Population data cleaning'),
  ('citizen_request', 'Theo yêu cầu của công dân tại bộ phận một cửa', 'At the citizen''s own request at the one-stop counter'),
  ('inspection', 'Thanh tra, kiểm tra', 'Inspection or audit'),
  ('authority_request', 'Trả lời yêu cầu của cơ quan nhà nước có thẩm quyền', 'Answering a request from a competent authority'),
  ('self_service', 'Công dân tự tra cứu thông tin của mình', 'Citizen viewing their own data')
ON CONFLICT (code) DO NOTHING;
