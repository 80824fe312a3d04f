package org.nre.sample.web;

import java.util.Optional;
import org.nre.sample.admin.Directory;

/** Looks up the error of one field of a refused change, for templates. */
public final class FormErrors {

    private FormErrors() {
    }

    public static String of(Optional<Directory.Outcome> outcome, String field) {
        return outcome.flatMap(o -> o.problems().stream().filter(p -> p.field().equals(field)).findFirst())
                .map(p -> p.message()).orElse("");
    }

    public static boolean refused(Optional<Directory.Outcome> outcome) {
        return outcome.isPresent() && !outcome.get().done();
    }
}
