/** Where data lives, how the product database gets its schema (Flyway), and whether the product is ready. */
package org.failback.batch.infrastructure.engine;
