/** The simulated vendor's registry: terms, registrations and idempotency keys in the console's database. */
package org.nre.simulator.store;
