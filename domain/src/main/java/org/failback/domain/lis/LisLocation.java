package org.failback.domain.lis;

import java.util.regex.Pattern;

/**
 * A civic address the LIS hands to clients in a subnet. It lives in its pool's own LIS database (not the product
 * database), so it is a value read and written by the LIS store, not a JPA entity. {@code originPool} and
 * {@code originId} are set on locations merged in from another pool's backup during failover: the key that keeps a
 * repeated merge from duplicating them.
 */
public record LisLocation(
        Long id,
        String location,
        String houseNumber,
        String streetName,
        String city,
        String state,
        String postalCode,
        String country,
        String subnet,
        String originPool,
        Long originId) {

    private static final Pattern SUBNET_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]{2,39}(?:/[0-9]{1,3})?");

    public LisLocation {
        location = required("location", location, 128);
        houseNumber = optional("houseNumber", houseNumber, 16);
        streetName = optional("streetName", streetName, 128);
        city = required("city", city, 64);
        state = optional("state", state, 64);
        postalCode = optional("postalCode", postalCode, 16);
        country = required("country", country, 64);
        subnet = optional("subnet", subnet, 43);
        // Rows stored before subnets were checked as addresses (LisLocation.of) must still read, or one old typo would
        // break the pool's LIS page and the failover that merges its backup; only their characters are checked here.
        if (subnet != null && !SUBNET_CHARACTERS.matcher(subnet).matches()) {
            throw new IllegalArgumentException("subnet '" + subnet + "' is not an IPv4/IPv6 address or CIDR block");
        }
    }

    /** A new location entered by an operator (no id yet, the pool's own); its subnet must be a real address. */
    public static LisLocation of(
            String location,
            String houseNumber,
            String streetName,
            String city,
            String state,
            String postalCode,
            String country,
            String subnet) {
        LisLocation entered = new LisLocation(
                null, location, houseNumber, streetName, city, state, postalCode, country, subnet, null, null);
        if (entered.subnet() != null) {
            Subnet.check(entered.subnet());
        }
        return entered;
    }

    public LisLocation withId(long newId) {
        return new LisLocation(
                newId,
                location,
                houseNumber,
                streetName,
                city,
                state,
                postalCode,
                country,
                subnet,
                originPool,
                originId);
    }

    private static String required(String field, String value, int max) {
        String v = optional(field, value, max);
        if (v == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return v;
    }

    private static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new IllegalArgumentException(field + " is longer than " + max + " characters");
        }
        if (v.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(field + " contains control characters");
        }
        return v;
    }
}
