/**
 * HTTP plumbing shared by all capabilities: RFC 9457 problem+json errors and their exception mappers, the bounds of one
 * request (parameter guard, SQL statement time limit) and the CSV cell rule every export follows.
 */
package com.patrolplanner.web;
