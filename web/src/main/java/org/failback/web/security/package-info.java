/** Accounts, roles and credentials of the portal and the API. */
package org.failback.web.security;
