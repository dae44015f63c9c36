/** What runs once when the product starts: schema, accounts, demo topology. */
package org.failback.batch.application.bootstrap;
