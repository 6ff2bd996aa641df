package dev.aegis.core.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the engine's packages layered: model and policy know nothing of the loop; no host types in core. */
class EngineArchitectureTest {
  static JavaClasses classes;

  @BeforeAll
  static void load() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.aegis.core");
  }

  @Test
  void modelClientsDependOnNeitherTheLoopNorPolicyNorAudit() {
    noClasses().that().resideInAPackage("dev.aegis.core.model..").should().dependOnClassesThat()
        .resideInAnyPackage("dev.aegis.core.agent..", "dev.aegis.core.policy..", "dev.aegis.core.audit..")
        .check(classes);
  }

  @Test
  void policyAndAuditDoNotDependOnTheLoop() {
    noClasses().that().resideInAnyPackage("dev.aegis.core.policy..", "dev.aegis.core.audit..").should()
        .dependOnClassesThat().resideInAPackage("dev.aegis.core.agent..").check(classes);
  }

  @Test
  void coreHasNoCliOrJenkinsTypes() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("picocli..", "hudson..", "jenkins..")
        .check(classes);
  }
}
