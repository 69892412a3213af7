package it.ksanctions.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * REST APIs under {@code /api}: platform operations at {@code /api/platform/...}; tenant APIs are
 * reached through the tenant's path prefix or host, e.g. {@code /t/<slug>/api/v1/...}.
 */
@ApplicationPath("/api")
public class RestApplication extends Application {}
