/** Benchmarks run as CLI commands ({@code ./planner bench NAME}): tools around the service, not part of it. */
package com.patrolplanner.bench;
