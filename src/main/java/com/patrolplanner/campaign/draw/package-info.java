/** The 双随机 draw: venues and inspectors drawn at random, reproducibly, with recusal, and the publishable list. */
package com.patrolplanner.campaign.draw;
