/** The client API at the registrar: sign-in and sign-out, presence, contacts, and starting conferences and p2p sessions. */
package org.failback.web.registrar;
