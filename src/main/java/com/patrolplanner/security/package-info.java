/** Users, roles, passwords and sessions: bcrypt users in the database, HTTP Basic for API clients, server-side sessions for browsers. */
package com.patrolplanner.security;
