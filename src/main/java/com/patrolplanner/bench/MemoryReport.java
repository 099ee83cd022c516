package com.patrolplanner.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's memory as a benchmark prints it: peak resident set size (VmHWM from /proc/self/status: the most RAM the
 * process ever held, heap, metaspace, thread stacks and off-heap buffers together), the current RSS, and the heap limit
 * ({@code -Xmx}) it runs under.
 */
final class MemoryReport {
    private MemoryReport() {
    }

    static String line() {
        long max = Runtime.getRuntime().maxMemory();
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return String.format("memory: peak RSS %s, RSS now %s, heap used %d MiB, heap limit (-Xmx) %d MiB",
                status("VmHWM"), status("VmRSS"), used >> 20, max >> 20);
    }

    /** A line of /proc/self/status in MiB ("?" where there is none). */
    static String status(String key) {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith(key + ":")) {
                    long kb = Long.parseLong(l.replaceAll("[^0-9]", ""));
                    return (kb >> 10) + " MiB";
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux
        }
        return "?";
    }
}
