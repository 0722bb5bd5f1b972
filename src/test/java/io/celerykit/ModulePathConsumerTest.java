package io.celerykit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.celerykit.app.InMemoryCelery;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A modular application that requires only {@code io.celerykit} (and, through it, Jackson) compiles
 * and runs on the module path: the optional integrations (JUnit, AssertJ, Mockito) are {@code
 * requires static}, so a consumer without them is not asked for them.
 */
class ModulePathConsumerTest {

  private static final String MODULE_INFO = "module consumer { requires io.celerykit; }\n";

  private static final String MAIN =
      String.join(
          "\n",
          "package consumer;",
          "import io.celerykit.app.InMemoryCelery;",
          "import io.celerykit.app.Task;",
          "public class Main {",
          "  public static void main(String[] args) {",
          "    try (InMemoryCelery app = InMemoryCelery.create()) {",
          "      Task<Integer> add = app.task(\"tasks.add\", (Integer x, Integer y) -> x + y);",
          "      System.out.println(\"sum=\" + add.delay(2, 3).get());",
          "    }",
          "  }",
          "}",
          "");

  @Test
  void aConsumerWithOnlyCelerykitAndJacksonCompilesAndRunsOnTheModulePath(@TempDir Path dir)
      throws Exception {
    Path src = dir.resolve("src/consumer");
    Files.createDirectories(src);
    Files.writeString(dir.resolve("src/module-info.java"), MODULE_INFO);
    Files.writeString(src.resolve("Main.java"), MAIN);
    Path out = dir.resolve("out");
    String modulePath = modulePath();

    String compiled =
        run(
            "javac",
            "--module-path",
            modulePath,
            "-d",
            out.toString(),
            dir.resolve("src/module-info.java").toString(),
            src.resolve("Main.java").toString());
    assertThat(compiled).as("javac's output").isEmpty();

    String output =
        run(
            "java",
            "--module-path",
            out + File.pathSeparator + modulePath,
            "-m",
            "consumer/consumer.Main");
    assertThat(output).contains("sum=5");
  }

  /** Runs a tool of this JDK, expects exit code 0, returns what it printed. */
  private static String run(String tool, String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", tool).toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished", tool).isTrue();
    assertThat(process.exitValue()).as("%s exit code; output:%n%s", tool, output).isZero();
    return output;
  }

  /** celerykit's classes and Jackson's three jars, nothing else. */
  private static String modulePath() throws URISyntaxException, IOException {
    List<Class<?>> anchors =
        List.of(InMemoryCelery.class, ObjectMapper.class, JsonFactory.class, JsonAutoDetect.class);
    StringBuilder path = new StringBuilder();
    for (Class<?> anchor : anchors) {
      Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
      assertThat(Files.exists(location)).as("%s exists", location).isTrue();
      path.append(path.length() == 0 ? "" : File.pathSeparator).append(location);
    }
    return path.toString();
  }
}
