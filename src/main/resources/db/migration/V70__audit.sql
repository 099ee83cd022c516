-- Append-only, hash-chained audit trail: each row's hash covers its content and the previous row's hash, so editing or
-- deleting any row breaks the chain from there on (GET /api/audit/verify finds where). The trigger refuses UPDATE and
-- DELETE through SQL; the chain catches what bypasses it (a superuser disabling the trigger, a restored dump).
CREATE TABLE audit_log (
    seq         bigint PRIMARY KEY,
    at          timestamptz NOT NULL,
    actor       varchar(64) NOT NULL,
    action      varchar(40) NOT NULL,     -- import, create, update, delete, locate, draw, solve, inspection, login_failed, …
    entity_type varchar(40),
    entity_id   varchar(64),
    details     jsonb NOT NULL DEFAULT '{}'::jsonb,
    prev_hash   char(64) NOT NULL,
    hash        char(64) NOT NULL
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id);
CREATE INDEX audit_log_at_idx ON audit_log (at);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
