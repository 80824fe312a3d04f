/** The build-time check of a plugin zip, and the zip's shared assembly descriptor. */
package org.nre.sdk.zip;
