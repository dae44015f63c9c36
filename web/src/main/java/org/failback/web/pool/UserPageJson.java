package org.failback.web.pool;

import java.util.List;
import org.failback.domain.registrar.UserPage;

/** {@code GET /api/pools/{pool}/users}. */
public record UserPageJson(long total, int page, int size, List<UserItem> items) {

    static UserPageJson of(UserPage page) {
        return new UserPageJson(
                page.total(),
                page.page(),
                page.size(),
                page.items().stream().map(UserItem::of).toList());
    }
}
