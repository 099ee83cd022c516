package com.patrolplanner.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.logging.LogEntry;

/** The "no request leaves localhost" check of the browser tests reads DevTools events correctly (no browser needed). */
class RequestCheckTest {
    private static LogEntry sent(String url) {
        return new LogEntry(Level.INFO, 0L, "{\"message\":{\"method\":\"Network.requestWillBeSent\",\"params\":{\"request\":{\"url\":\""
                + url + "\"}}},\"webview\":\"x\"}");
    }

    @Test
    void externalTileRequestIsReported() {
        List<String> out = BrowserTestBase.requestsLeavingLocalhost(List.of(
                sent("http://localhost:8081/api/venues?limit=10000"),
                sent("http://127.0.0.1:8081/js/app.js"),
                sent("data:image/png;base64,AAAA"),
                sent("https://webrd01.is.autonavi.com/appmaptile?x=1&y=2&z=3"),
                sent("https://tile.openstreetmap.org/12/3/4.png")));
        assertEquals(2, out.size(), out.toString());
        assertTrue(out.get(0).contains("autonavi"));
    }

    @Test
    void otherDevToolsEventsAreIgnored() {
        LogEntry other = new LogEntry(Level.INFO, 0L,
                "{\"message\":{\"method\":\"Network.responseReceived\",\"params\":{\"response\":{\"url\":\"https://example.org/\"}}}}");
        assertTrue(BrowserTestBase.requestsLeavingLocalhost(List.of(other)).isEmpty());
    }
}
