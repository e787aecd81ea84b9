package io.dtx.contract;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Proves that a message on the recharge topic was sent by the pay side: an HMAC-SHA256 over the
 * exact body bytes, carried in two message properties with the id of the key that made it. Anyone
 * who can reach the broker can put a message on the topic; only a holder of a key can sign one,
 * and the account side credits nothing else.
 *
 * <p>Keys rotate without downtime: configure the new key on the account side next to the old one
 * ({@code old:...,new:...}), then switch the pay side's current key id, then drop the old key once
 * no message signed with it can still arrive.
 *
 * <p>Configuration, never in the repository: {@code DTX_MESSAGE_KEYS} is a comma-separated list of
 * {@code id:secret} with each secret base64 (url-safe or not) of at least {@value #MIN_KEY_BYTES}
 * bytes; {@code DTX_MESSAGE_KEY_ID} names the key the pay side signs with. {@code ./dtx} and the
 * tests generate keys per run ({@link #newKeySpec}), docker compose reads them from {@code .env}.
 */
public final class MessageSigning {

    /** The message property with the signing key's id. */
    public static final String KEY_ID_PROPERTY = "dtxKeyId";

    /** The message property with the base64 HMAC-SHA256 of the body. */
    public static final String SIGNATURE_PROPERTY = "dtxSignature";

    /** 256 bits, as long as the hash: a shorter key is the weak link. */
    public static final int MIN_KEY_BYTES = 32;

    private static final String ALGORITHM = "HmacSHA256";

    /** A signature and the id of the key that made it. */
    public record Signature(String keyId, String value) {}

    /** What checking a message's signature found; only {@link #VALID} may change money. */
    public enum Verdict {
        VALID,
        /** No signature at all: not sent by the pay side. */
        MISSING,
        /** Signed with a key this side does not hold (a forgery, or a rotation done in the wrong order). */
        UNKNOWN_KEY,
        /** The signature does not match the body: forged or altered. */
        INVALID
    }

    private final Map<String, SecretKeySpec> keys;
    private final String currentKeyId;

    private MessageSigning(Map<String, SecretKeySpec> keys, String currentKeyId) {
        this.keys = keys;
        this.currentKeyId = currentKeyId;
    }

    /**
     * @param keySpecs     {@code id:secret[,id:secret...]}
     * @param currentKeyId the key to sign with; null or blank for a side that only verifies
     * @throws IllegalStateException with a message saying what to set, when anything is missing or weak
     */
    public static MessageSigning of(String keySpecs, String currentKeyId) {
        if (keySpecs == null || keySpecs.isBlank()) {
            throw new IllegalStateException("DTX_MESSAGE_KEYS (dtx.messaging.keys) must list the message signing keys"
                    + " as id:secret; ./dtx generates them, docker compose reads them from .env");
        }
        Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
        for (String spec : keySpecs.split(",")) {
            String[] idAndSecret = spec.strip().split(":", 2);
            if (idAndSecret.length != 2 || idAndSecret[0].isBlank()) {
                throw new IllegalStateException("A message signing key must be written id:secret");
            }
            keys.put(idAndSecret[0], new SecretKeySpec(decode(idAndSecret[0], idAndSecret[1]), ALGORITHM));
        }
        String current = currentKeyId == null || currentKeyId.isBlank() ? null : currentKeyId.strip();
        if (current != null && !keys.containsKey(current)) {
            throw new IllegalStateException(
                    "DTX_MESSAGE_KEY_ID names key '" + current + "', which DTX_MESSAGE_KEYS lacks");
        }
        return new MessageSigning(Map.copyOf(keys), current);
    }

    /** For the side that publishes: a current key is required. */
    public static MessageSigning forSigning(String keySpecs, String currentKeyId) {
        if (currentKeyId == null || currentKeyId.isBlank()) {
            throw new IllegalStateException("DTX_MESSAGE_KEY_ID (dtx.messaging.key-id) must name the key that"
                    + " messages are signed with, one of DTX_MESSAGE_KEYS");
        }
        return of(keySpecs, currentKeyId);
    }

    /** For the side that consumes: verifies with any of the keys, signs nothing. */
    public static MessageSigning forVerifying(String keySpecs) {
        return of(keySpecs, null);
    }

    /** A fresh key spec {@code id:secret} with a random 256-bit secret, for runs that make their own. */
    public static String newKeySpec(String keyId) {
        byte[] secret = new byte[MIN_KEY_BYTES];
        new SecureRandom().nextBytes(secret);
        return keyId + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** Signs with the current key. */
    public Signature sign(byte[] body) {
        if (currentKeyId == null) {
            throw new IllegalStateException("No current signing key: set DTX_MESSAGE_KEY_ID");
        }
        return new Signature(currentKeyId, hmac(keys.get(currentKeyId), body));
    }

    /** Checks a signature in constant time; a null key id or signature is {@link Verdict#MISSING}. */
    public Verdict verify(String keyId, String signature, byte[] body) {
        if (keyId == null || signature == null) {
            return Verdict.MISSING;
        }
        SecretKeySpec key = keys.get(keyId);
        if (key == null) {
            return Verdict.UNKNOWN_KEY;
        }
        byte[] expected = hmac(key, body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))
                ? Verdict.VALID
                : Verdict.INVALID;
    }

    private static String hmac(SecretKeySpec key, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static byte[] decode(String keyId, String secret) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder()
                    .decode(secret.strip().replace('+', '-').replace('/', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The secret of message signing key '" + keyId + "' is not base64");
        }
        if (bytes.length < MIN_KEY_BYTES) {
            throw new IllegalStateException("The secret of message signing key '" + keyId + "' must be at least "
                    + MIN_KEY_BYTES + " bytes (base64 of 32 random bytes: ./dtx and openssl rand -base64 32 make one)");
        }
        return bytes;
    }
}
