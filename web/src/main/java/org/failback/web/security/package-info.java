/** Who may reach the product and how: login throttling, the API's challenge, security headers, accounts. */
package org.failback.web.security;
