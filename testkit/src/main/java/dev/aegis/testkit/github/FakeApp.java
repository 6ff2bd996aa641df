package dev.aegis.testkit.github;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A GitHub App registered on the fake: its id, slug, RSA key pair (GitHub hands the private key out as a PKCS#1
 * PEM, {@code -----BEGIN RSA PRIVATE KEY-----}, which {@link #privateKeyPem()} reproduces), and its installations
 * by repository. Its bot user is {@code <slug>[bot]}.
 */
public final class FakeApp {
  private final long id;
  private final String slug;
  private final KeyPair keys;
  private final Map<String, Long> installations = new ConcurrentHashMap<>();

  FakeApp(long id, String slug) {
    this.id = id;
    this.slug = slug;
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      this.keys = generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public long id() {
    return id;
  }

  public String slug() {
    return slug;
  }

  /** The login of the App's bot user, who installation tokens act as. */
  public String botLogin() {
    return slug + "[bot]";
  }

  PublicKey publicKey() {
    return keys.getPublic();
  }

  /** The private key as GitHub's "Generate a private key" download: PKCS#1 in PEM. */
  public String privateKeyPem() {
    byte[] pkcs8 = keys.getPrivate().getEncoded();
    byte[] pkcs1 = Pkcs1.fromPkcs8(pkcs8);
    String body = Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
        .encodeToString(pkcs1);
    return "-----BEGIN RSA PRIVATE KEY-----\n" + body + "\n-----END RSA PRIVATE KEY-----\n";
  }

  void install(String repository, long installationId) {
    installations.put(repository.toLowerCase(java.util.Locale.ROOT), installationId);
  }

  java.util.Optional<Long> installationOn(String repository) {
    return java.util.Optional.ofNullable(installations.get(repository.toLowerCase(java.util.Locale.ROOT)));
  }

  boolean hasInstallation(long installationId) {
    return installations.containsValue(installationId);
  }

  /** PKCS#8 PrivateKeyInfo to the PKCS#1 RSAPrivateKey it wraps (the inner OCTET STRING). */
  static final class Pkcs1 {
    private Pkcs1() {}

    static byte[] fromPkcs8(byte[] der) {
      int[] pos = {0};
      expect(der, pos, 0x30);
      length(der, pos); // PrivateKeyInfo SEQUENCE
      expect(der, pos, 0x02);
      int version = length(der, pos);
      pos[0] += version;
      expect(der, pos, 0x30);
      int algorithm = length(der, pos);
      pos[0] += algorithm;
      expect(der, pos, 0x04);
      int n = length(der, pos); // privateKey OCTET STRING
      return java.util.Arrays.copyOfRange(der, pos[0], pos[0] + n);
    }

    private static void expect(byte[] der, int[] pos, int tag) {
      if ((der[pos[0]++] & 0xff) != tag) {
        throw new IllegalArgumentException("unexpected DER tag");
      }
    }

    private static int length(byte[] der, int[] pos) {
      int b = der[pos[0]++] & 0xff;
      if (b < 0x80) {
        return b;
      }
      int n = 0;
      for (int i = 0; i < (b & 0x7f); i++) {
        n = (n << 8) | (der[pos[0]++] & 0xff);
      }
      return n;
    }
  }
}
