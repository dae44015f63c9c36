package org.failback.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class HealthAndCredentialsIT extends ProductIT {

    @Test
    void healthIsUpWithoutCredentialsOnceReady() {
        Api.Reply health = anonymous().get("health").expect(200);
        assertEquals("UP", health.json().path("status").asText());
    }

    @Test
    void credentialsFileIsPrivateWithRandomPasswordsForEveryRole() throws Exception {
        var file = SERVER.dataDir().resolve("credentials.properties");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        Properties credentials = SERVER.credentials();
        for (String role : new String[] {"operator", "viewer", "client"}) {
            String password = credentials.getProperty(role + ".password");
            assertNotNull(password, role);
            assertTrue(password.length() >= 16, role + " password too short");
        }
        assertTrue(!credentials.getProperty("operator.password").equals(credentials.getProperty("viewer.password")));
    }

    @Test
    void apiWithoutCredentialsAnswers401WithBasicChallenge() {
        Api.Reply reply = anonymous().get("jobs");
        assertEquals(401, reply.status(), reply.body());
        assertEquals("UNAUTHORIZED", reply.code());
        assertTrue(
                reply.challenge() != null && reply.challenge().startsWith("Basic"), "challenge: " + reply.challenge());
    }

    @Test
    void wrongPasswordIsRefused() {
        Api.Reply reply =
                Api.withPassword(SERVER, "operator", "not-the-password-at-all").get("jobs");
        assertEquals(401, reply.status(), reply.body());
    }
}
