package io.celerykit.junit;

import io.celerykit.app.CeleryConfig;
import io.celerykit.app.EventJournal;
import io.celerykit.app.InMemoryCelery;
import io.celerykit.app.InMemoryControl;
import io.celerykit.app.Worker;
import io.celerykit.app.WorkerMode;
import io.celerykit.backend.InMemoryBackend;
import io.celerykit.backend.VirtualClock;
import io.celerykit.result.CeleryApp;
import io.celerykit.wire.CeleryFixtures;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Member;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link CeleryTest}: a fresh {@link InMemoryCelery} per test method
 * (kept in the {@code ExtensionContext.Store}, closed after the test), parameter injection of the
 * app and its parts, failure diagnostics and strict mode. Register it declaratively with
 * {@code @CeleryTest} or programmatically:
 *
 * <pre>{@code
 * @RegisterExtension
 * static CeleryExtension celery = CeleryExtension.builder().resultExtended(true).strict(true).build();
 *
 * @Test
 * void sends() {
 *   InMemoryCelery app = celery.app();
 * }
 * }</pre>
 *
 * <p>Works with {@code @Nested} classes, {@code @ParameterizedTest}, {@code Lifecycle.PER_CLASS} (a
 * class-level app is injected into {@code @BeforeAll} methods and constructors) and JUnit's
 * parallel execution (each test has its own app).
 */
public final class CeleryExtension
    implements BeforeEachCallback,
        AfterEachCallback,
        ParameterResolver,
        TestExecutionExceptionHandler {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(CeleryExtension.class);

  /**
   * The {@code @CeleryTest} found on each test method and class, looked up once per element (the
   * search follows meta-annotations, and a suite asks it again for every test), kept per declaring
   * class so that nothing outlives the class.
   */
  private static final ClassValue<Map<AnnotatedElement, Optional<CeleryTest>>> FOUND =
      new ClassValue<>() {
        @Override
        protected Map<AnnotatedElement, Optional<CeleryTest>> computeValue(Class<?> type) {
          return new ConcurrentHashMap<>();
        }
      };

  private final Settings programmatic;
  private final ThreadLocal<InMemoryCelery> current = new ThreadLocal<>();

  /**
   * Creates the extension for {@code @ExtendWith}/{@code @CeleryTest}: settings from the
   * annotation.
   */
  public CeleryExtension() {
    this(null);
  }

  private CeleryExtension(Settings programmatic) {
    this.programmatic = programmatic;
  }

  /**
   * Starts a programmatic extension for {@code @RegisterExtension}.
   *
   * @return a builder with Celery's defaults
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the app of the test running on this thread (programmatic use).
   *
   * @return the app
   * @throws IllegalStateException outside a test
   */
  public InMemoryCelery app() {
    InMemoryCelery app = current.get();
    if (app == null) {
      throw new IllegalStateException(
          "no celerykit app outside a test method; call app() from a test or @BeforeEach method,"
              + " or take InMemoryCelery as a parameter");
    }
    return app;
  }

  // ---------------------------------------------------------------- lifecycle

  /** Creates the test's app (unless a parameter already did), loads fixtures. */
  @Override
  public void beforeEach(ExtensionContext context) {
    current.set(appFor(context));
  }

  /** Checks strict mode and forgets the thread's app; the store closes the app. */
  @Override
  public void afterEach(ExtensionContext context) {
    current.remove();
    ClosingApp holder = existing(context);
    if (holder == null || !(holder.settings.strict() || holder.settings.failOnUnhandledTasks())) {
      return;
    }
    InMemoryCelery app = holder.app;
    Settings settings = holder.settings;
    if (context.getExecutionException().isPresent()) {
      return;
    }
    String problems = settings.strict() ? StrictCheck.problems(app) : StrictCheck.unhandled(app);
    if (!problems.isEmpty()) {
      throw new AssertionError(problems);
    }
  }

  /** Adds the journal and the result trees to a failing test's report, then rethrows. */
  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable throwable)
      throws Throwable {
    InMemoryCelery app = existingApp(context);
    if (app != null) {
      String report = Diagnostics.report(app);
      context.publishReportEntry("celerykit", report);
      throwable.addSuppressed(new CeleryDiagnostics(report));
    }
    throw throwable;
  }

  // ---------------------------------------------------------------- parameters

  /** Supports the app and its parts. */
  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == InMemoryCelery.class
        || type == CeleryApp.class
        || type == VirtualClock.class
        || type == Worker.class
        || type == InMemoryBackend.class
        || type == InMemoryControl.class
        || type == EventJournal.class;
  }

  /**
   * Resolves the app of the test (or of the class, for class-level methods) or one of its parts.
   */
  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    InMemoryCelery app = appFor(context);
    Class<?> type = parameter.getParameter().getType();
    if (type == InMemoryCelery.class || type == CeleryApp.class) {
      return app;
    }
    if (type == VirtualClock.class) {
      return app.clock();
    }
    if (type == Worker.class) {
      return app.worker();
    }
    if (type == InMemoryBackend.class) {
      return app.backend();
    }
    if (type == InMemoryControl.class) {
      return app.control();
    }
    if (type == EventJournal.class) {
      return app.journal();
    }
    throw new ParameterResolutionException("celerykit cannot inject " + type.getName());
  }

  // ---------------------------------------------------------------- apps

  private InMemoryCelery appFor(ExtensionContext context) {
    ClosingApp holder =
        context
            .getStore(NAMESPACE)
            .getOrComputeIfAbsent(key(context), key -> create(context), ClosingApp.class);
    return holder.app;
  }

  private static InMemoryCelery existingApp(ExtensionContext context) {
    ClosingApp holder = existing(context);
    return holder == null ? null : holder.app;
  }

  private static ClosingApp existing(ExtensionContext context) {
    return context.getStore(NAMESPACE).get(key(context), ClosingApp.class);
  }

  /**
   * Keyed by the context itself (one object for all the callbacks of a test, compared by identity),
   * so a test method never picks up its class's app from a parent store, and no key text is built
   * per callback.
   */
  private static Object key(ExtensionContext context) {
    return context;
  }

  /** Creates the app with the settings found once, kept beside it for the checks after the test. */
  private ClosingApp create(ExtensionContext context) {
    Settings settings = settings(context);
    InMemoryCelery app = InMemoryCelery.create(settings.config());
    for (String fixture : settings.fixtures()) {
      CeleryFixtures.loadResource(app.backend(), fixture);
    }
    return new ClosingApp(app, settings);
  }

  private Settings settings(ExtensionContext context) {
    if (programmatic != null) {
      return programmatic;
    }
    Optional<CeleryTest> annotation = findAnnotation(context);
    return annotation.map(Settings::of).orElseGet(Settings::defaults);
  }

  private static Optional<CeleryTest> findAnnotation(ExtensionContext context) {
    for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
      Optional<AnnotatedElement> element = c.getElement();
      if (element.isPresent()) {
        Optional<CeleryTest> found = celeryTestOn(element.get());
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<CeleryTest> celeryTestOn(AnnotatedElement element) {
    Class<?> owner =
        element instanceof Class<?> type
            ? type
            : element instanceof Member member ? member.getDeclaringClass() : null;
    if (owner == null) {
      return AnnotationSupport.findAnnotation(element, CeleryTest.class);
    }
    return FOUND
        .get(owner)
        .computeIfAbsent(element, e -> AnnotationSupport.findAnnotation(e, CeleryTest.class));
  }

  /** Closes the app when JUnit closes the store. */
  private static final class ClosingApp implements ExtensionContext.Store.CloseableResource {
    final InMemoryCelery app;
    final Settings settings;

    ClosingApp(InMemoryCelery app, Settings settings) {
      this.app = app;
      this.settings = settings;
    }

    @Override
    public void close() {
      app.close();
    }
  }

  /** What the extension sets up. */
  record Settings(
      boolean eager,
      boolean trackStarted,
      boolean resultExtended,
      boolean threaded,
      boolean strict,
      boolean failOnUnhandledTasks,
      List<String> fixtures,
      CeleryConfig base) {

    /** Nothing switched on, no fixtures, Celery's default config. */
    static Settings defaults() {
      return new Settings(
          false, false, false, false, false, false, List.of(), CeleryConfig.defaults());
    }

    static Settings of(CeleryTest a) {
      return new Settings(
          a.eager(),
          a.trackStarted(),
          a.resultExtended(),
          a.threaded(),
          a.strict(),
          a.failOnUnhandledTasks(),
          Arrays.asList(a.fixtures()),
          CeleryConfig.defaults());
    }

    CeleryConfig config() {
      CeleryConfig c = base.trackResults(true);
      if (eager) {
        c = c.taskAlwaysEager(true).taskEagerPropagates(true);
      }
      if (trackStarted) {
        c = c.taskTrackStarted(true);
      }
      if (resultExtended) {
        c = c.resultExtended(true);
      }
      if (threaded) {
        c = c.workerMode(WorkerMode.THREADED);
      }
      return c;
    }
  }

  /** Builds a programmatic {@link CeleryExtension}. */
  public static final class Builder {
    private boolean eager;
    private boolean trackStarted;
    private boolean resultExtended;
    private boolean threaded;
    private boolean strict;
    private boolean failOnUnhandledTasks;
    private List<String> fixtures = List.of();
    private CeleryConfig base = CeleryConfig.defaults();

    private Builder() {}

    /**
     * Starts from these settings instead of Celery's defaults.
     *
     * @param config the settings
     * @return this builder
     */
    public Builder config(CeleryConfig config) {
      base = Objects.requireNonNull(config, "config");
      return this;
    }

    /**
     * Sets {@code task_always_eager} and {@code task_eager_propagates}.
     *
     * @param on the setting
     * @return this builder
     */
    public Builder eager(boolean on) {
      eager = on;
      return this;
    }

    /**
     * Sets {@code task_track_started}.
     *
     * @param on the setting
     * @return this builder
     */
    public Builder trackStarted(boolean on) {
      trackStarted = on;
      return this;
    }

    /**
     * Sets {@code result_extended}.
     *
     * @param on the setting
     * @return this builder
     */
    public Builder resultExtended(boolean on) {
      resultExtended = on;
      return this;
    }

    /**
     * Runs the worker on real threads.
     *
     * @param on the setting
     * @return this builder
     */
    public Builder threaded(boolean on) {
      threaded = on;
      return this;
    }

    /**
     * Fails tests that leave results unconsumed, stubs unused or sent tasks unhandled, listing
     * them.
     *
     * @param on the setting
     * @return this builder
     */
    public Builder strict(boolean on) {
      strict = on;
      return this;
    }

    /**
     * Fails tests that send tasks no body or stub outcome ever handles (the worker never reached
     * them, or a {@code neverRuns()} stub holds them), listing each with the reason, as WireMock's
     * {@code failOnUnmatchedRequests}; {@link #strict(boolean)} includes it.
     *
     * @param on the setting
     * @return this builder
     */
    public Builder failOnUnhandledTasks(boolean on) {
      failOnUnhandledTasks = on;
      return this;
    }

    /**
     * Loads fixture resources into the backend before each test.
     *
     * @param resources class path resource names
     * @return this builder
     */
    public Builder fixtures(String... resources) {
      List<String> all = new ArrayList<>(fixtures);
      all.addAll(Arrays.asList(resources));
      fixtures = List.copyOf(all);
      return this;
    }

    /**
     * Builds the extension.
     *
     * @return the extension
     */
    public CeleryExtension build() {
      return new CeleryExtension(
          new Settings(
              eager,
              trackStarted,
              resultExtended,
              threaded,
              strict,
              failOnUnhandledTasks,
              fixtures,
              base));
    }
  }
}
