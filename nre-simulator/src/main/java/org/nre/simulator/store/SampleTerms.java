package org.nre.simulator.store;

import java.time.LocalDate;

/** The terms the simulated vendor starts with, so that a district can register at once. */
final class SampleTerms {

    static final String VERSION = "2026-07";
    static final LocalDate EFFECTIVE = LocalDate.of(2026, 7, 1);
    static final String TEXT = """
            SAMPLE TERMS OF SERVICE OF THE SIMULATED NATIONAL RECORDS EXCHANGE

            These sample terms come with the simulated router of the NRE sample console. They bind nobody; they \
            show how the console presents the vendor's terms.

            1. Purpose. The exchange routes requests for student records (enrollment history, transcripts, grades and \
            demographics) between participating school districts.

            2. Registration. A district registers through its console. The vendor verifies and authorizes each \
            district before records can be exchanged.

            3. Locality. The district shares the cities and ZIP codes of its students' census addresses, leaving out \
            those that cover 1% of its students or fewer, so that other districts can find it.

            4. Changes. The vendor may update these terms at any time with fifteen days' notice. The district accepts \
            the new version by its effective date to keep exchanging records.""";

    private SampleTerms() {
    }
}
