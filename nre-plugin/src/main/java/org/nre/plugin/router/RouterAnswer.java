package org.nre.plugin.router;

import java.net.http.HttpHeaders;

/**
 * One answer of the router, as it came: its status, headers and body (already bounded in size).
 *
 * @param status the HTTP status
 * @param headers the headers
 * @param body the body's bytes
 */
record RouterAnswer(int status, HttpHeaders headers, byte[] body) {
}
