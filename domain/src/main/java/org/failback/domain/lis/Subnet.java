package org.failback.domain.lis;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The subnet a LIS location is handed out in: an IPv4 or IPv6 address, optionally with a CIDR prefix length
 * ({@code 10.1.0.0/16}, {@code 2001:db8::/32}). Checked for real, not by its characters: {@code 999.1.1.1} or
 * {@code :::} are refused.
 */
public final class Subnet {

    private static final String OCTET = "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(?:\\." + OCTET + "){3}");
    /** Only hex digits, colons and dots (an embedded IPv4 tail): no zone ids, no host names, nothing to look up. */
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]+");

    private static final Pattern PREFIX = Pattern.compile("0|[1-9][0-9]{0,2}");

    private Subnet() {}

    /** The subnet as given, when it is one; otherwise an {@link IllegalArgumentException} saying what it is not. */
    public static String check(String text) {
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        String prefix = slash < 0 ? null : text.substring(slash + 1);
        int maxPrefix;
        if (IPV4.matcher(address).matches()) {
            maxPrefix = 32;
        } else if (isIpv6(address)) {
            maxPrefix = 128;
        } else {
            throw new IllegalArgumentException("subnet '" + text + "' is not an IPv4/IPv6 address or CIDR block");
        }
        if (prefix != null && (!PREFIX.matcher(prefix).matches() || Integer.parseInt(prefix) > maxPrefix)) {
            throw new IllegalArgumentException("subnet '" + text + "' has a prefix length outside 0-" + maxPrefix);
        }
        return text;
    }

    private static boolean isIpv6(String address) {
        if (address.indexOf(':') < 0 || !IPV6_CHARACTERS.matcher(address).matches()) {
            return false;
        }
        try {
            // A literal with a colon is parsed, never resolved: no name lookup can happen here. (An IPv4-mapped
            // address such as ::ffff:10.0.0.1 comes back as an Inet4Address: still a valid IPv6 literal.)
            InetAddress.getByName(address);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
