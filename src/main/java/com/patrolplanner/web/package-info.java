/** HTTP plumbing shared by all capabilities: RFC 9457 problem+json errors and their exception mappers. */
package com.patrolplanner.web;
