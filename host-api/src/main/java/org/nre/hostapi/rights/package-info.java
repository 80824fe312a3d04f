/**
 * Tool rights: what a plugin defines ({@link org.nre.hostapi.rights.RightDefinition}), the levels a
 * right offers ({@link org.nre.hostapi.rights.Level}) and how a user's effective rights are asked
 * ({@link org.nre.hostapi.rights.RightSet}).
 */
package org.nre.hostapi.rights;
