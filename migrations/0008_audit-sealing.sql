-- Custom SQL migration: the lock-free staging of access-log entries and their sealing into the
-- hash chain (ADR 0004). Business transactions insert into audit.access_pending (no shared lock);
-- audit.seal_pending(n) moves the oldest n entries into audit.access_log in one statement, where
-- the chain trigger numbers and links them. Written for PostgreSQL 15+ and PGlite.
--
-- The time of an access is fixed when it is staged (no back-dating by the client); when sealing,
-- the chain trigger keeps that time instead of replacing it with now().
CREATE FUNCTION audit.access_pending_stamp() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.at := now();
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER access_pending_stamp BEFORE INSERT ON audit.access_pending
  FOR EACH ROW EXECUTE FUNCTION audit.access_pending_stamp();
--> statement-breakpoint
CREATE TRIGGER access_pending_no_update BEFORE UPDATE ON audit.access_pending
  FOR EACH ROW EXECUTE FUNCTION audit.refuse('pending access-log entries cannot be changed');
--> statement-breakpoint
CREATE TRIGGER access_pending_no_truncate BEFORE TRUNCATE ON audit.access_pending
  FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse('pending access-log entries can only be sealed');
--> statement-breakpoint
-- Deleting a pending entry is only possible while it is being sealed (moved into the chain in the same statement).
CREATE FUNCTION audit.access_pending_delete_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(current_setting('audit.sealing', true), '') <> 'on' THEN
    RAISE EXCEPTION 'pending access-log entries can only be sealed' USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;
  RETURN OLD;
END
$$;
--> statement-breakpoint
CREATE TRIGGER access_pending_delete_guard BEFORE DELETE ON audit.access_pending
  FOR EACH ROW EXECUTE FUNCTION audit.access_pending_delete_guard();
--> statement-breakpoint
-- The chain trigger of 0005, unchanged except for `at`: kept (if not in the future) while sealing.
CREATE OR REPLACE FUNCTION audit.access_log_chain() RETURNS trigger
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
  IF coalesce(current_setting('audit.sealing', true), '') <> 'on' OR NEW.at IS NULL OR NEW.at > now() THEN
    NEW.at := now();
  END IF;
  NEW.prev_hash := last_hash;
  NEW.hash := encode(sha256(convert_to(NEW.prev_hash || '|' || audit.access_log_canonical(NEW), 'UTF8')), 'hex');
  PERFORM set_config('audit.chain_seq', NEW.seq::text, true), set_config('audit.chain_hash', NEW.hash, true);
  RETURN NEW;
END
$$;
--> statement-breakpoint
-- Moves up to max_rows of the oldest pending entries into the chain, in staging order, and returns
-- how many. Rows another sealer is moving are skipped (SKIP LOCKED), so two server processes can
-- run the job at once; the chain head lock orders their batches.
CREATE FUNCTION audit.seal_pending(max_rows integer) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  moved integer;
BEGIN
  PERFORM set_config('audit.sealing', 'on', true);
  WITH batch AS (
    DELETE FROM audit.access_pending p
    WHERE p.id IN (SELECT q.id FROM audit.access_pending q ORDER BY q.id LIMIT max_rows FOR UPDATE SKIP LOCKED)
    RETURNING p.*
  )
  INSERT INTO audit.access_log (at, actor_account_id, actor_role, actor_unit, action, subject, purpose, request_id, details, prev_hash, hash)
  SELECT b.at, b.actor_account_id, b.actor_role, b.actor_unit, b.action, b.subject, b.purpose, b.request_id, b.details, '', ''
  FROM batch b ORDER BY b.id;
  GET DIAGNOSTICS moved = ROW_COUNT;
  PERFORM set_config('audit.sealing', '', true);
  RETURN moved;
END
$$;
