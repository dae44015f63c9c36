package org.failback.it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.failback.it.Api;
import org.failback.it.ProductIT;
import org.junit.jupiter.api.Test;

/**
 * docs/security.md, "Verified credentials": the realm accepts a password it verified within the last minute without
 * its 10,000 PBKDF2 iterations, yet only against the stored digest it verified it with, so a rotated password, a wrong
 * one or another account's never gets through.
 */
class VerifiedCredentialsIT extends ProductIT {

    @Test
    void aRotatedPasswordIsRefusedAtOnceRightAfterItWasVerified() {
        String name = unique("rotate");
        String old = setAccount(name, "client");
        Api before = Api.withPassword(SERVER, name, old);
        for (int i = 0; i < 3; i++) {
            before.get("clients/sip:user00001@fe-dc1.example.com").expect(200);
        }

        String rotated = setAccount(name, "client");

        assertEquals(401, before.get("clients/sip:user00001@fe-dc1.example.com").status());
        Api.withPassword(SERVER, name, rotated)
                .get("clients/sip:user00001@fe-dc1.example.com")
                .expect(200);
        assertEquals(401, before.get("clients/sip:user00001@fe-dc1.example.com").status());
    }

    @Test
    void aWrongPasswordIsRefusedWhileTheRightOneWasJustVerified() {
        String name = unique("wrong");
        String password = setAccount(name, "viewer");
        Api.withPassword(SERVER, name, password).get("pools").expect(200);

        assertEquals(
                401, Api.withPassword(SERVER, name, password + "x").get("pools").status());
        assertEquals(
                401,
                Api.withPassword(SERVER, name, password.substring(1))
                        .get("pools")
                        .status());
        assertEquals(
                401,
                Api.withPassword(SERVER, unique("other"), password).get("pools").status());
        Api.withPassword(SERVER, name, password).get("pools").expect(200);
    }

    @Test
    void aNewRoleAppliesToTheNextRequest() {
        String name = unique("promote");
        Api viewer = Api.withPassword(SERVER, name, setAccount(name, "viewer"));
        viewer.get("pools").expect(200);
        assertEquals(
                403,
                viewer.put("accounts/" + unique("x"), Map.of("role", "viewer")).status());

        Api promoted = Api.withPassword(SERVER, name, setAccount(name, "client"));

        promoted.get("clients/sip:user00001@fe-dc1.example.com").expect(200);
        assertEquals(403, promoted.get("pools").status(), "a client may not read pools");
    }

    private static String setAccount(String name, String role) {
        return operator()
                .put("accounts/" + name, Map.of("role", role))
                .expect(200)
                .json()
                .path("password")
                .asText();
    }
}
