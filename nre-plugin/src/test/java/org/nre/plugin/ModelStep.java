package org.nre.plugin;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nre.plugin.testing.RouterDouble;

/** One step of the registration model: what a user, the vendor, the console or the network does. */
sealed interface ModelStep {

    /** The district staff who act. */
    List<String> USERS = List.of("jdoe", "bob", "ann");

    /** A user presses Register; {@code staleTerms} submits a form that shows older terms. */
    record Register(String user, boolean staleTerms) implements ModelStep {
    }

    record AcceptTerms(String user) implements ModelStep {
    }

    record CheckStatus(String user) implements ModelStep {
    }

    record ResendLocality(String user) implements ModelStep {
    }

    record Deregister(String user) implements ModelStep {
    }

    /** The console's status poller runs. */
    record Poll() implements ModelStep {
    }

    /** The vendor authorizes, rejects, suspends or reinstates the district's live registration. */
    record Vendor(String decision) implements ModelStep {
    }

    record PublishTerms() implements ModelStep {
    }

    /** The router starts behaving so until told otherwise. */
    record Network(RouterDouble.Condition condition) implements ModelStep {
    }

    /** Time passes on the console's clock. */
    record Elapse(int seconds) implements ModelStep {
    }

    /** A sequence of up to {@code max} steps, weighted so that registrations meet every fault and decision. */
    static List<ModelStep> sequence(SplittableRandom random, int max) {
        int length = 1 + random.nextInt(max);
        List<ModelStep> steps = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            steps.add(one(random));
        }
        return steps;
    }

    private static ModelStep one(SplittableRandom random) {
        String user = USERS.get(random.nextInt(USERS.size()));
        int roll = random.nextInt(100);
        if (roll < 15) {
            return new Register(user, random.nextInt(10) == 0);
        } else if (roll < 21) {
            return new AcceptTerms(user);
        } else if (roll < 29) {
            return new CheckStatus(user);
        } else if (roll < 33) {
            return new ResendLocality(user);
        } else if (roll < 37) {
            return new Deregister(user);
        } else if (roll < 52) {
            return new Poll();
        } else if (roll < 64) {
            return new Vendor(List.of("authorize", "reject", "suspend", "reinstate").get(random.nextInt(4)));
        } else if (roll < 67) {
            return new PublishTerms();
        } else if (roll < 80) {
            int kind = random.nextInt(100);
            RouterDouble.Condition condition = kind < 45 ? RouterDouble.Condition.WELL
                    : kind < 55 ? RouterDouble.Condition.DOWN : kind < 65 ? RouterDouble.Condition.RESET
                    : kind < 85 ? RouterDouble.Condition.LOST : kind < 90 ? RouterDouble.Condition.SLOW
                    : RouterDouble.Condition.BUSY;
            return new Network(condition);
        }
        return new Elapse(List.of(5, 30, 61).get(random.nextInt(3)));
    }
}
