package org.failback.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JSON API at /api: HTTP BASIC, roles checked per resource method. */
@ApplicationPath("api")
public class FailbackApi extends Application {}
