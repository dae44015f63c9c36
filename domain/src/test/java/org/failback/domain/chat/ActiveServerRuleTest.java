package org.failback.domain.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Seed 003 step 6: active servers near the new primary database")
class ActiveServerRuleTest {

    private static final Map<String, String> SERVERS =
            Map.of("chat1.dc1", "dc1", "chat2.dc1", "dc1", "chat1.dc2", "dc2", "chat1.dc3", "dc3");

    private static boolean dc3NearDc1(String a, String b) {
        return (a.equals("dc3") && b.equals("dc1")) || (a.equals("dc1") && b.equals("dc3"));
    }

    @Test
    void allActiveServersMustBeLocatedWithinTheSameDataCenterAsTheNewPrimaryDatabase() {
        assertEquals(
                List.of("chat1.dc1", "chat2.dc1"),
                ActiveServerRule.check(
                        List.of("chat1.dc1", "chat2.dc1", "chat1.dc1"), SERVERS, "dc1", (a, b) -> false));
    }

    @Test
    void orInADataCenterThatHasALowLatencyHighBandwidthConnectionToTheDatabase() {
        assertEquals(
                List.of("chat1.dc1", "chat1.dc3"),
                ActiveServerRule.check(
                        List.of("chat1.dc1", "chat1.dc3"), SERVERS, "dc1", ActiveServerRuleTest::dc3NearDc1));
    }

    @Test
    void aServerInARemoteDataCenterIsRefusedAndNamed() {
        ChatRefusedException refused = assertThrows(
                ChatRefusedException.class,
                () -> ActiveServerRule.check(
                        List.of("chat1.dc1", "chat1.dc2"), SERVERS, "dc1", ActiveServerRuleTest::dc3NearDc1));
        assertEquals(ChatRefusedException.Refusal.ACTIVE_SERVER_REMOTE, refused.refusal());
        assertEquals(true, refused.getMessage().contains("chat1.dc2 (site dc2)"), refused.getMessage());
    }

    @Test
    void hostileUnknownOrMissingNamesAreBadInput() {
        for (String hostile : new String[] {
            "chat1'; DROP TABLE x;--", "[chat1]", "chat\u0000", "a".repeat(300), "../../etc/passwd", "", "CHAT1.DC1"
        }) {
            assertThrows(
                    IllegalArgumentException.class,
                    () -> ActiveServerRule.check(List.of(hostile), SERVERS, "dc1", (a, b) -> true),
                    hostile);
        }
        assertThrows(
                IllegalArgumentException.class,
                () -> ActiveServerRule.check(List.of("chat9.dc1"), SERVERS, "dc1", (a, b) -> true));
        assertThrows(
                IllegalArgumentException.class,
                () -> ActiveServerRule.check(List.of(), SERVERS, "dc1", (a, b) -> true));
    }
}
