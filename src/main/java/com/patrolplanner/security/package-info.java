/** Users, roles and who may call what: bcrypt users in the database, HTTP Basic for API clients, form login for browsers. */
package com.patrolplanner.security;
