/** The demo topology a fresh data directory starts with. */
package org.failback.batch.application.demo;
