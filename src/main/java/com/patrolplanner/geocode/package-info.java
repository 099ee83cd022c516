/** Geocoding (地理编码): offline gazetteer, address matching chain, batch jobs, review queue, optional online providers. */
package com.patrolplanner.geocode;
