-- Writes made safe to repeat (Idempotency-Key): the first answer to a user's key, kept 24 h, so a retry on another
-- process or after a restart gets that answer instead of writing twice. The row is written in the same transaction as
-- the write it answers: a failed write leaves no key, and a concurrent repeat waits on the primary key until the first
-- commits, then reads its answer.
CREATE TABLE idempotent_write (
    user_name   text NOT NULL,
    scope       text NOT NULL,            -- which write: 'POST /api/inspections', 'PATCH plan stop'
    key         text NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
    created_at  timestamptz NOT NULL DEFAULT now(),
    status      int,                      -- the first answer: HTTP status and JSON body (null while being written)
    body        text,
    PRIMARY KEY (user_name, scope, key)
);
CREATE INDEX idempotent_write_created_idx ON idempotent_write (created_at);
