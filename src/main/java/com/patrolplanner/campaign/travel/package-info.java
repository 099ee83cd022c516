/** Travel times for campaign routing: great-circle distance × a detour factor at day and night speeds, calibrated on real routes. */
package com.patrolplanner.campaign.travel;
