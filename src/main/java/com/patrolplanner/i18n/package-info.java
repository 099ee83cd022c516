/** The one message table of server texts (zh-CN default, en) and their resolution by the request's Accept-Language. */
package com.patrolplanner.i18n;
