package dev.vitals.health.checks.test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate made at test time with the JDK's keytool (Netty's SelfSignedCertificate needs Bouncy
 * Castle's PKIX on JDK 17) and written as PEM files.
 *
 * @param certPath the certificate, PEM
 * @param keyPath  its private key, PEM (PKCS#8)
 */
public record TestCertificates(Path certPath, Path keyPath) {

  private static final char[] PASSWORD = "changeit".toCharArray();

  /**
   * @param dir  where to write {@code <name>.pem} and {@code <name>-key.pem}
   * @param name the file names' stem and the certificate's CN
   * @return a certificate for localhost and 127.0.0.1, valid from now for 2 days
   */
  public static TestCertificates create(Path dir, String name) throws Exception {
    return create(dir, name, "dns:localhost,ip:127.0.0.1", null, 2);
  }

  /**
   * @param dir       where to write {@code <name>.pem} and {@code <name>-key.pem}
   * @param name      the file names' stem and the certificate's CN
   * @param san       its subject alternative names, as keytool's {@code -ext SAN=} takes them
   * @param startDate when it becomes valid, as keytool's {@code -startdate} ({@code -10d}, {@code +1d}), or
   *                  {@code null} for now
   * @param days      how many days it is valid
   * @return the files
   */
  public static TestCertificates create(Path dir, String name, String san, String startDate, int days)
    throws Exception {
    Path store = Files.createTempFile(dir, name, ".p12");
    Files.delete(store);
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    List<String> command = new ArrayList<>(List.of(keytool, "-genkeypair", "-alias", "vitals", "-keyalg", "RSA",
      "-keysize", "2048", "-validity", Integer.toString(days), "-dname", "CN=" + name, "-ext", "SAN=" + san,
      "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", new String(PASSWORD)));
    if (startDate != null) {
      command.addAll(List.of("-startdate", startDate));
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("keytool failed: " + output);
    }
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keys.load(in, PASSWORD);
    }
    TestCertificates files = new TestCertificates(dir.resolve(name + ".pem"), dir.resolve(name + "-key.pem"));
    Files.writeString(files.certPath(), pem("CERTIFICATE", keys.getCertificate("vitals").getEncoded()));
    Files.writeString(files.keyPath(), pem("PRIVATE KEY", keys.getKey("vitals", PASSWORD).getEncoded()));
    return files;
  }

  /**
   * Puts this certificate and key where the server reads its own, as a rotation does.
   *
   * @param target the files to replace
   */
  public void copyTo(TestCertificates target) throws Exception {
    for (List<Path> pair : List.of(List.of(keyPath, target.keyPath()), List.of(certPath, target.certPath()))) {
      Path tmp = pair.get(1).resolveSibling(pair.get(1).getFileName() + ".tmp");
      Files.copy(pair.get(0), tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      Files.move(tmp, pair.get(1), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(der)
      + "\n-----END " + type + "-----\n";
  }
}
