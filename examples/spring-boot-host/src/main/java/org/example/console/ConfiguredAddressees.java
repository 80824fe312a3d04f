package org.example.console;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.nre.hostapi.rights.Level;
import org.nre.hostkit.notice.Addressee;
import org.nre.hostkit.notice.Addressees;
import org.nre.hostkit.rights.Grant;

/**
 * Who the notices of plugins reach, from the configured users and the levels their groups hold. The configuration
 * gives no e-mail addresses, so notices are shown and mailed to nobody.
 */
final class ConfiguredAddressees implements Addressees {

    private final ConsoleProperties properties;

    ConfiguredAddressees(ConsoleProperties properties) {
        this.properties = properties;
    }

    @Override
    public List<Addressee> holdersOf(String rightId, Level level) {
        Map<String, String> groups = properties.grants().getOrDefault(rightId, Map.of());
        return properties.users().entrySet().stream()
                .filter(user -> user.getValue().groups().stream().anyMatch(group -> grants(groups.get(group), level)))
                .map(user -> addressee(user.getKey(), user.getValue()))
                .toList();
    }

    @Override
    public Optional<Addressee> user(String userId) {
        return Optional.ofNullable(properties.users().get(userId)).map(user -> addressee(userId, user));
    }

    private static boolean grants(String letters, Level level) {
        Set<Level> held = letters == null ? Set.of() : Grant.parse(letters.strip());
        return held.stream().anyMatch(own -> own.implies(level));
    }

    private static Addressee addressee(String login, ConsoleProperties.User user) {
        return new Addressee(login, user.name() == null ? login : user.name(), null);
    }
}
