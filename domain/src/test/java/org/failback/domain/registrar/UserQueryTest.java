package org.failback.domain.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class UserQueryTest {

    @Test
    void prefixWithoutSchemeGetsTheSipSchemeSoOperatorsCanTypeTheUserPart() {
        assertEquals("sip:user0001", query("user0001").sipPrefix());
        assertEquals("sip:user0001", query("SIP:User0001").sipPrefix());
        assertEquals("si", query("si").sipPrefix(), "already the start of the scheme");
        assertNull(query("").sipPrefix());
    }

    @Test
    void underscoreInASipUriIsMatchedLiterallyNotAsALikeWildcard() {
        assertEquals("sip:first!_last%", query("first_last").likePattern());
    }

    @Test
    void prefixWithCharactersNoSipUriHasIsRefused() {
        for (String hostile : new String[] {"user%", "a' OR '1'='1", "user 1", "x;y"}) {
            assertThrows(IllegalArgumentException.class, () -> query(hostile), hostile);
        }
    }

    @Test
    void sizeIsOneToFiveHundredAndPageNeverNegative() {
        assertThrows(IllegalArgumentException.class, () -> new UserQuery(null, null, null, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new UserQuery(null, null, null, 0, 501));
        assertThrows(IllegalArgumentException.class, () -> new UserQuery(null, null, null, -1, 50));
        assertEquals(1000, new UserQuery(null, null, null, 2, 500).offset());
    }

    private static UserQuery query(String prefix) {
        return new UserQuery(null, prefix, null, 0, 50);
    }
}
