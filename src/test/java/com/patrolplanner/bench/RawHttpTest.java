package com.patrolplanner.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The load bench's keep-alive client ({@link RawHttp}) against a scripted server on loopback: a body by
 * Content-Length, a chunked body, a 304 without a body, all on one connection; then a server that closes the connection
 * after its answer, which the client notices and reconnects for the next request. Body sizes are counted here from the
 * scripted bytes, not by the client.
 */
class RawHttpTest {
    @Test
    void readsLengthChunkedAndEmptyAnswersOnOneConnectionAndReconnectsAfterAClose() throws Exception {
        String chunkedBody = "hello, " + "文化市场".repeat(3);
        byte[] chunked = chunkedBody.getBytes(StandardCharsets.UTF_8);
        List<String> requests = new CopyOnWriteArrayList<>();
        List<Integer> connections = new ArrayList<>();
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try {
                    int conn = 0;
                    while (conn < 2) {
                        try (Socket s = server.accept()) {
                            conn++;
                            synchronized (connections) {
                                connections.add(conn);
                            }
                            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
                            OutputStream out = s.getOutputStream();
                            int answered = 0;
                            for (String line = in.readLine(); line != null; line = in.readLine()) {
                                StringBuilder head = new StringBuilder(line);
                                for (String h = in.readLine(); h != null && !h.isEmpty(); h = in.readLine()) {
                                    head.append('|').append(h);
                                }
                                requests.add(head.toString());
                                answered++;
                                if (conn == 1 && answered == 1) {
                                    out.write("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nETag: W/\"a\"\r\n\r\nabcde".getBytes(StandardCharsets.US_ASCII));
                                } else if (conn == 1 && answered == 2) {
                                    out.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                                    out.write(Integer.toHexString(7).getBytes(StandardCharsets.US_ASCII));
                                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                                    out.write(chunked, 0, 7);
                                    out.write(("\r\n" + Integer.toHexString(chunked.length - 7) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                                    out.write(chunked, 7, chunked.length - 7);
                                    out.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                                } else if (conn == 1 && answered == 3) {
                                    out.write("HTTP/1.1 304 Not Modified\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                                    out.flush();
                                    break;
                                } else {
                                    out.write("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 2\r\n\r\nno".getBytes(StandardCharsets.US_ASCII));
                                    out.flush();
                                    break;
                                }
                                out.flush();
                            }
                        }
                    }
                } catch (Exception e) {
                    // the test's assertions say what went wrong
                }
            });
            t.setDaemon(true);
            t.start();
            try (RawHttp c = new RawHttp("127.0.0.1", server.getLocalPort(), 5000)) {
                RawHttp.Answer a = c.get("/a?x=1", "Authorization: Basic eDp4");
                assertEquals(200, a.status());
                assertEquals(5, a.bodyBytes());
                assertEquals("W/\"a\"", a.etag());
                RawHttp.Answer b = c.get("/b");
                assertEquals(200, b.status());
                assertEquals(chunked.length, b.bodyBytes());
                assertNull(b.etag());
                RawHttp.Answer n = c.get("/c");
                assertEquals(304, n.status());
                assertEquals(0, n.bodyBytes());
                RawHttp.Answer d = c.get("/d"); // the server closed: a new connection
                assertEquals(503, d.status());
                assertEquals(2, d.bodyBytes());
            }
            t.join(5000);
        }
        assertEquals(List.of(1, 2), connections);
        assertEquals(4, requests.size());
        org.junit.jupiter.api.Assertions.assertTrue(requests.get(0).matches(
                "GET /a\\?x=1 HTTP/1\\.1\\|Host: 127\\.0\\.0\\.1:\\d+\\|Authorization: Basic eDp4"), requests.get(0));
        assertEquals("GET /d HTTP/1.1", requests.get(3).substring(0, requests.get(3).indexOf('|')));
    }
}
