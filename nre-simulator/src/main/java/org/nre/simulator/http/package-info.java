/** The simulated router's HTTP side: the contract of docs/router-api.md on the JDK's HTTP server. */
package org.nre.simulator.http;
