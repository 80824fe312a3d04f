/** The school district a console serves, as plugins see it. */
package org.nre.hostapi.district;
