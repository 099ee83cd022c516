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

    /**
     * The JVM's own account of its memory by area, committed MiB (heap, class metadata, threads, code, GC, direct and
     * other native buffers, …), when it was started with {@code -XX:NativeMemoryTracking=summary} (e.g. through
     * {@code JAVA_TOOL_OPTIONS}); else null. What the peak RSS is made of, for README's memory bounds.
     */
    static String nativeSummary() {
        try {
            javax.management.ObjectName on = new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand");
            String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(on, "vmNativeMemory",
                    new Object[] {new String[] {"summary"}}, new String[] {String[].class.getName()});
            if (text == null || !text.contains("committed=")) {
                return null;
            }
            StringBuilder sb = new StringBuilder("native memory tracking (committed MiB):");
            java.util.regex.Matcher m = java.util.regex.Pattern
                    .compile("(?m)^(?:-\\s+)?([A-Za-z][A-Za-z ]*?)\\s+\\(reserved=(\\d+)KB, committed=(\\d+)KB[^)]*\\)").matcher(text);
            while (m.find()) {
                long committed = Long.parseLong(m.group(3)) >> 10;
                sb.append(' ').append(m.group(1).trim()).append(' ').append(committed).append(';');
            }
            java.util.regex.Matcher threads = java.util.regex.Pattern.compile("\\(thread #(\\d+)\\)").matcher(text);
            if (threads.find()) {
                sb.append(" threads ").append(threads.group(1));
            }
            return sb.toString();
        } catch (Exception | LinkageError e) {
            return null;
        }
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
