/** Campaigns (专项行动): targets and time windows, the 双随机 random draw, scheduling of two-officer teams and the plans they drive. */
package com.patrolplanner.campaign;
