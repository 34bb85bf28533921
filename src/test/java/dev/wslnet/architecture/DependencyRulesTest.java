package dev.wslnet.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.wslnet.plan.Kinds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layout the README draws, checked on the compiled classes: a functional core that never
 * touches a machine, one narrow host boundary, and a command line that assembles them.
 */
class DependencyRulesTest {
  /** The package of each kind, as plan.Kinds lists them: a kind added there is checked here. */
  private static final String[] KINDS =
      Kinds.ALL.stream()
          .map(kind -> kind.getClass().getPackageName() + "..")
          .toArray(String[]::new);

  /** Pure functions over values: loading, validating, planning, and what they plan with. */
  private static final String[] CORE = {
    "dev.wslnet.model..",
    "dev.wslnet.diagnostic..",
    "dev.wslnet.config..",
    "dev.wslnet.resource..",
    "dev.wslnet.operation..",
    "dev.wslnet.firewall..",
    "dev.wslnet.plan..",
  };

  /** The core: the packages above and every kind. */
  private static String[] core() {
    return java.util.stream.Stream.concat(
            java.util.Arrays.stream(CORE), java.util.Arrays.stream(KINDS))
        .toArray(String[]::new);
  }

  private static JavaClasses wslnet;

  @BeforeAll
  static void importClasses() {
    wslnet =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.wslnet");
  }

  @Test
  void packagesDependOnEachOtherWithoutCycles() {
    slices().matching("dev.wslnet.(*)..").should().beFreeOfCycles().check(wslnet);
  }

  @Test
  void theCoreNeverReachesAMachineTheCommandLineOrOutput() {
    noClasses()
        .that()
        .resideInAnyPackage(core())
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.wslnet.host",
            "dev.wslnet.host.powershell..",
            "dev.wslnet.host.wsl..",
            "dev.wslnet.host.local..",
            "dev.wslnet.sim..",
            "dev.wslnet.apply..",
            "dev.wslnet.render..",
            "dev.wslnet.cli..")
        .check(wslnet);
  }

  /**
   * The one codec of Windows' forms, which kinds read their observations with and the simulator
   * writes them with: pure functions over values, touching nothing.
   */
  @Test
  void windowsFormsAreValuesOnly() {
    classes()
        .that()
        .resideInAPackage("dev.wslnet.host.windows..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "dev.wslnet.host.windows..", "dev.wslnet.model..", "java..", "tools.jackson..")
        .check(wslnet);
  }

  @Test
  void hostsKnowValuesAndOperationsOnlyNotFilesOrPlans() {
    noClasses()
        .that()
        .resideInAPackage("dev.wslnet.host..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(KINDS)
        .orShould()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.wslnet.config..",
            "dev.wslnet.plan..",
            "dev.wslnet.resource..",
            "dev.wslnet.firewall..",
            "dev.wslnet.apply..",
            "dev.wslnet.render..",
            "dev.wslnet.cli..",
            "dev.wslnet.sim..")
        .check(wslnet);
  }

  @Test
  void validationKnowsNothingOfPlansAndKindsNothingOfPlanning() {
    noClasses()
        .that()
        .resideInAPackage("dev.wslnet.config..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.wslnet.plan..")
        .check(wslnet);
    noClasses()
        .that()
        .resideInAnyPackage(KINDS)
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.wslnet.plan..")
        .check(wslnet);
  }

  @Test
  void applyingDoesNotRender() {
    noClasses()
        .that()
        .resideInAPackage("dev.wslnet.apply..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.wslnet.render..", "dev.wslnet.cli..")
        .check(wslnet);
  }

  /**
   * Planning, applying, rendering and the command line go through ResourceKind and Resource; the
   * only names of kinds outside their packages are the list of kinds, the .wslconfig file that the
   * planner reads for a pending restart and the applier writes, the scheduled task, which no file
   * declares and its own commands manage (schedule, and watch, which starts it), and the simulator,
   * which plays Windows for every kind.
   */
  @Test
  void kindsAreUsedThroughTheirInterfaceOnly() {
    noClasses()
        .that()
        .resideOutsideOfPackages(core())
        .and()
        .resideOutsideOfPackage("dev.wslnet.sim..")
        .and()
        .doNotHaveFullyQualifiedName(Kinds.class.getName())
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            java.util.Arrays.stream(KINDS)
                .filter(
                    kind ->
                        !kind.equals("dev.wslnet.wslconfig..")
                            && !kind.equals("dev.wslnet.scheduledtask.."))
                .toArray(String[]::new))
        .check(wslnet);
  }

  @Test
  void eachKindStandsAlone() {
    for (String kind : KINDS) {
      String[] others =
          java.util.Arrays.stream(KINDS)
              .filter(other -> !other.equals(kind))
              .toArray(String[]::new);
      noClasses()
          .that()
          .resideInAPackage(kind)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(others)
          .check(wslnet);
    }
  }

  @Test
  void whatAKindIsKnowsNoKindAndNoPlan() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.wslnet.resource..", "dev.wslnet.operation..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(KINDS)
        .orShould()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.wslnet.plan..", "dev.wslnet.firewall..", "dev.wslnet.config..")
        .check(wslnet);
  }

  @Test
  void theModelIsValuesOnly() {
    classes()
        .that()
        .resideInAPackage("dev.wslnet.model..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("dev.wslnet.model..", "java..", "tools.jackson..")
        .check(wslnet);
  }

  @Test
  void onlyTheCommandLinePicksTheSimulatedHost() {
    noClasses()
        .that()
        .resideOutsideOfPackages("dev.wslnet.sim..", "dev.wslnet.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.wslnet.sim..")
        .check(wslnet);
  }

  @Test
  void onlyTheCommandLineAndMainWriteToTheConsoleOrExit() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.wslnet.cli..")
        .and()
        .doNotHaveFullyQualifiedName("dev.wslnet.Main")
        .should()
        .accessField(System.class, "out")
        .orShould()
        .accessField(System.class, "err")
        .orShould()
        .callMethod(System.class, "exit", int.class)
        .check(wslnet);
  }

  @Test
  void onlyTheProcessRunnerStartsProcesses() {
    noClasses()
        .that()
        .doNotHaveSimpleName("SystemProcessRunner")
        .should()
        .dependOnClassesThat()
        .belongToAnyOf(ProcessBuilder.class)
        .orShould()
        .callMethodWhere(
            JavaCall.Predicates.target(HasName.Predicates.name("exec"))
                .and(
                    JavaCall.Predicates.target(
                        HasOwner.Predicates.With.owner(
                            JavaClass.Predicates.equivalentTo(Runtime.class)))))
        .check(wslnet);
  }

  @Test
  void nothingButMainDependsOnTheCommandLine() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.wslnet.cli..")
        .and()
        .doNotHaveFullyQualifiedName("dev.wslnet.Main")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.wslnet.cli..")
        .check(wslnet);
  }
}
