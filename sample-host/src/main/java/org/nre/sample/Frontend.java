package org.nre.sample;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.nre.hostkit.ConfigException;

/**
 * How the console is reached: the public URL people use (when it runs behind a TLS-terminating proxy, say), the
 * proxies whose forwarded headers it believes, and whether it speaks TLS itself.
 *
 * @param publicUrl the console's public origin, such as {@code https://console.district.example}, or empty to take
 *     each request's own
 * @param trustedProxies the addresses and networks ({@code 10.0.0.0/8}) of the proxies in front of the console
 * @param ownTls whether the console terminates TLS itself
 * @param serverAddress the address other systems reach the console at, a host name it answers to
 */
public record Frontend(Optional<URI> publicUrl, List<Network> trustedProxies, boolean ownTls,
                       String serverAddress) {

    /** An address and the number of leading bits that must match, such as 10.0.0.0/8 or one address (/32). */
    public record Network(byte[] address, int bits) {

        /** Whether the address lies in this network. */
        public boolean contains(InetAddress candidate) {
            byte[] other = candidate.getAddress();
            if (other.length != address.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (other[i] != address[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (other[full] & mask) == (address[full] & mask);
        }
    }

    public Frontend {
        trustedProxies = List.copyOf(trustedProxies);
    }

    /** A console reached as each request says, trusting no proxy. */
    public static Frontend direct(String serverAddress) {
        return new Frontend(Optional.empty(), List.of(), false, serverAddress);
    }

    /**
     * Reads a public URL: absolute http(s), a host, no user information, path, query or fragment.
     *
     * @throws ConfigException naming what is wrong
     */
    public static URI publicUrl(String text) {
        URI uri;
        try {
            uri = URI.create(text.strip());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("Public URL '" + text + "' is not a URL: use one such as "
                    + "https://console.district.example");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
            throw new ConfigException("Public URL '" + text + "' must be an absolute https (or http) URL with a host, "
                    + "such as https://console.district.example");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null
                || (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"))) {
            throw new ConfigException("Public URL '" + text + "' must be the console's origin only (scheme, host and "
                    + "port): the console is served at the root of its address");
        }
        return URI.create(scheme + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT));
    }

    /**
     * Reads a comma-separated list of IP addresses and networks in CIDR notation; host names are refused, since a
     * name could later resolve to anything.
     *
     * @throws ConfigException naming the entry that is wrong
     */
    public static List<Network> networks(String text) {
        List<Network> networks = new ArrayList<>();
        for (String part : text.split(",")) {
            String entry = part.strip();
            if (entry.isEmpty()) {
                continue;
            }
            String[] pieces = entry.split("/", 2);
            if (!pieces[0].matches("[0-9.]+|[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*")) {
                throw new ConfigException("Trusted proxy '" + entry + "' is not an IP address or network: use "
                        + "addresses such as 10.0.0.5 or networks such as 10.0.0.0/8");
            }
            try {
                byte[] address = InetAddress.getByName(pieces[0]).getAddress();
                int bits = pieces.length == 1 ? address.length * 8 : Integer.parseInt(pieces[1]);
                if (bits < 0 || bits > address.length * 8) {
                    throw new ConfigException("Trusted proxy '" + entry + "' has a prefix length outside 0 to "
                            + address.length * 8);
                }
                networks.add(new Network(address, bits));
            } catch (UnknownHostException | NumberFormatException e) {
                throw new ConfigException("Trusted proxy '" + entry + "' is not an IP address or network: use "
                        + "addresses such as 10.0.0.5 or networks such as 10.0.0.0/8");
            }
        }
        return networks;
    }

    /** Whether requests from this address may tell the client's address, scheme and host in forwarded headers. */
    public boolean trusts(String address) {
        if (trustedProxies.isEmpty() || address == null) {
            return false;
        }
        try {
            InetAddress peer = InetAddress.getByName(address);
            return trustedProxies.stream().anyMatch(n -> n.contains(peer));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Whether the console is reached over https, wherever TLS ends. */
    public boolean https() {
        return ownTls || publicUrl.map(u -> u.getScheme().equals("https")).orElse(false);
    }
}
