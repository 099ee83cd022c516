/** Travel times for campaign routing: great-circle × a detour factor at calibrated day/night speeds, or shortest paths over an imported OSM road network. */
package com.patrolplanner.campaign.travel;
