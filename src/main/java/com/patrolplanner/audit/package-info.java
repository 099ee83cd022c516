/** The append-only, hash-chained audit trail of who did what when (imports, edits, draws, solves, inspections, pins, users and sessions). */
package com.patrolplanner.audit;
