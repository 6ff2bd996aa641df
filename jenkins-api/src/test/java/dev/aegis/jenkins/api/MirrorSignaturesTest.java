package dev.aegis.jenkins.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.annotation.Annotation;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Checks the mirror against {@code api-signatures*.txt} (test resources, {@code jenkins-signatures/}), the {@code javap} listings of the
 * real Jenkins 2.479.3 classes: every member the mirror declares must appear there, character for character
 * as {@code javap} prints it, unless it is one of the few known members the (truncated) listings omit. Stapler types
 * the listings lack are checked against the real Stapler jar from Maven Central instead.
 */
class MirrorSignaturesTest {
  private static final Path LISTINGS = Path.of("src", "test", "resources", "jenkins-signatures");

  /** Members the listings do not show, each checked against Jenkins sources by hand. */
  private static final Set<String> KNOWN_UNLISTED_MEMBERS =
      Set.of(
          // the Jenkins listing is cut after 80 lines; present since 1.x
          "jenkins.model.Jenkins: public <T extends hudson.model.Item> T getItemByFullName(java.lang.String, java.lang.Class<T>)",
          // protected constructors of classes whose -protected listing is not given; never called by the plugin
          "hudson.model.Descriptor: protected hudson.model.Descriptor()",
          "hudson.model.Job: protected hudson.model.Job()",
          "hudson.model.Run: protected hudson.model.Run()",
          "hudson.model.ParameterValue: protected hudson.model.ParameterValue(java.lang.String)");

  /** Types the listings do not show at all (only referenced by listed signatures, or checked elsewhere). */
  private static final Set<String> KNOWN_UNLISTED_TYPES =
      Set.of(
          "com.cloudbees.plugins.credentials.Credentials",
          "com.cloudbees.plugins.credentials.CredentialsMatcher",
          "com.cloudbees.plugins.credentials.common.IdCredentials",
          "hudson.AbortException",
          "hudson.ExtensionList",
          "hudson.model.Describable",
          "hudson.model.Descriptor$FormException",
          "hudson.model.ModelObject",
          "hudson.model.Queue$Executable",
          "hudson.model.Queue$Item",
          "hudson.model.Queue$Task",
          "hudson.model.TopLevelItem",
          "hudson.security.AccessControlled",
          // running the webhook's work as the system (as AsyncPeriodicWork does); checked by hand against
          // jenkins-core's sources: ACL.SYSTEM2 and ACL.as2(Authentication) since 2.266, ACLContext.close()
          "hudson.security.ACL",
          "hudson.security.ACLContext",
          "hudson.triggers.SafeTimerTask",
          "hudson.util.ListBoxModel$Option",
          "jenkins.YesNoMaybe",
          "net.sf.json.JSONObject",
          "org.jenkinsci.remoting.RoleChecker",
          "org.jenkinsci.remoting.RoleSensitive",
          "org.jenkinsci.remoting.SerializableOnlyOverRemoting",
          // Stapler 1903's EE9 types, absent from Stapler 1.263 (below); checked by hand against Stapler's sources:
          // the listings show ListBoxModel.generateResponse(StaplerRequest2, StaplerResponse2, Object), the
          // HttpResponse method; Stapler.getCurrentRequest2() is how jenkins-core 2.475+ reads the current request
          "org.kohsuke.stapler.HttpResponse",
          "org.kohsuke.stapler.Stapler",
          "org.kohsuke.stapler.StaplerRequest2",
          "org.kohsuke.stapler.StaplerResponse2",
          "org.springframework.security.core.Authentication");

  /**
   * Stapler types the listings lack, checked instead against the real Stapler 1.263 jar (Maven Central; copied to
   * {@value #REFERENCE_STAPLER} by the build): members as above, and the annotations' retention and targets, which
   * decide whether the plugin's class files keep them where Stapler looks at run time. These types have kept their
   * shape from 1.263 to the 1903 line Jenkins 2.479.3 runs.
   */
  private static final Set<String> CHECKED_AGAINST_STAPLER =
      Set.of(
          "org.kohsuke.stapler.AncestorInPath",
          "org.kohsuke.stapler.DataBoundConstructor",
          "org.kohsuke.stapler.DataBoundSetter",
          "org.kohsuke.stapler.QueryParameter",
          "org.kohsuke.stapler.StaplerProxy",
          "org.kohsuke.stapler.verb.POST");

  private static final String REFERENCE_STAPLER = "target/reference/stapler-reference.jar";

  @Test
  void everyMirroredMemberMatchesTheRealSignature() throws IOException {
    assertThat(LISTINGS).as("the Jenkins signature listings in test resources").isDirectory();
    Map<String, Set<String>> listed = listedMembers();
    List<String> problems = new ArrayList<>();

    for (String type : mirrorTypes()) {
      Set<String> real = listed.get(type);
      if (real == null) {
        if (!KNOWN_UNLISTED_TYPES.contains(type) && !CHECKED_AGAINST_STAPLER.contains(type)) {
          problems.add("type not in the listings: " + type);
        }
        continue;
      }
      for (String member : javapMembers(type, "target/classes")) {
        if (!real.contains(member) && !KNOWN_UNLISTED_MEMBERS.contains(type + ": " + member)) {
          problems.add(type + ": " + member);
        }
      }
    }

    assertThat(problems).isEmpty();
  }

  @Test
  void theUnlistedExceptionsAreStillNeeded() throws IOException {
    assertThat(LISTINGS).as("the Jenkins signature listings in test resources").isDirectory();
    Set<String> types = new HashSet<>(mirrorTypes());

    assertThat(types).containsAll(KNOWN_UNLISTED_TYPES).containsAll(CHECKED_AGAINST_STAPLER);
  }

  @Test
  void mirroredStaplerTypesMatchTheRealStapler() throws Exception {
    Path jar = Path.of(REFERENCE_STAPLER);
    assertThat(jar).as("Stapler 1.263, copied by the build").isRegularFile();
    List<String> problems = new ArrayList<>();
    try (URLClassLoader real = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      for (String type : CHECKED_AGAINST_STAPLER) {
        Set<String> realMembers = new HashSet<>(javapMembers(type, jar.toString()));
        for (String member : javapMembers(type, "target/classes")) {
          if (!realMembers.remove(member)) {
            problems.add(type + ": " + member + " (not in Stapler)");
          }
        }
        realMembers.forEach(member -> problems.add(type + ": " + member + " (in Stapler, not mirrored)"));
        Class<?> mirror = Class.forName(type);
        Class<?> original = Class.forName(type, false, real);
        if (mirror.isAnnotation() && !metaAnnotations(mirror).equals(metaAnnotations(original))) {
          problems.add(type + ": " + metaAnnotations(mirror) + " but Stapler has " + metaAnnotations(original));
        }
      }
    }

    assertThat(problems).isEmpty();
  }

  /** An annotation type's retention and targets, by name (the two classes come from different loaders). */
  private static String metaAnnotations(Class<?> annotation) {
    String retention = "CLASS";
    List<String> targets = new ArrayList<>();
    for (Annotation meta : annotation.getAnnotations()) {
      if (meta.annotationType().getName().equals(Retention.class.getName())) {
        retention = ((Retention) meta).value().name();
      } else if (meta.annotationType().getName().equals(Target.class.getName())) {
        Stream.of(((Target) meta).value()).map(Enum::name).sorted().forEach(targets::add);
      }
    }
    return "@Retention(" + retention + ") @Target(" + targets + ")";
  }

  private static List<String> mirrorTypes() throws IOException {
    Path classes = Path.of("target", "classes");
    List<String> types = new ArrayList<>();
    try (Stream<Path> files = Files.walk(classes)) {
      files
          .filter(file -> file.toString().endsWith(".class"))
          .map(file -> classes.relativize(file).toString().replace('\\', '/'))
          .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.'))
          .forEach(types::add);
    }
    return types;
  }

  private static List<String> javapMembers(String type, String classpath) {
    ToolProvider javap = ToolProvider.findFirst("javap").orElseThrow();
    StringWriter out = new StringWriter();
    int status =
        javap.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "-protected", "-cp", classpath, type);
    assertThat(status).as("javap %s", type).isZero();
    List<String> members = new ArrayList<>();
    for (String line : out.toString().split("\\R")) {
      String member = normalize(line);
      if (line.startsWith("  ") && !member.isEmpty()) {
        members.add(member);
      }
    }
    return members;
  }

  /** Member lines per class from the listings (public and protected sections merged). */
  private static Map<String, Set<String>> listedMembers() throws IOException {
    Pattern header = Pattern.compile("^=+ (\\S+).*$");
    Map<String, Set<String>> members = new HashMap<>();
    for (String file : List.of("api-signatures.txt", "api-signatures-more.txt")) {
      Set<String> current = null;
      for (String line : Files.readAllLines(LISTINGS.resolve(file))) {
        Matcher matcher = header.matcher(line);
        if (matcher.matches()) {
          current = members.computeIfAbsent(matcher.group(1), key -> new HashSet<>());
        } else if (current != null && line.startsWith("  ")) {
          current.add(normalize(line));
        }
      }
    }
    return members;
  }

  private static String normalize(String line) {
    return line.trim()
        .replaceAll(";$", "")
        .replaceAll("\\s+", " ")
        .replace("java/io/IOException", "java.io.IOException")
        .replace("java/lang/InterruptedException", "java.lang.InterruptedException");
  }
}
