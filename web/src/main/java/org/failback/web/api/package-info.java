/** The JSON API (JAX-RS) under /api: resources, error mapping, JSON settings. */
package org.failback.web.api;
