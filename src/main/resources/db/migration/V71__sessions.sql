-- Browser sessions held by the server: the cookie carries a random 256-bit token, the table only its SHA-256 (hex), so a
-- copy of the table (a backup, a leaked dump) logs nobody in. Deleting a row ends that session on every process at once.
CREATE TABLE app_session (
    token_hash  char(64) PRIMARY KEY,
    user_id     bigint NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    last_seen   timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL             -- absolute end (created_at + lifetime); the idle timeout is config
);
CREATE INDEX app_session_user_idx ON app_session (user_id);

-- Set when an administrator chose the password: the user must pick an own one before doing anything else.
ALTER TABLE app_user ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
