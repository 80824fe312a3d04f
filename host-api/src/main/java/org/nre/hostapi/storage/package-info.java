/** Storage a host offers a plugin: the database and its migrations, settings, and secrets. */
package org.nre.hostapi.storage;
