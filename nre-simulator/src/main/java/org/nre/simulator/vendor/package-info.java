/** The vendor's side of the simulated router: deciding on registrations and publishing terms, as a panel. */
package org.nre.simulator.vendor;
