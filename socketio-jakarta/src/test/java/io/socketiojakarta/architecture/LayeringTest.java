package io.socketiojakarta.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The package layering of the library (house style section 1): arrows point down, the engine knows
 * nothing of Socket.IO nor of the container, bindings are thin, nothing imports config. Rules for
 * layers that do not exist yet are kept so that they hold from the first class on.
 */
class LayeringTest {
  private static JavaClasses library;

  @BeforeAll
  static void importLibrary() {
    library =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.socketiojakarta");
  }

  static Stream<Arguments> rules() {
    return Stream.of(
        Arguments.of("engine uses the JDK only", engineUsesTheJdkOnly),
        Arguments.of("parser knows no runtime", parserKnowsNoRuntime),
        Arguments.of("json is the only JSON-B user", jsonIsTheOnlyJsonBindingUser),
        Arguments.of("json stands alone", jsonStandsAlone),
        Arguments.of("spi stands on the API alone", spiStandsOnTheApiAlone),
        Arguments.of("core knows no container", coreKnowsNoContainer),
        Arguments.of("polling binding is thin", pollingBindingIsThin),
        Arguments.of("websocket binding is thin", webSocketBindingIsThin),
        Arguments.of("cdi knows no wire", cdiKnowsNoWire),
        Arguments.of("public API hides internals", publicApiHidesInternals),
        Arguments.of("nothing imports config", nothingImportsConfig));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void layerRuleHolds(String name, ArchRule rule) {
    rule.check(library);
  }

  private static final String BASE = "io.socketiojakarta";
  private static final String ENGINE = BASE + ".engine..";
  private static final String PARSER = BASE + ".parser..";
  private static final String JSON = BASE + ".json..";
  private static final String CORE = BASE + ".core..";
  private static final String SPI = BASE + ".spi..";
  private static final String POLLING = BASE + ".transport.polling..";
  private static final String WEBSOCKET = BASE + ".transport.websocket..";
  private static final String CDI = BASE + ".cdi..";
  private static final String CONFIG = BASE + ".config..";
  private static final String ANNOTATION = BASE + ".annotation..";

  static final ArchRule engineUsesTheJdkOnly =
      classes()
          .that()
          .resideInAPackage(ENGINE)
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(ENGINE, "java..")
          .because("the engine is Engine.IO on the JDK alone");

  static final ArchRule parserKnowsNoRuntime =
      noClasses()
          .that()
          .resideInAPackage(PARSER)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              ENGINE,
              CORE,
              SPI,
              POLLING,
              WEBSOCKET,
              CDI,
              CONFIG,
              "jakarta.servlet..",
              "jakarta.websocket..")
          .allowEmptyShould(true);

  static final ArchRule jsonIsTheOnlyJsonBindingUser =
      noClasses()
          .that()
          .resideOutsideOfPackage(JSON)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("jakarta.json..")
          .allowEmptyShould(true);

  static final ArchRule jsonStandsAlone =
      noClasses()
          .that()
          .resideInAPackage(JSON)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(ENGINE, PARSER, CORE, SPI, POLLING, WEBSOCKET, CDI, CONFIG)
          .allowEmptyShould(true);

  static final ArchRule spiStandsOnTheApiAlone =
      noClasses()
          .that()
          .resideInAPackage(SPI)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(ENGINE, CORE, POLLING, WEBSOCKET, CDI, CONFIG)
          .allowEmptyShould(true);

  static final ArchRule coreKnowsNoContainer =
      noClasses()
          .that()
          .resideInAPackage(CORE)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              POLLING, WEBSOCKET, CDI, CONFIG, "jakarta.servlet..", "jakarta.websocket..")
          .allowEmptyShould(true);

  static final ArchRule pollingBindingIsThin =
      noClasses()
          .that()
          .resideInAPackage(POLLING)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              PARSER, CORE, SPI, CDI, CONFIG, WEBSOCKET, JSON, "jakarta.websocket..")
          .because("a container binding turns servlet I/O into engine calls, nothing more");

  static final ArchRule webSocketBindingIsThin =
      noClasses()
          .that()
          .resideInAPackage(WEBSOCKET)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(PARSER, CORE, SPI, CDI, CONFIG, POLLING, JSON, "jakarta.servlet..")
          .because("a container binding turns WebSocket I/O into engine calls, nothing more");

  static final ArchRule cdiKnowsNoWire =
      noClasses()
          .that()
          .resideInAPackage(CDI)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(ENGINE, PARSER, POLLING, WEBSOCKET)
          .allowEmptyShould(true);

  static final ArchRule publicApiHidesInternals =
      noClasses()
          .that()
          .resideInAnyPackage(BASE, ANNOTATION)
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(ENGINE, PARSER, JSON, CORE, POLLING, WEBSOCKET, CDI, CONFIG)
          .allowEmptyShould(true);

  static final ArchRule nothingImportsConfig =
      noClasses()
          .that()
          .resideOutsideOfPackage(CONFIG)
          .should()
          .dependOnClassesThat()
          .resideInAPackage(CONFIG);
}
