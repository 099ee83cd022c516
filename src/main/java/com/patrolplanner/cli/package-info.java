/** The command-line side of the service jar: {@code bench NAME}, {@code vrptw FILE…}, {@code create-admin NAME}, {@code logout-all}, run by ./planner. */
package com.patrolplanner.cli;
