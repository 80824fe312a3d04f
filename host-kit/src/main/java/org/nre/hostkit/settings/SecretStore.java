package org.nre.hostkit.settings;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.nre.hostapi.Fields;
import org.nre.hostapi.HostApiException;
import org.nre.hostapi.storage.Secrets;
import org.nre.hostkit.HostKitException;
import org.nre.hostkit.db.Jdbc;

/**
 * Plugin secrets, encrypted with AES-GCM under a key kept outside the database (a file in the data
 * folder, or NRE_SECRETS_KEY), so that a copy of the database alone reveals none of them. Each value is
 * bound to its plugin and name, so that a ciphertext cannot be moved to another slot.
 */
public final class SecretStore {

    static final String KEY_FILE = "secrets.key";
    static final int KEY_BYTES = 32;
    static final int IV_BYTES = 12;
    static final int TAG_BITS = 128;
    static final int MAX_SECRET = 1000;

    private final Jdbc jdbc;
    private final SecretKey key;
    private final SecureRandom random;

    SecretStore(Jdbc jdbc, SecretKey key, SecureRandom random) {
        this.jdbc = jdbc;
        this.key = key;
        this.random = random;
    }

    /**
     * Opens the store with the key from NRE_SECRETS_KEY (base64 of 32 bytes) or from the data folder's key
     * file, which is created on first use with owner-only permissions.
     */
    public static SecretStore open(Jdbc jdbc, Path dataDir, String keyFromEnvironment, SecureRandom random) {
        return new SecretStore(jdbc, loadKey(dataDir, keyFromEnvironment, random), random);
    }

    public Secrets forPlugin(String pluginId) {
        return new Secrets() {
            @Override
            public boolean isSet(String name) {
                return jdbc.one("SELECT 1 FROM host_plugin_secret WHERE plugin_id = ? AND name = ?",
                        row -> true, pluginId, name).isPresent();
            }

            @Override
            public void put(String name, String value) {
                Fields.requireText(name, "name");
                if (value == null || value.isEmpty() || value.length() > MAX_SECRET) {
                    throw new HostApiException("Secret '" + name + "' needs a value of 1 to " + MAX_SECRET
                            + " characters");
                }
                String sealed = seal(pluginId, name, value);
                jdbc.inTransaction(connection -> {
                    Jdbc.update(connection, "DELETE FROM host_plugin_secret WHERE plugin_id = ? AND name = ?",
                            pluginId, name);
                    return Jdbc.update(connection,
                            "INSERT INTO host_plugin_secret (plugin_id, name, ciphertext) VALUES (?, ?, ?)",
                            pluginId, name, sealed);
                });
            }

            @Override
            public void remove(String name) {
                jdbc.update("DELETE FROM host_plugin_secret WHERE plugin_id = ? AND name = ?", pluginId, name);
            }

            @Override
            public Optional<String> read(String name) {
                return jdbc.one("SELECT ciphertext FROM host_plugin_secret WHERE plugin_id = ? AND name = ?",
                        row -> row.getString(1), pluginId, name).map(sealed -> open(pluginId, name, sealed));
            }
        };
    }

    String seal(String pluginId, String name, String value) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(slot(pluginId, name));
            byte[] body = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + body.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(body, 0, out, iv.length, body.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new HostKitException("Could not encrypt secret '" + name + "' of plugin '" + pluginId + "'", e);
        }
    }

    String open(String pluginId, String name, String sealed) {
        try {
            byte[] in = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(slot(pluginId, name));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new HostApiException("Secret '" + name + "' of plugin '" + pluginId + "' cannot be decrypted: "
                    + "the secrets key is not the one it was stored with. Restore the key, or set the secret again.");
        }
    }

    private static byte[] slot(String pluginId, String name) {
        return (pluginId + "\u0000" + name).getBytes(StandardCharsets.UTF_8);
    }

    private static SecretKey loadKey(Path dataDir, String keyFromEnvironment, SecureRandom random) {
        if (keyFromEnvironment != null && !keyFromEnvironment.isBlank()) {
            return decodeKey(keyFromEnvironment.strip(), "NRE_SECRETS_KEY");
        }
        Path file = dataDir.resolve(KEY_FILE);
        try {
            if (Files.exists(file)) {
                return decodeKey(Files.readString(file).strip(), file.toString());
            }
            Files.createDirectories(dataDir);
            byte[] bytes = new byte[KEY_BYTES];
            random.nextBytes(bytes);
            Files.writeString(file, Base64.getEncoder().encodeToString(bytes) + "\n");
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: the folder's own permissions must protect the key.
            }
            return new SecretKeySpec(bytes, "AES");
        } catch (java.io.IOException e) {
            throw new HostKitException("Cannot read or create the secrets key at " + file + ": " + e.getMessage()
                    + ". Check the data folder's permissions, or set NRE_SECRETS_KEY.", e);
        }
    }

    private static SecretKey decodeKey(String text, String source) {
        try {
            byte[] bytes = Base64.getDecoder().decode(text);
            if (bytes.length != KEY_BYTES) {
                throw new HostKitException("The secrets key in " + source + " must be " + KEY_BYTES
                        + " bytes in base64; it is " + bytes.length + " bytes");
            }
            return new SecretKeySpec(bytes, "AES");
        } catch (IllegalArgumentException e) {
            throw new HostKitException("The secrets key in " + source + " is not base64: generate one with "
                    + "'openssl rand -base64 32'");
        }
    }
}
