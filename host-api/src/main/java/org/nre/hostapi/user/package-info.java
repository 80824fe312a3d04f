/** The user on whose behalf the host calls a plugin. */
package org.nre.hostapi.user;
