package dev.aegis.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.Extension;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.lang.reflect.Constructor;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import net.java.sezpoz.impl.SerAnnotatedElement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Opens the built {@code target/aegis.hpi} and checks what a real Jenkins 2.479.3 reads from it. */
class HpiPackagingIT {
  private static final String PLUGIN_JAR = "WEB-INF/lib/aegis-jenkins-plugin.jar";
  private static final Set<String> EXTENSIONS =
      Set.of(
          "dev.aegis.jenkins.AegisStep$DescriptorImpl",
          "dev.aegis.jenkins.AegisGlobalConfiguration",
          "dev.aegis.jenkins.AegisScan",
          "dev.aegis.jenkins.AegisWebhook",
          "dev.aegis.jenkins.AegisWebhookCrumbExclusion");
  /** Jenkins core, its libraries, the API mirror and build-only jars: never bundled. */
  private static final List<String> FORBIDDEN_JAR_PREFIXES =
      List.of(
          "aegis-jenkins-api", "sezpoz", "jakarta.servlet", "javax.servlet", "jenkins-core", "remoting", "stapler",
          "symbol-annotation", "annotation-indexer", "json-lib", "guava", "slf4j", "jcl-over-slf4j", "commons-io",
          "commons-lang-", "commons-codec", "commons-beanutils", "commons-collections", "commons-fileupload",
          "spring-", "groovy", "xstream", "jelly", "junit", "assertj", "credentials", "plain-credentials",
          "workflow-",
          // test-only: the fakes and the CLI the step is compared with
          "aegis-testkit", "aegis-action-runner", "picocli", "swagger-request-validator", "graphql-java");
  /** Packages that belong to Jenkins and its plugins; a bundled copy would shadow or clash with theirs. */
  private static final List<String> FORBIDDEN_PACKAGES =
      List.of(
          "hudson/", "jenkins/", "org/jenkinsci/", "org/kohsuke/stapler/", "com/cloudbees/", "net/sf/json/",
          "org/springframework/", "jakarta/servlet/", "javax/servlet/", "net/java/sezpoz/");

  private static ZipFile hpi;

  @BeforeAll
  static void open() throws IOException {
    hpi = new ZipFile(System.getProperty("aegis.hpi", "target/aegis.hpi"));
  }

  @Test
  void manifestDeclaresThePluginForJenkins2479() throws IOException {
    Attributes main = manifest().getMainAttributes();

    assertThat(main.getValue("Manifest-Version")).isEqualTo("1.0");
    assertThat(main.getValue("Short-Name")).isEqualTo("aegis");
    assertThat(main.getValue("Long-Name")).isNotBlank();
    assertThat(main.getValue("Plugin-Version")).isEqualTo(System.getProperty("aegis.version"));
    assertThat(main.getValue("Jenkins-Version")).isEqualTo("2.479.3");
    assertThat(main.getValue("Group-Id")).isEqualTo("dev.aegis");
    assertThat(main.getValue("Minimum-Java-Version")).isEqualTo("17");
    assertThat(main.getValue("Plugin-Dependencies").split(","))
        .containsExactlyInAnyOrder(
            "workflow-step-api:686.v603d058a_e148",
            "credentials:1405.vb_cda_74a_f8974",
            "plain-credentials:183.va_de8f1dd5a_2b_");
    assertThat(main.getValue("Mask-Classes")).isNull();
    assertThat(main.getValue("Plugin-ClassLoader-Delegation")).isNull();
  }

  @Test
  void pluginJarManifestNamesThePluginSoJenkinsClassFilterTrustsIt() throws IOException {
    try (JarInputStream jar = new JarInputStream(hpi.getInputStream(hpi.getEntry(PLUGIN_JAR)))) {
      Attributes main = jar.getManifest().getMainAttributes();

      assertThat(main.getValue("Short-Name")).isEqualTo("aegis");
      assertThat(main.getValue("Plugin-Version")).isEqualTo(System.getProperty("aegis.version"));
    }
  }

  @Test
  void extensionIndexListsEveryExtension() throws Exception {
    Set<String> indexed = indexedExtensions();
    Set<String> annotated = new TreeSet<>();
    for (String className : pluginClasses()) {
      Class<?> type = Class.forName(className, false, getClass().getClassLoader());
      if (type.isAnnotationPresent(Extension.class)) {
        annotated.add(className);
      }
    }

    assertThat(indexed).isEqualTo(EXTENSIONS);
    assertThat(annotated).isEqualTo(indexed);
  }

  @Test
  void pluginJarHoldsClassesViewsAndHelp() throws IOException {
    Set<String> entries = pluginJarEntries();

    assertThat(entries)
        .contains(
            "dev/aegis/jenkins/AegisStep.class",
            "dev/aegis/jenkins/AegisStep/config.jelly",
            "dev/aegis/jenkins/AegisStep/help-command.html",
            "dev/aegis/jenkins/AegisGlobalConfiguration/config.jelly",
            "dev/aegis/jenkins/AegisGlobalConfiguration/help-scanPeriodMinutes.html",
            "index.jelly");
  }

  @Test
  void dataBoundParametersKeepTheirNames() throws Exception {
    Constructor<?> constructor =
        Class.forName("dev.aegis.jenkins.AegisStep", false, getClass().getClassLoader()).getConstructor(String.class);

    assertThat(constructor.getParameters()[0].isNamePresent()).isTrue();
    assertThat(constructor.getParameters()[0].getName()).isEqualTo("command");
  }

  @Test
  void coreAndItsRuntimeLibrariesAreBundled() {
    assertThat(bundledJars())
        .anyMatch(name -> name.startsWith("aegis-core-"))
        .anyMatch(name -> name.startsWith("github-api-"))
        .anyMatch(name -> name.startsWith("jackson-databind-"))
        .anyMatch(name -> name.startsWith("jackson-core-"))
        .anyMatch(name -> name.startsWith("jackson-annotations-"))
        .anyMatch(name -> name.startsWith("jackson-dataformat-yaml-"))
        .anyMatch(name -> name.startsWith("snakeyaml-"))
        .anyMatch(name -> name.startsWith("okhttp-"))
        .anyMatch(name -> name.startsWith("okio-jvm-"))
        .anyMatch(name -> name.startsWith("kotlin-stdlib-"))
        .anyMatch(name -> name.startsWith("commons-lang3-"));
  }

  @Test
  void noJenkinsProvidedLibraryIsBundled() {
    assertThat(bundledJars()).noneMatch(name -> FORBIDDEN_JAR_PREFIXES.stream().anyMatch(name::startsWith));
  }

  @Test
  void noMirroredApiClassNorJenkinsPackageIsBundled() throws Exception {
    Set<String> mirrored = mirroredApiClasses();
    assertThat(mirrored).contains("hudson/Extension.class", "jenkins/model/Jenkins.class");

    for (String jar : bundledJars()) {
      for (String entry : entriesOf("WEB-INF/lib/" + jar)) {
        assertThat(mirrored).as("%s bundles a mirrored class", jar).doesNotContain(entry);
        assertThat(FORBIDDEN_PACKAGES).as("%s bundles %s", jar, entry).noneMatch(entry::startsWith);
      }
    }
    assertThat(hpi.stream().map(ZipEntry::getName)).noneMatch(name -> name.startsWith("WEB-INF/classes/"));
  }

  private static Manifest manifest() throws IOException {
    try (InputStream in = hpi.getInputStream(hpi.getEntry("META-INF/MANIFEST.MF"))) {
      return new Manifest(in);
    }
  }

  private static List<String> bundledJars() {
    return hpi.stream()
        .map(ZipEntry::getName)
        .filter(name -> name.startsWith("WEB-INF/lib/") && name.endsWith(".jar"))
        .map(name -> name.substring("WEB-INF/lib/".length()))
        .collect(Collectors.toList());
  }

  private static Set<String> pluginJarEntries() throws IOException {
    assertThat(hpi.getEntry(PLUGIN_JAR)).as(PLUGIN_JAR).isNotNull();
    return entriesOf(PLUGIN_JAR);
  }

  private static Set<String> entriesOf(String jarInHpi) throws IOException {
    Set<String> names = new TreeSet<>();
    try (JarInputStream jar = new JarInputStream(hpi.getInputStream(hpi.getEntry(jarInHpi)))) {
      for (JarEntry entry = jar.getNextJarEntry(); entry != null; entry = jar.getNextJarEntry()) {
        names.add(entry.getName());
      }
    }
    return names;
  }

  private static List<String> pluginClasses() throws IOException {
    List<String> classes = new ArrayList<>();
    for (String entry : pluginJarEntries()) {
      if (entry.endsWith(".class")) {
        classes.add(entry.substring(0, entry.length() - ".class".length()).replace('/', '.'));
      }
    }
    return classes;
  }

  /** Reads SezPoz's serialized index as Jenkins does, without loading the indexed classes. */
  private static Set<String> indexedExtensions() throws IOException, ClassNotFoundException {
    Set<String> names = new TreeSet<>();
    try (JarInputStream jar = new JarInputStream(hpi.getInputStream(hpi.getEntry(PLUGIN_JAR)))) {
      for (JarEntry entry = jar.getNextJarEntry(); entry != null; entry = jar.getNextJarEntry()) {
        if (entry.getName().equals("META-INF/annotations/hudson.Extension")) {
          ObjectInputStream in = new ObjectInputStream(jar);
          for (Object item = in.readObject(); item != null; item = in.readObject()) {
            names.add(((SerAnnotatedElement) item).className);
          }
          return names;
        }
      }
    }
    throw new AssertionError("no META-INF/annotations/hudson.Extension in " + PLUGIN_JAR);
  }

  /** Every class file of the jenkins-api mirror, wherever Maven put it (directory or jar). */
  private static Set<String> mirroredApiClasses() throws IOException, URISyntaxException {
    Path location = Path.of(Extension.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Set<String> names = new TreeSet<>();
    if (Files.isDirectory(location)) {
      try (Stream<Path> files = Files.walk(location)) {
        files
            .filter(file -> file.toString().endsWith(".class"))
            .forEach(file -> names.add(location.relativize(file).toString().replace('\\', '/')));
      }
    } else {
      try (ZipFile jar = new ZipFile(location.toFile())) {
        jar.stream().map(ZipEntry::getName).filter(name -> name.endsWith(".class")).forEach(names::add);
      }
    }
    return names;
  }
}
