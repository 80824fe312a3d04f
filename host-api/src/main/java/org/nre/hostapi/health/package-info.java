/** Health checks a plugin contributes to the console's own health report. */
package org.nre.hostapi.health;
