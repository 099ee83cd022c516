/** The append-only, hash-chained audit trail of who did what when (imports, edits, draws, solves, inspections, pins). */
package com.patrolplanner.audit;
