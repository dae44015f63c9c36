package org.failback.domain.registrar;

import java.util.List;

/** A page of users and how many match the query in all. */
public record UserPage(long total, int page, int size, List<RegistrarUser> items) {}
