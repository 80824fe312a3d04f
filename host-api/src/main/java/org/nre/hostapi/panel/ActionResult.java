package org.nre.hostapi.panel;

import java.util.List;
import org.nre.hostapi.Fields;

/** How an action ended. The host shows the message and, for field errors, marks the fields. */
public sealed interface ActionResult
        permits ActionResult.Success, ActionResult.Invalid, ActionResult.Conflict, ActionResult.Unavailable {

    /**
     * What the user is told.
     *
     * @return a message that says what happened and, when it failed, what to do
     */
    String message();

    /**
     * The action was carried out.
     *
     * @param message what was done
     */
    record Success(String message) implements ActionResult {
        /** Checks the fields. */
        public Success {
            Fields.requireText(message, "message");
        }
    }

    /**
     * The input was wrong; nothing was changed.
     *
     * @param message what is wrong overall
     * @param errors what is wrong with each field
     */
    record Invalid(String message, List<FieldError> errors) implements ActionResult {
        /** Checks and copies the fields. */
        public Invalid {
            Fields.requireText(message, "message");
            errors = Fields.copyOf(errors, "errors");
        }
    }

    /**
     * The action does not fit the current state (for example it was already done); nothing was changed.
     *
     * @param message what the state is and what to do
     */
    record Conflict(String message) implements ActionResult {
        /** Checks the fields. */
        public Conflict {
            Fields.requireText(message, "message");
        }
    }

    /**
     * The action cannot be carried out now (for example a remote service is down); nothing was changed.
     *
     * @param message what is unavailable and what to do
     */
    record Unavailable(String message) implements ActionResult {
        /** Checks the fields. */
        public Unavailable {
            Fields.requireText(message, "message");
        }
    }

    /**
     * A success.
     *
     * @param message what was done
     * @return the result
     */
    static ActionResult success(String message) {
        return new Success(message);
    }

    /**
     * Field errors, with a general message.
     *
     * @param message what is wrong overall
     * @param errors what is wrong with each field
     * @return the result
     */
    static ActionResult invalid(String message, FieldError... errors) {
        return new Invalid(message, List.of(errors));
    }

    /**
     * A conflict with the current state.
     *
     * @param message what the state is and what to do
     * @return the result
     */
    static ActionResult conflict(String message) {
        return new Conflict(message);
    }

    /**
     * An action that cannot be carried out now.
     *
     * @param message what is unavailable and what to do
     * @return the result
     */
    static ActionResult unavailable(String message) {
        return new Unavailable(message);
    }
}
