/** School-perimeter rules (200 m and provincial distances), verdicts kept per venue, violations, buffers and site checks. */
package com.patrolplanner.compliance;
