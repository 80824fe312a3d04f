/**
 * Metrics a plugin records; the console publishes them with its own (to Prometheus, say), each name under the
 * plugin's id.
 */
package org.nre.hostapi.metrics;
