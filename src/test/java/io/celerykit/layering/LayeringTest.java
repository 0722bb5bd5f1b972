package io.celerykit.layering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The library's packages depend on each other only as docs/ARCHITECTURE.md's table says. */
class LayeringTest {

  private static final JavaClasses LIBRARY =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.celerykit");

  @Test
  void theLibraryFollowsTheLayeringTable() {
    assertThat(LIBRARY.size()).as("classes imported").isGreaterThan(100);
    Layering.rules("io.celerykit").check(LIBRARY);
  }

  @Test
  void aResultClassThatImportsTheAppBreaksTheRule() {
    JavaClasses fixture = new ClassFileImporter().importPackages("io.celerykit.layering.fixture");
    assertThatThrownBy(() -> Layering.rules("io.celerykit.layering.fixture").check(fixture))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("classes of io.celerykit.layering.fixture.result use only")
        .hasMessageContaining("WrongImport")
        .hasMessageContaining("fixture.app.SomeApp");
  }

  @Test
  void everyPackageOfTheLibraryIsInTheTable() {
    LIBRARY.stream()
        .map(c -> c.getPackageName().substring("io.celerykit.".length()).split("\\.")[0])
        .distinct()
        .forEach(p -> assertThat(Layering.MAY_USE).as("the table").containsKey(p));
  }
}
