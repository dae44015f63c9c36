/** The LIS part of the JSON API (/api/lis/{pool}/…) and the table-driven backup scheduler. */
package org.failback.web.lis;
