/** Menu entries a plugin contributes to the console's menu tree. */
package org.nre.hostapi.menu;
