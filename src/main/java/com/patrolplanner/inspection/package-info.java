/** Inspection records (检查记录): who checked which venue when, what was found, which legal articles, what was done. */
package com.patrolplanner.inspection;
