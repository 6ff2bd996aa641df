package dev.aegis.core.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for a test class: {@code initdb} into a temporary directory, {@code pg_ctl start}
 * on a free port on 127.0.0.1, password authentication over TCP, stopped and deleted by {@link #close()}.
 * Uses the binaries in {@code $PG_BIN}, else the newest {@code /usr/lib/postgresql/<version>/bin}. PostgreSQL
 * refuses to run as root, so as root the server runs as the {@code postgres} user (through {@code runuser}).
 * Anything missing fails the test with a message that says what to install; it never skips.
 */
public final class LocalPostgres implements AutoCloseable {
  public static final String ADMIN = "aegis_admin";
  public static final String ADMIN_PASSWORD = "admin-pw-7f3a9c";

  private final Path bin;
  private final Path dir;
  private final int port;
  private final boolean asPostgresUser;

  private LocalPostgres(Path bin, Path dir, int port, boolean asPostgresUser) {
    this.bin = bin;
    this.dir = dir;
    this.port = port;
    this.asPostgresUser = asPostgresUser;
  }

  /** Starts a fresh server; throws {@link IllegalStateException} with the reason if it cannot. */
  public static LocalPostgres start() {
    Path bin = binaries();
    boolean root = "root".equals(System.getProperty("user.name"));
    try {
      Path dir = Files.createTempDirectory("aegis-pg-");
      int port = freePort();
      LocalPostgres pg = new LocalPostgres(bin, dir, port, root);
      pg.initAndStart();
      return pg;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start PostgreSQL for the test: " + e.getMessage(), e);
    }
  }

  private static Path binaries() {
    String env = System.getenv("PG_BIN");
    if (env != null && Files.isExecutable(Path.of(env, "initdb"))) {
      return Path.of(env);
    }
    Path root = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(root)) {
      try (Stream<Path> versions = Files.list(root)) {
        var found = versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
            .max(Comparator.comparingInt(b -> version(b.getParent().getFileName().toString())));
        if (found.isPresent()) {
          return found.get();
        }
      } catch (IOException e) {
        throw new IllegalStateException("cannot list " + root, e);
      }
    }
    throw new IllegalStateException("these tests need a real PostgreSQL: no initdb under /usr/lib/postgresql/*/bin"
        + " and PG_BIN is not set; install it (apt-get install postgresql) or set PG_BIN to its bin directory");
  }

  private static int version(String name) {
    return name.matches("\\d+") ? Integer.parseInt(name) : 0;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private void initAndStart() throws IOException {
    Path pwfile = dir.resolve("pwfile");
    Files.writeString(pwfile, ADMIN_PASSWORD + "\n", StandardCharsets.UTF_8);
    if (asPostgresUser) {
      UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
      UserPrincipal postgres;
      try {
        postgres = users.lookupPrincipalByName("postgres");
      } catch (IOException e) {
        throw new IllegalStateException("running as root, PostgreSQL needs the 'postgres' user to run as, and "
            + "there is none (install the postgresql package, or run the tests as a normal user)", e);
      }
      Files.setOwner(dir, postgres);
      Files.setOwner(pwfile, postgres);
    }
    Path data = dir.resolve("data");
    run(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", ADMIN, "--pwfile=" + pwfile,
        "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--no-locale", "--no-sync");
    run(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", dir.resolve("server.log").toString(), "-w",
        "-t", "60", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
  }

  private void run(String... command) {
    List<String> full = new ArrayList<>();
    if (asPostgresUser) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(List.of(command));
    try {
      Process process = new ProcessBuilder(full).directory(dir.toFile()).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IllegalStateException("PostgreSQL for the test: '" + String.join(" ", command) + "' failed:\n"
            + output + serverLog());
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + full.get(0) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting PostgreSQL", e);
    }
  }

  private String serverLog() {
    try {
      Path log = dir.resolve("server.log");
      return Files.exists(log) ? "\nserver log:\n" + Files.readString(log) : "";
    } catch (IOException e) {
      return "";
    }
  }

  public int port() {
    return port;
  }

  /** A {@code postgres://} URL for {@code user} and {@code password} on database {@code database}. */
  public String url(String user, String password, String database) {
    return "postgres://" + user + ":" + password + "@127.0.0.1:" + port + "/" + database;
  }

  /** A JDBC connection as the superuser, for setting up fixtures. */
  public Connection admin(String database) throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, ADMIN,
        ADMIN_PASSWORD);
  }

  @Override
  public void close() {
    try {
      run(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
    } finally {
      deleteQuietly(dir);
    }
  }

  private static void deleteQuietly(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temp directory is not worth failing a test for
    }
  }
}
