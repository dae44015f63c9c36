package org.failback.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class ApiErrorTest {

    @Test
    void messagesLoseClassNamesUrlsMessageIdsAndAbsolutePaths() {
        String scrubbed = ApiError.scrub("RESTEASY003210: Could not find resource for full path:"
                + " http://localhost:8080/api/x; No enum constant org.failback.domain.Colour.PINK in"
                + " /root/.pool-failback/backups/lis/fe-dc1/x.zip");
        assertFalse(scrubbed.contains("RESTEASY"), scrubbed);
        assertFalse(scrubbed.contains("http"), scrubbed);
        assertFalse(scrubbed.contains("org.failback"), scrubbed);
        assertFalse(scrubbed.contains("/root"), scrubbed);
    }

    @Test
    void apiPathsAndPlainWordsStay() {
        assertEquals(
                "take one first with POST /api/lis/fe-dc1/backups",
                ApiError.scrub("take one first with POST /api/lis/fe-dc1/backups"));
        assertEquals("pool fe-dc1 is DOWN", ApiError.scrub("pool fe-dc1 is DOWN"));
    }
}
