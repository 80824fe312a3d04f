package org.nre.plugin.router;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the console may send the district's signed requests: the router's address cannot be aimed at the
 * district's own network. https only (plain http only to a loopback IP literal, such as a simulated router);
 * no user information; and every address the host resolves to must be a public one, unless the operator allowed
 * its network (the setting {@code router-allowed-networks}, which only the operator's plugin settings file sets).
 * The address is checked when the URL is saved, for a clear message then, and at every connection by
 * {@link RouterTunnel}, which connects to the very address it checked.
 */
public final class RouterAddress {

    /** A network in CIDR notation: an address and how many leading bits must match. */
    public record Network(byte[] address, int bits) {

        public Network {
            address = address.clone();
        }

        public boolean contains(InetAddress candidate) {
            byte[] other = candidate.getAddress();
            if (other.length != address.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((other[bit / 8] & mask) != (address[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Network network && network.bits == bits
                    && Arrays.equals(network.address, address);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(address) + bits;
        }

        @Override
        public String toString() {
            try {
                return InetAddress.getByAddress(address).getHostAddress() + "/" + bits;
            } catch (UnknownHostException e) {
                return "?/" + bits;
            }
        }

        static Network parse(String text) {
            String[] parts = text.strip().split("/", 2);
            if (!parts[0].matches("[0-9.]+|[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*")) {
                throw new IllegalArgumentException("'" + text.strip() + "' is not an IP address or network");
            }
            try {
                byte[] address = InetAddress.getByName(parts[0]).getAddress();
                int bits = parts.length == 1 ? address.length * 8 : Integer.parseInt(parts[1]);
                if (bits < 0 || bits > address.length * 8) {
                    throw new IllegalArgumentException("'" + text.strip() + "' has a prefix length outside 0 to "
                            + address.length * 8);
                }
                return new Network(address, bits);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("'" + text.strip() + "' is not an IP address or network");
            }
        }
    }

    /** Addresses that are not the public internet, beyond what {@link InetAddress} tells: CGNAT, ULA and so on. */
    private static final List<Network> NOT_PUBLIC = List.of(
            Network.parse("0.0.0.0/8"), Network.parse("100.64.0.0/10"), Network.parse("192.0.0.0/24"),
            Network.parse("198.18.0.0/15"), Network.parse("240.0.0.0/4"), Network.parse("fc00::/7"),
            Network.parse("64:ff9b:1::/48"));

    private RouterAddress() {
    }

    /** Reads a comma-separated list of networks; throws {@link IllegalArgumentException} naming a wrong entry. */
    public static List<Network> networks(String text) {
        List<Network> networks = new ArrayList<>();
        for (String part : text == null ? new String[0] : text.split(",")) {
            if (!part.isBlank()) {
                networks.add(Network.parse(part));
            }
        }
        return networks;
    }

    /** What is wrong with the URL as written, or null: nothing is resolved here. */
    public static String syntaxProblem(String text) {
        URI uri;
        try {
            uri = URI.create(text.strip());
        } catch (IllegalArgumentException e) {
            return "It is not a URL: use an address such as https://router.nre.example";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            return "Use an absolute https address such as https://router.nre.example";
        }
        if (uri.getRawUserInfo() != null) {
            return "Leave out the user name and password: the console signs its requests with the district key "
                    + "and shared secret";
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return "Leave out the query and fragment: give the router's base address only";
        }
        if (scheme.equals("http") && !loopbackLiteral(uri.getHost())) {
            return "Use https: plain http is allowed only to a router on this machine given by its IP address, "
                    + "such as http://127.0.0.1:8090";
        }
        return null;
    }

    /**
     * What is wrong with where the URL's host resolves to now, or empty: for a message when the URL is saved.
     * A loopback IP literal (plain http to a router on this machine) is the one non-public address allowed
     * without the operator's say. The tunnel checks again at every connection.
     */
    public static Optional<String> addressProblem(URI url, List<Network> allowed) {
        String host = url.getHost();
        if (loopbackLiteral(host)) {
            return Optional.empty();
        }
        try {
            return addressesProblem(host, InetAddress.getAllByName(unbracket(host)), allowed);
        } catch (UnknownHostException e) {
            return Optional.empty(); // a connection will find it unresolvable and say so
        }
    }

    /** What is wrong with the addresses a host resolved to, or empty when every one may be called. */
    static Optional<String> addressesProblem(String host, InetAddress[] addresses, List<Network> allowed) {
        for (InetAddress address : addresses) {
            if (!isPublic(address) && allowed.stream().noneMatch(n -> n.contains(unmapped(address)))) {
                return Optional.of("The router's address " + host + " is " + (unbracket(host).equals(
                        address.getHostAddress()) ? "" : "at " + address.getHostAddress() + ", ") + kind(address)
                        + ", which the console does not call: a router is on the internet. An operator can allow "
                        + "a network with router-allowed-networks in the NRE plugin's settings file.");
            }
        }
        return Optional.empty();
    }

    static boolean isPublic(InetAddress address) {
        InetAddress plain = unmapped(address);
        return !(plain.isAnyLocalAddress() || plain.isLoopbackAddress() || plain.isLinkLocalAddress()
                || plain.isSiteLocalAddress() || plain.isMulticastAddress()
                || NOT_PUBLIC.stream().anyMatch(n -> n.contains(plain)));
    }

    private static String kind(InetAddress address) {
        InetAddress plain = unmapped(address);
        if (plain.isLoopbackAddress()) {
            return "this machine (loopback)";
        }
        if (plain.isLinkLocalAddress()) {
            return "a link-local address (such as a cloud metadata service)";
        }
        if (plain.isAnyLocalAddress()) {
            return "the unspecified address";
        }
        if (plain.isMulticastAddress()) {
            return "a multicast address";
        }
        return "a private or reserved address";
    }

    /** An IPv4 address written as IPv6 (::ffff:10.0.0.1) is judged as the IPv4 address it is. */
    private static InetAddress unmapped(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address && bytes.length == 16) {
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= bytes[i] == 0;
            }
            mapped &= bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
            if (mapped) {
                try {
                    return Inet4Address.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]});
                } catch (UnknownHostException e) {
                    return address;
                }
            }
        }
        return address;
    }

    static boolean loopbackLiteral(String host) {
        String h = unbracket(host);
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false; // a name, even "localhost", could be resolved to anything
        }
        try {
            return unmapped(InetAddress.getByName(h)).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    static String unbracket(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
