/** Patrol zones (巡查片区): automatic balanced zoning of a district, hand-drawn zones, versions and team assignment. */
package com.patrolplanner.zoning;
