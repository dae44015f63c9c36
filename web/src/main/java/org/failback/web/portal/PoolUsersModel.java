package org.failback.web.portal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.failback.domain.pool.FrontEndPool;
import org.failback.domain.pool.PoolName;
import org.failback.domain.pool.PoolService;
import org.failback.domain.registrar.FailbackStatus;
import org.failback.domain.registrar.RegistrarUser;
import org.failback.domain.registrar.SipUri;
import org.failback.domain.registrar.UserDirectory;
import org.failback.domain.registrar.UserQuery;
import org.failback.web.pool.UserItem;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The per-user table of a pool, one page at a time from the indexed queries of {@link UserDirectory}: filter by
 * failback status, search by SIP prefix, sorted by SIP URI (ascending only: H2 reads an index only forwards, and a
 * descending order would sort the whole pool). Paging forward continues after the last SIP
 * URI of the previous page (keyset) instead of an offset, so page 20,000 of a million users costs what page 2 does;
 * the total is counted once per filter and then at most every few seconds.
 */
public class PoolUsersModel extends LazyDataModel<UserItem> {

    private static final long serialVersionUID = 1L;
    private static final long COUNT_MAX_AGE_MILLIS = 3_000;

    private final PoolService pools;
    private final UserDirectory directory;
    private final PoolName pool;

    private FailbackStatus status;
    private String prefix;
    private String invalidSearch;
    /** For the current filter and order: the row index a page starts at → the last SIP URI before it. */
    private final Map<Integer, String> lastSipBefore = new HashMap<>();

    private String countedFilter;
    private long counted;
    private long countedAt;
    private transient List<UserItem> rows;

    PoolUsersModel(PoolService pools, UserDirectory directory, PoolName pool) {
        this.pools = pools;
        this.directory = directory;
        this.pool = pool;
    }

    /**
     * The page has just counted the pool's users (its counts): the unfiltered table starts with that total instead of
     * counting the pool a second time in the same request.
     */
    void countedAlready(long homed) {
        countedFilter = countKey(null, null);
        counted = homed;
        countedAt = System.currentTimeMillis();
    }

    private static String countKey(FailbackStatus status, String prefix) {
        return status + "|" + prefix;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        if (!filter(filterBy)) {
            return 0;
        }
        String key = countKey(status, prefix);
        long now = System.currentTimeMillis();
        if (!key.equals(countedFilter) || now - countedAt > COUNT_MAX_AGE_MILLIS) {
            counted = directory.count(pool(), new UserQuery(status, prefix, null, 0, 1));
            countedFilter = key;
            countedAt = now;
        }
        return (int) Math.min(Integer.MAX_VALUE, counted);
    }

    @Override
    public List<UserItem> load(
            int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        if (!filter(filterBy)) {
            rows = List.of();
            return rows;
        }
        int size = Math.max(1, Math.min(pageSize, UserQuery.MAX_SIZE));
        String after = first == 0 ? null : lastSipBefore.get(first);
        UserQuery query = after != null
                ? new UserQuery(status, prefix, SipUri.of(after), 0, size)
                : new UserQuery(status, prefix, null, Math.min(first / size, UserQuery.MAX_PAGE), size);
        List<RegistrarUser> users = directory.items(pool(), query);
        rows = users.stream().map(UserItem::of).toList();
        if (!rows.isEmpty()) {
            lastSipBefore.put(first + rows.size(), rows.get(rows.size() - 1).sip());
        }
        return rows;
    }

    /** Takes the table's filters; a change of filter forgets the page boundaries. False when nothing can match. */
    private boolean filter(Map<String, FilterMeta> filterBy) {
        FailbackStatus newStatus = null;
        String newPrefix = null;
        invalidSearch = null;
        for (FilterMeta meta : filterBy.values()) {
            Object value = meta.getFilterValue();
            if (value == null || value.toString().isBlank()) {
                continue;
            }
            String text = value.toString().trim();
            if ("failbackStatus".equals(meta.getField())) {
                try {
                    newStatus = FailbackStatus.valueOf(text);
                } catch (IllegalArgumentException e) {
                    newStatus = null;
                }
            } else if ("sip".equals(meta.getField())) {
                if (!SipUri.isLegalPrefix(text)) {
                    invalidSearch = text;
                    continue;
                }
                newPrefix = text;
            }
        }
        if (!Objects.equals(newStatus, status) || !Objects.equals(newPrefix, prefix)) {
            lastSipBefore.clear();
            countedFilter = null;
        }
        status = newStatus;
        prefix = newPrefix;
        return invalidSearch == null;
    }

    private FrontEndPool pool() {
        return pools.pool(pool);
    }

    @Override
    public String getRowKey(UserItem user) {
        return user.sip();
    }

    @Override
    public UserItem getRowData(String rowKey) {
        return rows == null
                ? null
                : rows.stream().filter(u -> u.sip().equals(rowKey)).findFirst().orElse(null);
    }

    /** The status filter in use, for the CSV export of the current filter. */
    public String getStatus() {
        return status == null ? null : status.name();
    }

    public String getPrefix() {
        return prefix;
    }

    public String getInvalidSearch() {
        return invalidSearch;
    }
}
