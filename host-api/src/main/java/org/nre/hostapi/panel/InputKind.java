package org.nre.hostapi.panel;

/** What a text input accepts, so that consoles pick a fitting control. */
public enum InputKind {
    /** Free text. */
    TEXT,
    /** An absolute URL. */
    URL,
    /** A whole number. */
    NUMBER,
    /** Free text of several lines, such as a document; line breaks are kept. */
    MULTILINE
}
