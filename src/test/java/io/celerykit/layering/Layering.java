package io.celerykit.layering;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * celerykit's package layering as rules, for any root package (so that the rules can be checked
 * against deliberately wrong fixtures too). The table is the one in docs/ARCHITECTURE.md.
 */
final class Layering {
  private Layering() {}

  /** Each package and the celerykit packages it may use besides itself. */
  static final Map<String, List<String>> MAY_USE = table();

  private static Map<String, List<String>> table() {
    Map<String, List<String>> t = new LinkedHashMap<>();
    t.put("graph", List.of("internal"));
    t.put("result", List.of("graph", "internal"));
    t.put("backend", List.of("result", "internal"));
    t.put("wire", List.of("result", "internal"));
    t.put("app", List.of("result", "backend", "graph", "wire", "internal"));
    t.put("junit", List.of("app", "backend", "result", "wire", "graph", "internal"));
    t.put("assertj", List.of("app", "result", "graph", "internal"));
    t.put("awaitility", List.of("app", "result"));
    t.put("mockito", List.of("app", "result"));
    t.put("internal", List.of("result", "graph"));
    return t;
  }

  /**
   * Returns the rules for a root package: each package uses only the packages the table allows (and
   * anything outside the root), so that nothing imports {@code junit}, {@code assertj} or the
   * adapters and {@code internal} is used from inside only.
   *
   * @param root the root package, {@code io.celerykit} for the library
   * @return one rule holding them all
   */
  static ArchRule rules(String root) {
    List<ArchRule> rules = new ArrayList<>();
    for (Map.Entry<String, List<String>> entry : MAY_USE.entrySet()) {
      List<String> allowed = new ArrayList<>();
      allowed.add(root + "." + entry.getKey() + "..");
      for (String other : entry.getValue()) {
        allowed.add(root + "." + other + "..");
      }
      rules.add(
          classes()
              .that()
              .resideInAPackage(root + "." + entry.getKey() + "..")
              .should()
              .onlyDependOnClassesThat(
                  resideOutsideOfPackage(root + "..")
                      .or(resideInAnyPackage(allowed.toArray(String[]::new))))
              .as(
                  "classes of "
                      + root
                      + "."
                      + entry.getKey()
                      + " use only "
                      + (entry.getValue().isEmpty() ? "themselves" : entry.getValue()))
              .allowEmptyShould(true));
    }
    return CompositeArchRule.of(rules);
  }
}
