/** Repeating tasks that run on one console node at a time. */
package org.nre.hostapi.schedule;
