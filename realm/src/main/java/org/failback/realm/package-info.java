/** The server-side security realm of the product's accounts: PBKDF2 verification and the verified-credential cache. */
package org.failback.realm;
