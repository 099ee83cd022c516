/** Vehicle routing with time windows for patrol teams: model, Timefold solver, feasibility checker and the Solomon benchmark. */
package com.patrolplanner.campaign.routing;
