package dev.aegis.core.tracker.github;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Objects;

/**
 * A GitHub App's credentials: its id and private key. The key is what GitHub's "Generate a private key" gives, a
 * PKCS#1 PEM ({@code -----BEGIN RSA PRIVATE KEY-----}); a PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}) works
 * too. hub4j's {@code JWTTokenProvider} accepts only PKCS#8, so PKCS#1 is wrapped here (the standard
 * {@code PrivateKeyInfo} header, nothing else). The key never appears in {@link #toString()}.
 */
public record GitHubApp(String appId, PrivateKey privateKey) {
  public GitHubApp {
    Objects.requireNonNull(appId, "appId");
    Objects.requireNonNull(privateKey, "privateKey");
    if (!appId.trim().matches("[0-9]+|Iv[0-9A-Za-z.]+")) {
      throw new IllegalArgumentException("GitHub App id must be the App's numeric id (or its client id), got '"
          + appId + "'");
    }
  }

  /**
   * @throws IllegalArgumentException when the PEM is not an RSA private key, with what to check
   */
  public static GitHubApp fromPem(String appId, String pem) {
    Objects.requireNonNull(pem, "pem");
    boolean pkcs1 = pem.contains("-----BEGIN RSA PRIVATE KEY-----");
    boolean pkcs8 = pem.contains("-----BEGIN PRIVATE KEY-----");
    if (!pkcs1 && !pkcs8) {
      throw new IllegalArgumentException("the GitHub App private key is not a PEM private key (expected "
          + "-----BEGIN RSA PRIVATE KEY-----, as GitHub's \"Generate a private key\" downloads it)");
    }
    String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    try {
      byte[] der = Base64.getDecoder().decode(base64);
      byte[] info = pkcs1 ? wrapPkcs1(der) : der;
      return new GitHubApp(appId.trim(), KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(info)));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new IllegalArgumentException("the GitHub App private key cannot be read: " + e.getMessage()
          + " (paste the whole .pem file GitHub gave, header and footer included)", e);
    }
  }

  /** PKCS#1 RSAPrivateKey into a PKCS#8 PrivateKeyInfo: version 0, rsaEncryption with NULL parameters. */
  private static byte[] wrapPkcs1(byte[] pkcs1) {
    byte[] algorithm = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01,
        0x01, 0x05, 0x00};
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(new byte[] {0x02, 0x01, 0x00});
    body.writeBytes(algorithm);
    body.write(0x04);
    body.writeBytes(length(pkcs1.length));
    body.writeBytes(pkcs1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x30);
    out.writeBytes(length(body.size()));
    out.writeBytes(body.toByteArray());
    return out.toByteArray();
  }

  private static byte[] length(int n) {
    if (n < 0x80) {
      return new byte[] {(byte) n};
    }
    if (n < 0x100) {
      return new byte[] {(byte) 0x81, (byte) n};
    }
    if (n < 0x10000) {
      return new byte[] {(byte) 0x82, (byte) (n >> 8), (byte) n};
    }
    return new byte[] {(byte) 0x83, (byte) (n >> 16), (byte) (n >> 8), (byte) n};
  }

  @Override
  public String toString() {
    return "GitHubApp[appId=" + appId + ", privateKey=***]";
  }
}
