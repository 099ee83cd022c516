-- Issue 17 (tile speed): the service keeps a caller's unit scope and, for tile requests, a checked browser session in
-- memory instead of reading them on every request. Every change that could make such a copy wrong notifies the channel
-- pp_auth_changed at commit, so that every process drops its copies (web.DataVersion listens; unit changes already
-- notify pp_data_changed, V180): a user changed or deleted (roles, unit, team, activation, password), a session ended
-- (logout, password change, administrator) or its end or owner changed. The service's own touch of last_seen (every
-- 15 s of use) changes neither and stays silent.
CREATE FUNCTION auth_changed_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('pp_auth_changed', TG_TABLE_NAME);
    RETURN NULL;
END $$;

CREATE TRIGGER auth_changed_user AFTER UPDATE OR DELETE OR TRUNCATE ON app_user
    FOR EACH STATEMENT EXECUTE FUNCTION auth_changed_notify();
CREATE TRIGGER auth_changed_session_del AFTER DELETE OR TRUNCATE ON app_session
    FOR EACH STATEMENT EXECUTE FUNCTION auth_changed_notify();
CREATE TRIGGER auth_changed_session_upd AFTER UPDATE OF expires_at, user_id, created_at ON app_session
    FOR EACH STATEMENT EXECUTE FUNCTION auth_changed_notify();
