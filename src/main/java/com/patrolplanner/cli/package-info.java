/** The command-line side of the service jar: {@code bench NAME} and {@code vrptw FILE…}, run by ./planner. */
package com.patrolplanner.cli;
