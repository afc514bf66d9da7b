package org.openpayloads.connector.salesforce;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** Reads the JWT flow's private key. Messages describe the problem, never the key. */
final class PrivateKeys {

    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";

    private PrivateKeys() {
    }

    /**
     * An unencrypted PKCS#8 RSA key in PEM form.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    static PrivateKey parsePem(String pem) {
        String text = pem.strip();
        if (text.contains("BEGIN RSA PRIVATE KEY")) {
            throw new IllegalArgumentException("is a PKCS#1 key (BEGIN RSA PRIVATE KEY); expected PKCS#8: convert it "
                    + "with 'openssl pkcs8 -topk8 -nocrypt -in key.pem'");
        }
        if (text.contains("BEGIN ENCRYPTED PRIVATE KEY")) {
            throw new IllegalArgumentException("is encrypted; expected an unencrypted PKCS#8 key (" + BEGIN + ")");
        }
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("is not a PEM private key; expected a block from " + BEGIN + " to " + END);
        }
        String base64 = text.substring(begin + BEGIN.length(), end).replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(base64);
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            // The cause's message could quote key material, so it is not chained.
            throw new IllegalArgumentException("is not a readable RSA key; expected base64 DER PKCS#8 between " + BEGIN
                    + " and " + END);
        }
    }
}
