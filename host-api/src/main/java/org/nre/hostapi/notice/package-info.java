/**
 * Console-wide notices: what a plugin asks the people who hold one of its rights (or one person) to see on every
 * page, and by e-mail where the console sends mail.
 */
package org.nre.hostapi.notice;
