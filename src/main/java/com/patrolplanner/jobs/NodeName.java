package com.patrolplanner.jobs;

import java.util.Optional;

/** The name a node writes into the rows it keeps alive (jobs, best-so-far plans): {@code patrol.node.name}, else the host name. */
public final class NodeName {
    private NodeName() {
    }

    public static String of(Optional<String> configured) {
        return configured.filter(s -> !s.isBlank()).orElseGet(() -> {
            String h = System.getenv("HOSTNAME");
            if (h != null && !h.isBlank()) {
                return h;
            }
            try {
                return java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.net.UnknownHostException e) {
                return "localhost";
            }
        });
    }
}
