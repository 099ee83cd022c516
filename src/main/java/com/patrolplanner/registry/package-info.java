/** The registers (一单两库): venues, schools, districts, inspectors and teams, with their change history. */
package com.patrolplanner.registry;
