/** Tools around the service: benchmarks and CLI-only commands ({@code ./planner bench NAME}); nothing imports them. */
package com.patrolplanner.bench;
