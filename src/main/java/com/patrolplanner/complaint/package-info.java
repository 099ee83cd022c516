/** Complaints (举报投诉): intake from the 12318 hotline and other sources, handling states with named deadlines, dispatch to a team or a campaign. */
package com.patrolplanner.complaint;
