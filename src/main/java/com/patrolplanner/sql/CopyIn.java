package com.patrolplanner.sql;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

/**
 * A {@code COPY … FROM STDIN (FORMAT text)} under way on a {@link Conn} ({@link Conn#copyIn}): rows are added one at a
 * time, field by field, buffered and streamed to the server in 64 KiB chunks (a 200,000-row import never holds its
 * rows). {@link #end()} finishes it and returns the rows the server took; {@link #close()} cancels a COPY not ended (the
 * statement fails, and with it the caller's transaction). No other statement may run on the connection between
 * {@link Conn#copyIn} and {@code end()}.
 *
 * <pre>{@code
 * try (CopyIn copy = conn.copyIn("COPY t (a, b) FROM STDIN (FORMAT text)")) {
 *     copy.field(1).field("x").endRow();
 *     copy.end();
 * }}</pre>
 */
public final class CopyIn implements AutoCloseable {
    private static final int CHUNK = 1 << 16;

    private final org.postgresql.copy.CopyIn copy;
    private final StringBuilder line = new StringBuilder(512);
    private byte[] pending = new byte[CHUNK];
    private int pendingBytes;
    private boolean firstField = true;
    private long rows;
    private boolean done;

    CopyIn(org.postgresql.copy.CopyIn copy) {
        this.copy = copy;
    }

    /** The next field of the current row: text (escaped for COPY's text format), null as {@code \N}. */
    public CopyIn field(String value) {
        if (!firstField) {
            line.append('\t');
        }
        firstField = false;
        if (value == null) {
            line.append("\\N");
        } else {
            escape(value, line);
        }
        return this;
    }

    /** A number field. */
    public CopyIn field(long value) {
        if (!firstField) {
            line.append('\t');
        }
        firstField = false;
        line.append(value);
        return this;
    }

    /** A nullable number field. */
    public CopyIn field(Long value) {
        return value == null ? field((String) null) : field(value.longValue());
    }

    /** A boolean field. */
    public CopyIn field(boolean value) {
        return field(value ? "t" : "f");
    }

    /** Ends the current row (the server reads it when the buffer fills, or at {@link #end()}). */
    public CopyIn endRow() {
        line.append('\n');
        byte[] b = line.toString().getBytes(StandardCharsets.UTF_8);
        line.setLength(0);
        firstField = true;
        rows++;
        if (pendingBytes + b.length > pending.length) {
            flush();
        }
        if (b.length > pending.length) {
            pending = new byte[b.length];
        }
        System.arraycopy(b, 0, pending, pendingBytes, b.length);
        pendingBytes += b.length;
        return this;
    }

    /** Rows added so far. */
    public long rows() {
        return rows;
    }

    private void flush() {
        if (pendingBytes == 0) {
            return;
        }
        try {
            copy.writeToCopy(pending, 0, pendingBytes);
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
        pendingBytes = 0;
    }

    /** Sends what is buffered and ends the COPY; returns the rows the server took. */
    public long end() {
        if (done) {
            throw new IllegalStateException("COPY already ended");
        }
        if (!firstField) {
            throw new IllegalStateException("a row is not ended");
        }
        flush();
        try {
            long n = copy.endCopy();
            done = true;
            return n;
        } catch (SQLException e) {
            throw new SqlFailure(e);
        }
    }

    /** Cancels the COPY if it was not ended (nothing of it is kept; the transaction is failed). */
    @Override
    public void close() {
        if (done) {
            return;
        }
        done = true;
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException e) {
            // the caller is already failing; its transaction rolls back and the connection is reset
        }
    }

    /** {@code v} in COPY's text format: backslash, tab, line feed and carriage return escaped. */
    public static String text(String v) {
        StringBuilder b = new StringBuilder(v.length() + 8);
        escape(v, b);
        return b.toString();
    }

    private static void escape(String v, StringBuilder b) {
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            switch (ch) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(ch);
            }
        }
    }
}
