package com.patrolplanner.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection to a loopback server, used by one load client at a time: a request is written,
 * the answer's status line and headers are read, and its body (by {@code Content-Length} or chunked) is read and
 * discarded, counting its bytes. This is what {@code wrk -c50} does per connection, at a few microseconds of CPU per
 * request; {@link java.net.http.HttpClient} spent about 0.65 ms per request of the machine's 2 cores on the same
 * answers (session 6), which the back-to-back load bench then took away from the service it measures.
 */
final class RawHttp implements AutoCloseable {
    /** An answer: status, body length, and the headers asked for (lower-case names) or null. */
    record Answer(int status, long bodyBytes, String etag) {
    }

    private final String host;
    private final int port;
    private final int timeoutMillis;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final byte[] drain = new byte[64 * 1024];
    private final StringBuilder line = new StringBuilder(256);

    RawHttp(String host, int port, int timeoutMillis) {
        this.host = host;
        this.port = port;
        this.timeoutMillis = timeoutMillis;
    }

    /** Sends {@code GET target} with the given extra header lines ("Name: value"); reconnects once when the kept connection was closed. */
    Answer get(String target, String... headers) throws IOException {
        StringBuilder req = new StringBuilder(256).append("GET ").append(target).append(" HTTP/1.1\r\nHost: ").append(host)
                .append(':').append(port).append("\r\n");
        for (String h : headers) {
            req.append(h).append("\r\n");
        }
        byte[] bytes = req.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
        boolean fresh = socket == null;
        try {
            return exchange(bytes);
        } catch (IOException e) {
            close();
            if (fresh) {
                throw e;
            }
            return exchange(bytes); // the server closed an idle keep-alive connection: once more on a new one
        }
    }

    private Answer exchange(byte[] request) throws IOException {
        if (socket == null) {
            Socket s = new Socket();
            s.setTcpNoDelay(true);
            s.setSoTimeout(timeoutMillis);
            s.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket = s;
            in = new BufferedInputStream(s.getInputStream(), 64 * 1024);
            out = s.getOutputStream();
        }
        out.write(request);
        out.flush();
        String status = readLine();
        if (status == null || !status.startsWith("HTTP/1.")) {
            throw new IOException("no HTTP answer: " + status);
        }
        int code = Integer.parseInt(status.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = status.startsWith("HTTP/1.0");
        String etag = null;
        for (String h = readLine(); h != null && !h.isEmpty(); h = readLine()) {
            int colon = h.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = h.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> close = close || value.equalsIgnoreCase("close");
                case "etag" -> etag = value;
                default -> {
                }
            }
        }
        long body;
        if (chunked) {
            body = 0;
            while (true) {
                String size = readLine();
                if (size == null) {
                    throw new IOException("chunked body cut short");
                }
                int semi = size.indexOf(';');
                long n = Long.parseLong((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
                if (n == 0) {
                    for (String t = readLine(); t != null && !t.isEmpty(); t = readLine()) {
                        // trailers
                    }
                    break;
                }
                skip(n);
                body += n;
                readLine(); // the CRLF after the chunk
            }
        } else if (length >= 0) {
            skip(length);
            body = length;
        } else if (code == 204 || code == 304) {
            body = 0;
        } else {
            // no length: the body runs to the end of the connection
            body = 0;
            for (int r; (r = in.read(drain)) > 0;) {
                body += r;
            }
            close = true;
        }
        if (close) {
            close();
        }
        return new Answer(code, body, etag);
    }

    private void skip(long n) throws IOException {
        while (n > 0) {
            int r = in.read(drain, 0, (int) Math.min(drain.length, n));
            if (r < 0) {
                throw new IOException("body cut short");
            }
            n -= r;
        }
    }

    /** A header line without its CRLF (ISO-8859-1, as HTTP/1.1 headers are), or null at the end of the stream. */
    private String readLine() throws IOException {
        line.setLength(0);
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                int len = line.length();
                if (len > 0 && line.charAt(len - 1) == '\r') {
                    line.setLength(len - 1);
                }
                return line.toString();
            }
            line.append((char) c);
        }
        return line.length() == 0 ? null : line.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        socket = null;
        in = null;
        out = null;
    }
}
