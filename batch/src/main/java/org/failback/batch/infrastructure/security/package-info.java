/** The portal's and the API's accounts as the Elytron realm reads them, and the credentials file. */
package org.failback.batch.infrastructure.security;
