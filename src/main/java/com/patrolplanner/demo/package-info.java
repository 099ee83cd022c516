/** Demo data: the five demo logins with their teams and (with patrol.demo.load) the demo district's registers and synthetic inspection history. */
package com.patrolplanner.demo;
