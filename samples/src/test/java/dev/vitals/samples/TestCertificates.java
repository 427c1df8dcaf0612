package dev.vitals.samples;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for localhost and 127.0.0.1, made at test time with the JDK's keytool (Netty's
 * SelfSignedCertificate needs Bouncy Castle's PKIX on JDK 17) and written as PEM files.
 */
record TestCertificates(Path certPath, Path keyPath) {

  private static final char[] PASSWORD = "changeit".toCharArray();

  /**
   * @param dir  where to write {@code <name>.pem} and {@code <name>-key.pem}
   * @param name the file names' stem and the certificate's CN
   * @return the files
   */
  static TestCertificates create(Path dir, String name) throws Exception {
    Path store = Files.createTempFile(dir, name, ".p12");
    Files.delete(store);
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    Process process = new ProcessBuilder(keytool, "-genkeypair", "-alias", "vitals", "-keyalg", "RSA",
      "-keysize", "2048", "-validity", "2", "-dname", "CN=" + name, "-ext", "SAN=dns:localhost,ip:127.0.0.1",
      "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", new String(PASSWORD))
      .redirectErrorStream(true).start();
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

  /** Puts this certificate and key where the server reads its own, as a rotation does. */
  void copyTo(TestCertificates target) throws Exception {
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
