/**
 * The simulated registration router as a PF4J plugin: its start and stop, the right, menu entry and panel of the
 * vendor's side, and the router it provides the NRE plugin.
 */
package org.nre.simulator;
