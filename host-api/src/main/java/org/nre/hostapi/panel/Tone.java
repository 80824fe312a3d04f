package org.nre.hostapi.panel;

/** How a badge or notice is coloured and announced. */
public enum Tone {
    /** Plain information with no judgement. */
    NEUTRAL,
    /** Something to know. */
    INFO,
    /** A good state, such as Active. */
    SUCCESS,
    /** Something that needs attention soon. */
    WARNING,
    /** Something wrong, such as a refused registration. */
    DANGER
}
