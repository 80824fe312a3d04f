package org.nre.sample;

import java.time.Clock;
import org.nre.hostapi.HostApiException;
import org.nre.hostkit.ConfigException;
import org.nre.hostkit.HostKitException;
import org.nre.hostkit.audit.LogLines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the sample console from the command line. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.print(HostOptions.usage());
            return;
        }
        LogLines.install();
        Logger log = LoggerFactory.getLogger(Main.class);
        try {
            HostConfig config = HostConfig.from(args, System.getenv());
            log.info("Starting with {}", config);
            Console console = Console.start(config, Clock.systemUTC(), System.out);
            Runtime.getRuntime().addShutdownHook(new Thread(console::close, "console-shutdown"));
        } catch (ConfigException e) {
            log.error("{}", e.getMessage());
            System.err.println("\n" + HostOptions.usage());
            System.exit(2);
        } catch (HostKitException | HostApiException e) {
            log.error("The console could not start: {}", e.getMessage());
            System.exit(1);
        } catch (RuntimeException e) {
            log.error("The console could not start: {}", e.getMessage(), e);
            System.exit(1);
        }
    }
}
