package org.nre.testkit;

/** A panel view or action that the console refused or that failed, where the test expected it to go through. */
public final class PanelRefused extends AssertionError {

    private static final long serialVersionUID = 1L;

    PanelRefused(String message) {
        super(message);
    }
}
