package org.nre.hostkit.db;

/** The innermost cause's message: what a driver or Flyway said, without the layers that wrapped it. */
public final class RootCause {

    private RootCause() {
    }

    public static String message(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
