package org.failback.domain.lis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubnetTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "10.0.0.0",
                "10.1.0.0/16",
                "192.168.100.0/24",
                "0.0.0.0/0",
                "255.255.255.255/32",
                "2001:db8::",
                "2001:db8::/32",
                "::1",
                "fe80::1:2:3:4/64",
                "::ffff:10.0.0.1",
                "2001:0db8:0000:0000:0000:0000:0000:0001/128"
            })
    void addressesAndCidrBlocksAreSubnets(String subnet) {
        assertEquals(subnet, Subnet.check(subnet));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "999.1.1.1",
                "10.0.0",
                "10.0.0.0.0",
                "01.2.3.4",
                "10.0.0.0/33",
                "10.0.0.0/",
                "10.0.0.0/-1",
                "10.0.0.0/08",
                ":::",
                "2001:db8::/129",
                "2001:db8:::1",
                "1:2:3:4:5:6:7:8:9",
                "fe80::1%eth0",
                "localhost",
                "example.com",
                "....",
                "12345::",
                "10.0.0.0 ",
                ""
            })
    void anythingElseIsRefusedNamingTheValue(String text) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Subnet.check(text));
        assertTrue(refused.getMessage().contains("'" + text + "'"), refused.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"999.1.1.1", "10.0.0.0/40", ":::"})
    void anOperatorCannotEnterALocationWithABadSubnet(String subnet) {
        assertThrows(
                IllegalArgumentException.class,
                () -> LisLocation.of("Reception", null, null, "Oslo", null, null, "NO", subnet));
    }

    @Test
    void aLocationStoredBeforeSubnetsWereCheckedStillReads() {
        LisLocation stored =
                new LisLocation(7L, "Reception", null, null, "Oslo", null, null, "NO", "999.1.1.1", null, null);
        assertEquals("999.1.1.1", stored.subnet());
    }
}
