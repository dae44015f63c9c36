package org.failback.web.security;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The address a login came from. X-Forwarded-For is believed only when the connection comes from a configured proxy
 * ({@code -Dfailback.trusted-proxies=10.0.0.5,10.0.0.6}): then the client is the right-most address in it that is not
 * itself one of those proxies. From anyone else the header is ignored, so an attacker cannot dodge the throttle by
 * writing a new address into each request, nor throttle someone else's.
 */
public final class ClientAddress {

    private final Set<String> trustedProxies;

    public ClientAddress(Set<String> trustedProxies) {
        this.trustedProxies = Set.copyOf(trustedProxies);
    }

    public static ClientAddress fromSystemProperties() {
        String configured = System.getProperty("failback.trusted-proxies", "");
        return new ClientAddress(Arrays.stream(configured.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toSet()));
    }

    public String of(String peer, List<String> forwardedFor) {
        if (!trustedProxies.contains(peer) || forwardedFor == null || forwardedFor.isEmpty()) {
            return peer;
        }
        List<String> hops = forwardedFor.stream()
                .flatMap(header -> Arrays.stream(header.split(",")))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (!trustedProxies.contains(hop)) {
                return hop.length() > 64 || !hop.matches("[0-9A-Fa-f:.\\[\\]]+") ? peer : hop;
            }
        }
        return peer;
    }
}
