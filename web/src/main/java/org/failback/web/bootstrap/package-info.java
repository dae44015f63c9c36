/** What runs once when the product starts. */
package org.failback.web.bootstrap;
