package org.nre.sample.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;

/**
 * Every request keeps the method it was sent with. {@code X-HTTP-Method-Override}, which Javalin would
 * otherwise route by, is dropped, so a POST stays a POST and a GET cannot turn into a change; and a HEAD is
 * routed as the GET it asks about (with that route's access rule), Jetty sending the headers without the body.
 */
final class PlainMethods implements Filter {

    static final String OVERRIDE = "X-HTTP-Method-Override";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        boolean head = "HEAD".equals(http.getMethod());
        if (!head && http.getHeader(OVERRIDE) == null) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(new HttpServletRequestWrapper(http) {
            @Override
            public String getMethod() {
                return head ? "GET" : super.getMethod();
            }

            @Override
            public String getHeader(String name) {
                return OVERRIDE.equalsIgnoreCase(name) ? null : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                return OVERRIDE.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
            }

            @Override
            public Enumeration<String> getHeaderNames() {
                return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                        .filter(name -> !OVERRIDE.equalsIgnoreCase(name)).toList());
            }
        }, response);
    }
}
