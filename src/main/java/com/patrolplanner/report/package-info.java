/** Period reports: the table and the Chinese paragraph a bureau puts in its half-year work summary (半年工作总结). */
package com.patrolplanner.report;
