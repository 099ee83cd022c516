/** Campaign → routing problem, the campaign constraints added to the routing core's, solving and the independent feasibility check. */
package com.patrolplanner.campaign.solver;
