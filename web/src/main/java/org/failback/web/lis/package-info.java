/** The LIS part of the JSON API (/api/lis/{pool}/…). */
package org.failback.web.lis;
