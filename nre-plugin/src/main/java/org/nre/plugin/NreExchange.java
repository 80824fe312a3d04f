package org.nre.plugin;

import java.util.Optional;
import org.nre.api.exchange.ExchangeStatus;
import org.nre.api.exchange.RecordsExchange;
import org.nre.plugin.registration.Lifecycle;
import org.nre.plugin.registration.Registration;
import org.nre.plugin.registration.RegistrationState;
import org.pf4j.Extension;

/** Offers the registration's status to other plugins, such as a records-transfer tool, from the stored record. */
@Extension
public class NreExchange implements RecordsExchange {

    private final NrePlugin plugin;

    /**
     * Created by the host for the started plugin.
     *
     * @param plugin the plugin, whose storage answers
     */
    public NreExchange(NrePlugin plugin) {
        this.plugin = plugin;
    }

    @Override
    public ExchangeStatus status() {
        Optional<Registration> current = plugin.context().district().current()
                .flatMap(d -> plugin.parts().registrations().current(d.id()));
        RegistrationState state = current.map(Registration::state).orElse(RegistrationState.NOT_REGISTERED);
        String reason = current.map(Registration::stateReason).orElse("");
        return new ExchangeStatus(NreTool.LABEL, state.exchangeActive(), state.name(),
                "The district is " + Lifecycle.describe(state) + (reason.isBlank() ? "." : ": " + reason));
    }
}
