/** Where data lives and how the product database gets its schema. */
package org.failback.batch.engine;
