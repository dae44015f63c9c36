package org.failback.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.failback.it.ProductIT;
import org.failback.it.RawHttp;
import org.failback.it.RawHttp.Answer;
import org.junit.jupiter.api.Test;

/**
 * API.md "Security" as one table: every endpoint of the deployed API with the roles that may call it. The test calls
 * each endpoint as anonymous, viewer, operator and client on targets that do not exist (so nothing changes): a role
 * the row allows gets past the role check (anything but 401/403), anonymous gets 401 UNAUTHORIZED and any other role
 * 403 FORBIDDEN. An endpoint the product's war declares without a row here fails the test, so a new endpoint cannot
 * ship without someone deciding who may call it. (The test hooks the tests deploy beside it are not the product's.)
 */
class RoleMatrixIT extends ProductIT {

    private static final String V = "viewer";
    private static final String O = "operator";
    private static final String C = "client";
    private static final String ANYONE = "anonymous";
    private static final List<String> CALLERS = List.of(ANYONE, V, O, C);
    private static final String POOL = "no-such-pool";
    private static final String SITE = "no-such-site";
    private static final String ROOM = "no-such-room";
    private static final String SIP = "sip:nobody@nowhere.example.com";
    private static final String ID = "999999999";

    /** One row: the endpoint as the resource declares it, a path that reaches it, and who may call it. */
    private record Row(String endpoint, String path, Set<String> allowed) {}

    private static final Map<String, Row> TABLE = new LinkedHashMap<>();

    private static void row(String endpoint, String path, String... allowed) {
        TABLE.put(endpoint, new Row(endpoint, path, Set.of(allowed)));
    }

    static {
        row("GET health", "health", ANYONE, V, O, C);
        row("GET pools", "pools", V, O);
        row("GET pools/{pool}", "pools/" + POOL, V, O);
        row("POST pools/{pool}/outage", "pools/" + POOL + "/outage", O);
        row("POST pools/{pool}/recover", "pools/" + POOL + "/recover", O);
        row("POST pools/{pool}/repair", "pools/" + POOL + "/repair", O);
        row("PUT pools/{pool}/settings", "pools/" + POOL + "/settings", O);
        row("GET pools/{pool}/users", "pools/" + POOL + "/users", V, O);
        row("GET pools/{pool}/users/{sip}", "pools/" + POOL + "/users/" + SIP, V, O);
        row("GET pools/{pool}/transition-audit", "pools/" + POOL + "/transition-audit", V, O);
        row("POST pools/{pool}/{action: failover|failback}", "pools/" + POOL + "/failover", O);
        row("POST topology/pairs", "topology/pairs", O);
        row("GET clients/{sip}", "clients/" + SIP, C, O, V);
        row("POST clients/{sip}/sign-in", "clients/" + SIP + "/sign-in", C, O);
        row("POST clients/{sip}/sign-out", "clients/" + SIP + "/sign-out", C, O);
        row("PUT clients/{sip}/presence", "clients/" + SIP + "/presence", C, O);
        row("GET clients/{sip}/presence/{other}", "clients/" + SIP + "/presence/" + SIP, C, O, V);
        row("GET clients/{sip}/contacts", "clients/" + SIP + "/contacts", C, O, V);
        row("POST clients/{sip}/contacts", "clients/" + SIP + "/contacts", C, O);
        row("POST clients/{sip}/conferences", "clients/" + SIP + "/conferences", C, O);
        row("POST clients/{sip}/p2p", "clients/" + SIP + "/p2p", C, O);
        row("GET conferences/{id}", "conferences/" + ID, C, O, V);
        row("PUT conferences/{id}", "conferences/" + ID, C, O);
        row("POST conferences/{id}/join", "conferences/" + ID + "/join", C, O);
        row("POST conferences/{id}/leave", "conferences/" + ID + "/leave", C, O);
        row("GET p2p/{id}", "p2p/" + ID, C, O, V);
        row("GET jobs", "jobs", V, O);
        row("GET jobs/{id}", "jobs/" + ID, V, O);
        row("GET jobs/{id}/log", "jobs/" + ID + "/log", V, O);
        row("GET jobs/{id}/throughput", "jobs/" + ID + "/throughput", V, O);
        row("POST jobs/{id}/stop", "jobs/" + ID + "/stop", O);
        row("POST jobs/{id}/restart", "jobs/" + ID + "/restart", O);
        row("POST jobs/{id}/abandon", "jobs/" + ID + "/abandon", O);
        row("GET lis/{pool}/locations", "lis/" + POOL + "/locations", V, O);
        row("POST lis/{pool}/locations", "lis/" + POOL + "/locations", O);
        row("GET lis/{pool}/backups", "lis/" + POOL + "/backups", V, O);
        row("POST lis/{pool}/backups", "lis/" + POOL + "/backups", O);
        row("GET lis/{pool}/backup-schedule", "lis/" + POOL + "/backup-schedule", V, O);
        row("PUT lis/{pool}/backup-schedule", "lis/" + POOL + "/backup-schedule", O);
        row("POST lis/{pool}/restores", "lis/" + POOL + "/restores", O);
        row("GET sites/{site}", "sites/" + SITE, V, O);
        row("GET sites/{site}/plans", "sites/" + SITE + "/plans", V, O);
        row("POST sites/{site}/{kind: outage|failover|failback}", "sites/" + SITE + "/outage", O);
        row("GET sql/instances", "sql/instances", V, O);
        row("GET sql/commands", "sql/commands", V, O);
        row("GET chat/pools", "chat/pools", V, O);
        row("POST chat/pools", "chat/pools", O);
        row("GET chat/pools/{pool}", "chat/pools/" + POOL, V, O);
        row("POST chat/pools/{pool}/outage", "chat/pools/" + POOL + "/outage", O);
        row("POST chat/pools/{pool}/rebuild-primary", "chat/pools/" + POOL + "/rebuild-primary", O);
        row("POST chat/pools/{pool}/failover", "chat/pools/" + POOL + "/failover", O);
        row("POST chat/pools/{pool}/failback", "chat/pools/" + POOL + "/failback", O);
        row("PUT chat/pools/{pool}/active-servers", "chat/pools/" + POOL + "/active-servers", O);
        row("POST chat/rooms", "chat/rooms", C, O);
        row("POST chat/rooms/{room}/messages", "chat/rooms/" + ROOM + "/messages", C, O);
        row("GET chat/rooms/{room}/messages", "chat/rooms/" + ROOM + "/messages", C, V, O);
        row("GET chat/rooms/{room}/compliance", "chat/rooms/" + ROOM + "/compliance", V, O);
        row("PUT chat/pools/{pool}/log-shipping", "chat/pools/" + POOL + "/log-shipping", O);
        row("POST chat/pools/{pool}/log-shipping/run", "chat/pools/" + POOL + "/log-shipping/run", O);
        row("PUT accounts/{username}", "accounts/nobody-here", O);
    }

    private final RawHttp http = new RawHttp(SERVER);

    @Test
    void everyDeployedEndpointHasARowInTheRoleTable() {
        List<String> deployed = DeployedEndpoints.all();
        TreeSet<String> missing = new TreeSet<>(deployed);
        missing.removeAll(TABLE.keySet());
        TreeSet<String> stale = new TreeSet<>(TABLE.keySet());
        stale.removeAll(deployed);
        System.out.println("role-matrix: " + deployed.size() + " endpoints deployed, " + TABLE.size() + " rows");
        assertEquals(Set.of(), missing, "endpoints without a row in RoleMatrixIT's table");
        assertEquals(Set.of(), stale, "rows for endpoints the war no longer declares");
    }

    @Test
    void everyEndpointAnswersEachRoleAsItsRowSays() {
        List<String> wrong = new ArrayList<>();
        int cases = 0;
        for (Row row : TABLE.values()) {
            String method = row.endpoint().substring(0, row.endpoint().indexOf(' '));
            for (String caller : CALLERS) {
                Answer answer = call(method, row.path(), caller);
                cases++;
                int status = answer.status();
                boolean ok;
                if (row.allowed().contains(caller)) {
                    ok = status != 401 && status != 403 && status < 500;
                } else if (caller.equals(ANYONE)) {
                    ok = status == 401 && answer.body().contains("\"UNAUTHORIZED\"");
                } else {
                    ok = status == 403 && answer.body().contains("\"FORBIDDEN\"");
                }
                if (!ok) {
                    wrong.add(row.endpoint() + " as " + caller + " → " + status + " " + answer.body());
                }
            }
        }
        System.out.println("role-matrix: " + cases + " cases tried (" + TABLE.size() + " endpoints × " + CALLERS.size()
                + " callers), " + wrong.size() + " wrong");
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    private Answer call(String method, String path, String caller) {
        Map<String, String> headers = new HashMap<>();
        if (!caller.equals(ANYONE)) {
            headers.put(
                    "Authorization",
                    RawHttp.basic(
                            SERVER.credentials().getProperty(caller + ".username"),
                            SERVER.credentials().getProperty(caller + ".password")));
        }
        byte[] body = null;
        if (method.equals("POST") || method.equals("PUT")) {
            headers.put("Content-Type", "application/json");
            body = "{}".getBytes(StandardCharsets.UTF_8);
        }
        return http.send(method, "/api/" + path, headers, body);
    }
}
