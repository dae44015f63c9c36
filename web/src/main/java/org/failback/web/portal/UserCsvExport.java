package org.failback.web.portal;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.failback.domain.pool.FrontEndPool;
import org.failback.domain.pool.PoolName;
import org.failback.domain.pool.PoolNotFoundException;
import org.failback.domain.pool.PoolService;
import org.failback.domain.registrar.FailbackStatus;
import org.failback.domain.registrar.RegistrarUser;
import org.failback.domain.registrar.SipUri;
import org.failback.domain.registrar.UserDirectory;
import org.failback.domain.registrar.UserQuery;
import org.failback.web.pool.UserItem;

/**
 * {@code /export/users?pool=&status=&q=}: the per-user table's current filter as CSV, streamed page by page (keyset
 * on the SIP URI, 500 rows a query), so a million users never sit in memory. {@code /export/*} needs a login.
 */
@WebServlet("/export/users")
public class UserCsvExport extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    PoolService pools;

    @Inject
    UserDirectory directory;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!Csv.allowed(request, response)) {
            return;
        }
        FrontEndPool pool;
        UserQuery first;
        try {
            pool = pools.pool(PoolName.of(String.valueOf(request.getParameter("pool"))));
            String status = request.getParameter("status");
            String q = request.getParameter("q");
            first = new UserQuery(
                    status == null || status.isBlank() ? null : FailbackStatus.valueOf(status),
                    q == null || q.isBlank() ? null : q.trim(),
                    null,
                    0,
                    UserQuery.MAX_SIZE);
        } catch (PoolNotFoundException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, e.getMessage());
            return;
        } catch (IllegalArgumentException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
            return;
        }
        Writer out = Csv.attachment(
                response,
                pool.getName() + "-users"
                        + (first.status() == null
                                ? ""
                                : "-" + first.status().name().toLowerCase(java.util.Locale.ROOT)) + ".csv");
        Csv.line(
                out,
                "sip",
                "client_version",
                "signed_in",
                "serving_pool",
                "mode",
                "failback_status",
                "updated_at",
                "error");
        UserQuery query = first;
        while (true) {
            List<RegistrarUser> page = directory.items(pool, query);
            for (RegistrarUser user : page) {
                UserItem item = UserItem.of(user);
                Csv.line(
                        out,
                        item.sip(),
                        item.clientVersion(),
                        item.signedIn(),
                        item.servingPool(),
                        item.mode(),
                        item.failbackStatus(),
                        item.updatedAt(),
                        item.error());
            }
            if (page.size() < query.size()) {
                break;
            }
            query = new UserQuery(
                    first.status(),
                    first.sipPrefix(),
                    SipUri.of(page.get(page.size() - 1).getSip()),
                    0,
                    UserQuery.MAX_SIZE);
        }
        out.flush();
    }
}
