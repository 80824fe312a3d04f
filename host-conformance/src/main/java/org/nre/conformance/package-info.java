/**
 * A conformance kit for hosts of host-API plugins: tests a host runs against itself to prove it does every duty a
 * host owes its plugins (docs/host-implementer-guide.md, section 1), whether or not it embeds host-kit.
 *
 * <p>A host adds this module in test scope, implements {@link org.nre.conformance.ConformanceHost} (start a node of
 * itself on a given database and plugins folder) and {@link org.nre.conformance.HostNode} (what that node knows of
 * its plugins, and its panels), and extends {@link org.nre.conformance.HostConformanceTests}. The kit builds its own
 * test plugins with {@link org.nre.conformance.PluginZip}, which a host's other tests may use too.
 */
package org.nre.conformance;
