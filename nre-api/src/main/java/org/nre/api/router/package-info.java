/** Where the NRE plugin's router comes from when another plugin, such as the simulated router, provides it. */
package org.nre.api.router;
