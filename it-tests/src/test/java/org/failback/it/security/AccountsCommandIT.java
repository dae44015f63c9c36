package org.failback.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.failback.it.Api;
import org.failback.it.ProductIT;
import org.junit.jupiter.api.Test;

/** docs/security.md: an operator adds an account and rotates its password with one command, accounts.sh. */
class AccountsCommandIT extends ProductIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anOperatorAddsAViewerAndRotatesItsPasswordWithTheAccountsCommand() throws Exception {
        String name = unique("night-shift");
        JsonNode added = accounts(name, "viewer");
        assertEquals("viewer", added.path("role").asText());
        Api colleague = Api.withPassword(SERVER, name, added.path("password").asText());
        colleague.get("pools").expect(200);
        colleague.post("pools/fe-dc1/outage").expect(403);

        JsonNode rotated = accounts(name, "viewer");
        Api.withPassword(SERVER, name, rotated.path("password").asText())
                .get("pools")
                .expect(200);
        assertEquals(401, colleague.get("pools").status(), "the old password no longer works");
        assertEquals(1, run(name, "admin").exitCode, "an unknown role is refused");
    }

    private record Result(int exitCode, String out) {}

    private static JsonNode accounts(String name, String role) throws IOException, InterruptedException {
        Result result = run(name, role);
        assertEquals(0, result.exitCode, result.out);
        return JSON.readTree(result.out);
    }

    private static Result run(String name, String role) throws IOException, InterruptedException {
        Path script = Path.of("..", "accounts.sh").toAbsolutePath().normalize();
        ProcessBuilder command = new ProcessBuilder(script.toString(), name, role).redirectErrorStream(true);
        command.environment().put("FAILBACK_DATA", SERVER.dataDir().toString());
        command.environment()
                .put(
                        "FAILBACK_PORT",
                        Integer.toString(URI.create(SERVER.baseUrl()).getPort()));
        Process process = command.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), out);
    }
}
