/**
 * The National Records Exchange as other plugins see it: a records-transfer tool asks whether the
 * district's exchange is active before requesting or releasing a student's records.
 */
package org.nre.api.exchange;
