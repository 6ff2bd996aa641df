package dev.aegis.core.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.aegis.core.json.Mappers;

/** Keeps the core reusable by every host: no Jenkins, no CLI framework, no host-specific types. */
@AnalyzeClasses(packages = "dev.aegis.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule coreDoesNotDependOnJenkins = noClasses()
      .should().dependOnClassesThat().resideInAnyPackage(
          "hudson..", "jenkins..", "org.jenkinsci..", "org.kohsuke.stapler..", "net.sf.json..")
      .because("the core runs in the GitHub Action and the CLI too");

  @ArchTest
  static final ArchRule coreDoesNotDependOnTheCliFramework = noClasses()
      .should().dependOnClassesThat().resideInAnyPackage("picocli..")
      .because("hosts translate their world into core calls, not the other way round");

  @ArchTest
  static final ArchRule coreDoesNotDependOnHostModules = noClasses()
      .should().dependOnClassesThat().resideInAnyPackage("dev.aegis.cli..", "dev.aegis.jenkins..");

  @ArchTest
  static final ArchRule channelsKnowNothingOfTheRunsTheyReport = noClasses()
      .that().resideInAPackage("dev.aegis.core.channel..")
      .should().dependOnClassesThat().resideInAnyPackage("dev.aegis.core.flow..", "dev.aegis.core.host..",
          "dev.aegis.core.tracker..", "dev.aegis.core.agent..")
      .because("a channel gets a redacted RunEvent and sends it; the flow decides what happened and when");

  @ArchTest
  static final ArchRule mailIsSentOnlyByTheEmailChannel = noClasses()
      .that().resideOutsideOfPackage("dev.aegis.core.channel..")
      .should().dependOnClassesThat().resideInAnyPackage("jakarta.mail..")
      .because("one place speaks SMTP");

  @ArchTest
  static final ArchRule coreNeverExitsTheProcess = noClasses()
      .should().callMethod(System.class, "exit", int.class)
      .because("only a host decides the process exit code");

  @ArchTest
  static final ArchRule onlyMappersBuildsAJacksonMapper = noClasses()
      .that().doNotBelongToAnyOf(Mappers.class)
      .should().callConstructorWhere(DescribedPredicate.describe("builds a Jackson ObjectMapper",
          (JavaConstructorCall call) -> call.getTargetOwner().isAssignableTo(ObjectMapper.class)))
      .because("a mapper is costly to build and thread-safe once configured: share Mappers.JSON or Mappers.YAML");

  @ArchTest
  static final ArchRule noOneReconfiguresASharedMapper = noClasses()
      .should().callMethodWhere(DescribedPredicate.describe("reconfigures a Jackson ObjectMapper",
          (JavaMethodCall call) -> call.getTargetOwner().isAssignableTo(ObjectMapper.class)
              && call.getName().matches("configure|enable|disable|set.*|register.*|findAndRegisterModules"
                  + "|addMixIn|addHandler|clearProblemHandlers|activateDefaultTyping.*|deactivateDefaultTyping"
                  + "|coercionConfig.*|configOverride")))
      .because("the shared mappers are configuration for every caller; use JSON.reader(..) or JSON.writer(..)");
}
