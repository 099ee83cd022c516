/** Demo and test seeding: the five demo logins with their teams, and (with patrol.demo.load) the demo district's data. */
package com.patrolplanner.demo;
