/** The console's audit log, as plugins write to it. */
package org.nre.hostapi.audit;
