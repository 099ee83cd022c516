/** Reliability tooling: the loopback load benchmark ({@code ./planner bench load}). */
package com.patrolplanner.reliability;
