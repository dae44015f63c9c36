/** Accounts an operator adds or rotates, and the failed logins the portal shows. */
package org.failback.batch.application.security;
