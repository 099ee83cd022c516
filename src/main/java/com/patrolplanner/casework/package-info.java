/** Casework (案件办理): penalty cases from 立案 to 结案, goods taken (收缴/扣押/查封/没收/销毁), rectification documents, the work log. */
package com.patrolplanner.casework;
