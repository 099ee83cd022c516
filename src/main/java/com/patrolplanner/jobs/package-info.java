/** Asynchronous jobs (imports, batch geocoding, solving) with progress that clients poll at /api/jobs/{id}. */
package com.patrolplanner.jobs;
