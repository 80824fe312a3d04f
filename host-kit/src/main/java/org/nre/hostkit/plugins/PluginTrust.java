package org.nre.hostkit.plugins;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nre.hostkit.ConfigException;

/**
 * What the operator requires of a plugin zip before it is expanded: that its SHA-256 is among the pinned
 * checksums, or that a detached Ed25519 signature beside it ({@code <zip>.sig}) verifies with one of the trusted
 * keys. With neither configured, every zip that passes the other checks is loaded.
 */
public final class PluginTrust {

    /** The signature file beside a zip: the zip's name with this added. */
    public static final String SIGNATURE_SUFFIX = ".sig";

    private static final Pattern CHECKSUM_LINE = Pattern.compile("([0-9a-fA-F]{64})(?:\\s+\\*?(.+))?");
    private static final Pattern PEM_KEY = Pattern.compile(
            "-----BEGIN PUBLIC KEY-----([A-Za-z0-9+/=\\s]+)-----END PUBLIC KEY-----");

    private final Path checksumsFile;
    private final Set<String> checksums;
    private final Path keysFile;
    private final List<PublicKey> keys;

    private PluginTrust(Path checksumsFile, Set<String> checksums, Path keysFile, List<PublicKey> keys) {
        this.checksumsFile = checksumsFile;
        this.checksums = Set.copyOf(checksums);
        this.keysFile = keysFile;
        this.keys = List.copyOf(keys);
    }

    /** Nothing required. */
    public static PluginTrust none() {
        return new PluginTrust(null, Set.of(), null, List.of());
    }

    /**
     * Reads the pinned checksums (lines as {@code sha256sum} prints them: the hex digest, spaces, the file name;
     * {@code #} starts a comment) and the trusted keys (Ed25519 public keys in PEM, as {@code openssl pkey
     * -pubout} writes them, one or more in the file).
     *
     * @param checksumsFile the pinned checksums, or null
     * @param keysFile the trusted keys, or null
     * @throws ConfigException when a file cannot be read or holds something else
     */
    public static PluginTrust load(Path checksumsFile, Path keysFile) {
        Set<String> checksums = new HashSet<>();
        if (checksumsFile != null) {
            List<String> lines = read(checksumsFile, "Plugin checksums file");
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                Matcher matcher = CHECKSUM_LINE.matcher(line);
                if (!matcher.matches()) {
                    throw new ConfigException("Plugin checksums file '" + checksumsFile + "', line " + (i + 1)
                            + ", is not a SHA-256 checksum: write lines as 'sha256sum plugin.zip' prints them");
                }
                checksums.add(matcher.group(1).toLowerCase(Locale.ROOT));
            }
        }
        List<PublicKey> keys = new ArrayList<>();
        if (keysFile != null) {
            String text = String.join("\n", read(keysFile, "Plugin keys file"));
            Matcher matcher = PEM_KEY.matcher(text);
            while (matcher.find()) {
                keys.add(ed25519(keysFile, matcher.group(1)));
            }
            if (keys.isEmpty()) {
                throw new ConfigException("Plugin keys file '" + keysFile + "' holds no public key: give Ed25519 "
                        + "public keys in PEM ('-----BEGIN PUBLIC KEY-----'), as 'openssl pkey -in key.pem -pubout' "
                        + "writes them");
            }
        }
        return new PluginTrust(checksumsFile, checksums, keysFile, keys);
    }

    /** Whether zips must be pinned or signed. */
    public boolean required() {
        return checksumsFile != null || keysFile != null;
    }

    /** What is required, for the log. */
    public String describe() {
        if (!required()) {
            return "Plugin zips are not verified: pin their checksums (--plugin-checksums) or trust their signers' "
                    + "keys (--plugin-keys) to require it";
        }
        List<String> ways = new ArrayList<>();
        if (checksumsFile != null) {
            ways.add("match one of " + checksums.size() + " pinned checksum" + (checksums.size() == 1 ? "" : "s")
                    + " in " + checksumsFile);
        }
        if (keysFile != null) {
            ways.add("carry a signature by one of " + keys.size() + " trusted key" + (keys.size() == 1 ? "" : "s")
                    + " in " + keysFile);
        }
        return "Plugin zips must " + String.join(", or ", ways);
    }

    /**
     * Why the zip may not be loaded, or empty when it may.
     *
     * @param sha256 the zip's SHA-256
     */
    Optional<String> problem(Path zip, String sha256) {
        if (!required() || checksums.contains(sha256)) {
            return Optional.empty();
        }
        String name = zip.getFileName().toString();
        Path signatureFile = zip.resolveSibling(name + SIGNATURE_SUFFIX);
        String signature = "";
        if (keysFile != null) {
            if (!Files.isRegularFile(signatureFile)) {
                signature = " It has no signature beside it (" + signatureFile.getFileName() + ").";
            } else {
                Optional<String> wrong = signatureProblem(zip, signatureFile);
                if (wrong.isEmpty()) {
                    return Optional.empty();
                }
                signature = " " + wrong.get();
            }
        }
        String pinned = checksumsFile == null ? "" : " Its SHA-256 is not among the pinned checksums in "
                + checksumsFile + ".";
        String todo = checksumsFile != null
                ? " Check where the zip came from; if it is the build you mean to install, add the line '" + sha256
                        + "  " + name + "' to " + checksumsFile + " and restart the console."
                : " Check where the zip came from, and ask its provider for the zip with its signature by a key in "
                        + keysFile + ".";
        return Optional.of("Refused " + name + " (SHA-256 " + sha256 + "):" + pinned + signature + todo);
    }

    private Optional<String> signatureProblem(Path zip, Path signatureFile) {
        byte[] signature;
        try {
            byte[] raw = Files.readAllBytes(signatureFile);
            signature = raw.length == 64 ? raw : Base64.getMimeDecoder().decode(new String(raw,
                    StandardCharsets.US_ASCII).strip());
        } catch (IOException | IllegalArgumentException e) {
            return Optional.of("Its signature file " + signatureFile.getFileName() + " cannot be read as an Ed25519 "
                    + "signature (64 bytes, raw or in base64).");
        }
        try {
            byte[] content = Files.readAllBytes(zip);
            for (PublicKey key : keys) {
                Signature verifier = Signature.getInstance("Ed25519");
                verifier.initVerify(key);
                verifier.update(content);
                if (verifier.verify(signature)) {
                    return Optional.empty();
                }
            }
        } catch (IOException | GeneralSecurityException e) {
            return Optional.of("Its signature could not be checked (" + e.getMessage() + ").");
        }
        return Optional.of("Its signature " + signatureFile.getFileName() + " does not verify with any trusted key "
                + "in " + keysFile + ": the zip was changed after it was signed, or another key signed it.");
    }

    private static PublicKey ed25519(Path file, String base64) {
        try {
            byte[] der = Base64.getMimeDecoder().decode(base64.strip());
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new ConfigException("Plugin keys file '" + file + "' holds a public key that is not Ed25519 ("
                    + e.getMessage() + "): make the key with 'openssl genpkey -algorithm ed25519'");
        }
    }

    private static List<String> read(Path file, String what) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new ConfigException(what + " '" + file + "' cannot be read (" + e.getMessage() + ")");
        }
    }
}
