package com.patrolplanner.cli;

import java.io.PrintStream;

/**
 * A command run instead of the server when the jar gets arguments ({@code ./planner bench compliance} →
 * {@code bench compliance}). Implementations are CDI beans; benchmarks name themselves {@code bench:NAME}.
 */
public interface CliCommand {
    /** "vrptw", or "bench:compliance" for {@code bench compliance}. */
    String name();

    /** One line for the help text. */
    String summary();

    int run(String[] args, PrintStream out) throws Exception;
}
