package io.celerykit.app;

import io.celerykit.result.AsyncResult;
import io.celerykit.result.CeleryApp;
import io.celerykit.result.ChordException;
import io.celerykit.result.EagerResult;
import io.celerykit.result.GroupResult;
import io.celerykit.result.RemoteTaskException;
import io.celerykit.result.ResultBase;
import io.celerykit.result.TaskMeta;
import io.celerykit.result.TaskState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * One sending of a canvas. Internal. {@link #build} freezes an element into a tree of nodes, each
 * with its ids assigned (Celery's {@code freeze()} / {@code prepare_steps}); {@link Node#send}
 * starts a node; the rest happens in completion listeners that the worker calls when a task's run
 * ends (the next chain step, a chord's counting, failure propagation).
 *
 * <p>Every node can: start with partial arguments; report its completion (SUCCESS with its value,
 * or a failure); take a group id (which lands on the task that decides its completion); be failed
 * without running (a chain's remaining steps after a failure); and build its result given the
 * result of what came before it.
 */
final class CanvasRun {

  /** How a node ended: its state, its value (or exception), and the id that reported it. */
  record Done(TaskState state, Object value, String id) {
    boolean ok() {
      return state.equals(TaskState.SUCCESS);
    }
  }

  private final InMemoryCelery app;
  private final boolean eager;

  private CanvasRun(InMemoryCelery app) {
    this.app = app;
    this.eager = app.config().taskAlwaysEager();
  }

  /** Freezes and sends an element; returns its result. */
  static ResultBase apply(CanvasElement element, List<?> args) {
    java.util.Objects.requireNonNull(args, "args (use List.of() for none)");
    return appOf(element).applyCanvas(element, args);
  }

  /** Freezes and sends an element on the in-memory app; returns its result. */
  static ResultBase applyInMemory(InMemoryCelery app, CanvasElement element, List<?> args) {
    CanvasRun run = new CanvasRun(app);
    Node node = run.build(element);
    node.send(args, true);
    return node.result(null);
  }

  /**
   * Tells whether the element's result is a group result (a group, or a chain/chord ending in one).
   */
  /**
   * Sends an element whose result must be a single task's ({@code delay}/{@code applyAsync()} of
   * chains and chords), failing before anything is sent when it would be a group's.
   */
  @SuppressWarnings("unchecked")
  static <T> AsyncResult<T> applyForTaskResult(CanvasElement element, Object[] args) {
    Objects.requireNonNull(args, "args");
    if (endsWithGroup(element)) {
      throw new IllegalStateException(
          "this "
              + (element instanceof Chord ? "chord's body" : "chain's last step")
              + " is a group, so its result is a GroupResult, not an AsyncResult; call"
              + " applyAsync(List.of(...)) and cast to GroupResult: "
              + element);
    }
    return (AsyncResult<T>) element.applyAsync(Arrays.asList(args));
  }

  static boolean endsWithGroup(CanvasElement element) {
    CanvasElement e = element;
    while (true) {
      if (e instanceof Group) {
        return true;
      } else if (e instanceof Chain c) {
        e = c.tasks().get(c.tasks().size() - 1);
      } else if (e instanceof Chord c) {
        e = c.body();
      } else {
        return false;
      }
    }
  }

  /** Finds the app of the canvas's signatures; they must all have the same one. */
  static Celery appOf(CanvasElement root) {
    Celery found = null;
    Deque<CanvasElement> todo = new ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty()) {
      CanvasElement e = todo.pop();
      if (e instanceof Signature s) {
        if (found == null) {
          found = s.app();
        } else if (found != s.app()) {
          throw new IllegalArgumentException(
              "the canvas mixes signatures of two apps ("
                  + found
                  + " and "
                  + s.app()
                  + "); make every signature from tasks of the same app");
        }
      } else if (e instanceof Group g) {
        g.tasks().forEach(todo::push);
      } else if (e instanceof Chain c) {
        c.tasks().forEach(todo::push);
      } else if (e instanceof Chord c) {
        todo.push(c.body());
        todo.push(c.header());
      }
    }
    if (found == null) {
      throw new IllegalArgumentException(
          root
              + " holds no task signature, so it has no app to send to; an empty group cannot"
              + " be sent on its own (a chord with an empty header can: its body is a signature)");
    }
    return found;
  }

  // ---------------------------------------------------------------- freezing

  /** Freezes an element: builds its node, assigning every id now, in canvas order. */
  Node build(CanvasElement element) {
    if (element instanceof Signature s) {
      return new TaskNode(s);
    } else if (element instanceof Group g) {
      return new GroupNode(g.tasks());
    } else if (element instanceof Chain c) {
      return new ChainNode(c.tasks());
    } else {
      Chord c = (Chord) element;
      return new ChordNode(c.header(), c.body());
    }
  }

  /** A frozen canvas element. */
  abstract static class Node {
    /** Starts the node with partial arguments; sent from a task, adds its result as a child. */
    abstract void send(List<?> args, boolean addToParent);

    /** Calls the listener once, when the node is done. Register before sending. */
    abstract void onComplete(Consumer<Done> listener);

    /** Gives the node the group id of the group it is a member of. */
    abstract void joinGroup(String groupId);

    /** Stores every task of a node that will never run as failed, and reports completion. */
    abstract void fail(TaskState state, Object exception);

    /** Builds the node's result, given the result of what ran before it. */
    abstract ResultBase result(ResultBase parent);
  }

  private static List<Object> one(Object value) {
    return Collections.singletonList(value);
  }

  // ---------------------------------------------------------------- task

  /** One task: a signature with a preassigned id. */
  final class TaskNode extends Node {
    private final Signature sig;
    private final String id;
    private List<Consumer<Done>> listeners = List.of();
    private String groupId;
    private boolean completed;
    private volatile EagerResult<?> ran;
    private volatile EagerResult<?> failedUnsent;

    TaskNode(Signature sig) {
      this.sig = sig;
      String preset = sig.options().taskId();
      this.id = preset != null ? preset : app.newId();
    }

    @Override
    void send(List<?> args, boolean addToParent) {
      Signature s = sig;
      for (int i = args.size() - 1; i >= 0; i--) {
        s = s.withPrepended(args.get(i));
      }
      AsyncResult<Object> sent =
          app.send(
              sig.taskName(),
              s.args(),
              s.kwargs(),
              sig.options().taskId(id),
              groupId,
              null,
              listeners.isEmpty() ? List.of() : List.of(this::completed),
              addToParent);
      if (sent instanceof EagerResult<?> e) {
        ran = e;
        if (e.state().equals(TaskState.SUCCESS) || TaskState.PROPAGATE_STATES.contains(e.state())) {
          fire(new Done(e.state(), e.result(), id));
        }
      }
    }

    private void completed(Completion c) {
      fire(new Done(c.state(), c.value(), id));
    }

    private void fire(Done done) {
      synchronized (this) {
        if (completed) {
          return;
        }
        completed = true;
      }
      for (Consumer<Done> listener : listeners) {
        listener.accept(done);
      }
    }

    @Override
    void onComplete(Consumer<Done> listener) {
      if (listeners.isEmpty()) {
        listeners = new ArrayList<>(1);
      }
      listeners.add(listener);
    }

    @Override
    void joinGroup(String gid) {
      this.groupId = gid;
    }

    @Override
    void fail(TaskState state, Object exception) {
      String traceback = exception instanceof Throwable t ? Worker.traceback(t) : null;
      if (!eager || app.config().taskStoreEagerResult()) {
        TaskMeta.Builder meta =
            TaskMeta.builder(id, state)
                .result(exception)
                .traceback(traceback)
                .dateDone(app.clock().now())
                .groupId(groupId);
        if (app.config().resultExtended()) {
          meta.extended(sig.taskName(), sig.args(), sig.kwargs(), null, null);
        }
        app.backend().store(meta.build());
      }
      if (eager) {
        failedUnsent = new EagerResult<>(id, exception, state, traceback, sig.taskName(), app);
      }
      fire(new Done(state, exception, id));
    }

    /** Sends the signature's errbacks with this task's id, as Celery does for a chord's body. */
    void callErrbacks() {
      for (Signature errback : sig.options().linkError()) {
        errback.withPrepended(id).applyAsync();
      }
    }

    @Override
    ResultBase result(ResultBase parent) {
      EagerResult<?> e = ran != null ? ran : failedUnsent;
      if (e != null) {
        return new LinkedEagerResult<>(e, app, parent);
      }
      return new AsyncResult<>(id, app, parent);
    }
  }

  // ---------------------------------------------------------------- group

  /** A group: members sent together, each with the group id. Nested groups are unrolled. */
  final class GroupNode extends Node {
    private final String id;
    private final List<Node> members = new ArrayList<>();
    private List<Consumer<Done>> listeners;
    private Done[] parts;
    private int remaining;

    GroupNode(List<CanvasElement> elements) {
      this.id = app.newId();
      addAll(elements);
      for (Node member : members) {
        member.joinGroup(id);
      }
    }

    private void addAll(List<CanvasElement> elements) {
      for (CanvasElement e : elements) {
        if (e instanceof Group inner) {
          addAll(inner.tasks());
        } else {
          members.add(build(e));
        }
      }
    }

    List<Node> members() {
      return members;
    }

    @Override
    void send(List<?> args, boolean addToParent) {
      for (Node member : members) {
        member.send(args, false);
      }
      if (members.isEmpty() && listeners != null) {
        fireAll(new Done(TaskState.SUCCESS, List.of(), id));
      }
      if (addToParent) {
        app.addChildOfCurrent(result(null));
      }
    }

    @Override
    void onComplete(Consumer<Done> listener) {
      if (listeners == null) {
        listeners = new ArrayList<>();
        parts = new Done[members.size()];
        remaining = members.size();
        for (int i = 0; i < members.size(); i++) {
          int index = i;
          members.get(i).onComplete(done -> part(index, done));
        }
      }
      listeners.add(listener);
    }

    private void part(int index, Done done) {
      Done all;
      synchronized (this) {
        parts[index] = done;
        if (--remaining > 0) {
          return;
        }
        all = aggregate();
      }
      fireAll(all);
    }

    private Done aggregate() {
      List<Object> values = new ArrayList<>(parts.length);
      for (Done p : parts) {
        if (!p.ok()) {
          return p;
        }
        values.add(p.value());
      }
      return new Done(TaskState.SUCCESS, values, id);
    }

    private void fireAll(Done done) {
      for (Consumer<Done> listener : listeners) {
        listener.accept(done);
      }
    }

    @Override
    void joinGroup(String groupId) {
      // A group that is the last step of a chain inside another group keeps its own id.
    }

    @Override
    void fail(TaskState state, Object exception) {
      for (Node member : members) {
        member.fail(state, exception);
      }
      if (members.isEmpty() && listeners != null) {
        fireAll(new Done(state, exception, id));
      }
    }

    @Override
    ResultBase result(ResultBase parent) {
      List<ResultBase> results = new ArrayList<>(members.size());
      for (Node member : members) {
        results.add(member.result(null));
      }
      return new GroupResult(id, results, parent, app);
    }
  }

  // ---------------------------------------------------------------- chain

  /** A chain: steps sent one after the other; a failure fails every remaining step. */
  final class ChainNode extends Node {
    private final List<Node> steps = new ArrayList<>();
    private boolean propagated;

    ChainNode(List<CanvasElement> elements) {
      for (CanvasElement e : upgrade(splice(elements))) {
        steps.add(build(e));
      }
      for (int i = 0; i < steps.size() - 1; i++) {
        int index = i;
        steps.get(i).onComplete(done -> advance(index, done));
      }
    }

    /** Chains inside the chain are spliced in, as in Celery's prepare_steps. */
    private List<CanvasElement> splice(List<CanvasElement> elements) {
      List<CanvasElement> flat = new ArrayList<>();
      Deque<CanvasElement> todo = new ArrayDeque<>();
      for (int i = elements.size() - 1; i >= 0; i--) {
        todo.push(elements.get(i));
      }
      while (!todo.isEmpty()) {
        CanvasElement e = todo.pop();
        if (e instanceof Chain inner) {
          for (int i = inner.tasks().size() - 1; i >= 0; i--) {
            todo.push(inner.tasks().get(i));
          }
        } else {
          flat.add(e);
        }
      }
      return flat;
    }

    /**
     * A group followed by a step becomes a chord with that step as body, from the end, as Celery.
     */
    private List<CanvasElement> upgrade(List<CanvasElement> flat) {
      Deque<CanvasElement> out = new ArrayDeque<>();
      for (int i = flat.size() - 1; i >= 0; i--) {
        CanvasElement e = flat.get(i);
        if (e instanceof Group g && !out.isEmpty()) {
          e = new Chord(g, out.pop());
        }
        out.push(e);
      }
      return new ArrayList<>(out);
    }

    private void advance(int index, Done done) {
      if (done.ok()) {
        steps.get(index + 1).send(one(done.value()), true);
        return;
      }
      synchronized (this) {
        if (propagated) {
          return;
        }
        propagated = true;
      }
      for (int j = index + 1; j < steps.size(); j++) {
        steps.get(j).fail(done.state(), done.value());
      }
    }

    @Override
    void send(List<?> args, boolean addToParent) {
      steps.get(0).send(args, addToParent);
    }

    @Override
    void onComplete(Consumer<Done> listener) {
      steps.get(steps.size() - 1).onComplete(listener);
    }

    @Override
    void joinGroup(String groupId) {
      steps.get(steps.size() - 1).joinGroup(groupId);
    }

    @Override
    void fail(TaskState state, Object exception) {
      // the first step's listener fails the remaining steps
      steps.get(0).fail(state, exception);
    }

    @Override
    ResultBase result(ResultBase parent) {
      ResultBase r = parent;
      for (Node step : steps) {
        r = step.result(r);
      }
      return r;
    }
  }

  // ---------------------------------------------------------------- chord

  /** A chord: a header group and a body sent once every header member is done. */
  final class ChordNode extends Node {
    private final GroupNode header;
    private final Node body;
    private final Done[] parts;
    private int remaining;
    private boolean closed;

    ChordNode(Group headerElement, CanvasElement bodyElement) {
      this.header = new GroupNode(headerElement.tasks());
      this.body = build(bodyElement);
      List<Node> members = header.members();
      this.parts = new Done[members.size()];
      this.remaining = members.size();
      for (int i = 0; i < members.size(); i++) {
        int index = i;
        members.get(i).onComplete(done -> part(index, done));
      }
    }

    @Override
    void send(List<?> args, boolean addToParent) {
      if (parts.length == 0) {
        synchronized (this) {
          closed = true;
        }
        body.send(one(List.of()), addToParent);
        return;
      }
      header.send(args, addToParent);
    }

    private void part(int index, Done done) {
      synchronized (this) {
        if (closed) {
          return;
        }
        parts[index] = done;
        if (--remaining > 0) {
          return;
        }
        closed = true;
      }
      List<Object> values = new ArrayList<>(parts.length);
      for (Done p : parts) {
        if (!p.ok()) {
          ChordException error =
              new ChordException("Dependency " + p.id() + " raised " + reprException(p.value()));
          if (body instanceof TaskNode task) {
            task.callErrbacks();
          }
          body.fail(TaskState.FAILURE, error);
          return;
        }
        values.add(p.value());
      }
      body.send(one(values), false);
    }

    @Override
    void onComplete(Consumer<Done> listener) {
      body.onComplete(listener);
    }

    @Override
    void joinGroup(String groupId) {
      body.joinGroup(groupId);
    }

    @Override
    void fail(TaskState state, Object exception) {
      synchronized (this) {
        closed = true;
      }
      header.fail(state, exception);
      body.fail(state, exception);
    }

    @Override
    ResultBase result(ResultBase parent) {
      return body.result(header.result(parent));
    }
  }

  // ---------------------------------------------------------------- repr

  /** Python's {@code repr()} of an exception, as Celery's chord error message prints it. */
  static String reprException(Object value) {
    if (!(value instanceof Throwable error)) {
      return pyRepr(value);
    }
    String name;
    List<Object> args;
    if (error instanceof RemoteTaskException remote) {
      name = remote.excType();
      args = remote.excMessage();
    } else {
      name = error.getClass().getSimpleName();
      args = error.getMessage() == null ? List.of() : List.of(error.getMessage());
    }
    StringBuilder sb = new StringBuilder(name).append('(');
    for (int i = 0; i < args.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(pyRepr(args.get(i)));
    }
    return sb.append(')').toString();
  }

  private static String pyRepr(Object value) {
    if (value instanceof CharSequence text) {
      return pyStr(text.toString());
    }
    return PyRepr.of(value);
  }

  /** Python's repr of a str: single quotes unless the text has some and no double quotes. */
  private static String pyStr(String s) {
    char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder sb = new StringBuilder(s.length() + 2).append(quote);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == quote || c == '\\') {
        sb.append('\\').append(c);
      } else if (c == '\n') {
        sb.append("\\n");
      } else if (c == '\r') {
        sb.append("\\r");
      } else if (c == '\t') {
        sb.append("\\t");
      } else if (c < 0x20 || c == 0x7f) {
        sb.append(String.format("\\x%02x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append(quote).toString();
  }

  // ---------------------------------------------------------------- eager results

  /**
   * An eager result that knows the result before it, so that eager chains and chords keep the shape
   * of their non-eager results ({@code parent}, {@code as_tuple()}), as Celery's eager {@code
   * chain.apply()} sets {@code res.parent}.
   */
  static final class LinkedEagerResult<T> extends EagerResult<T> {
    private final ResultBase parent;

    LinkedEagerResult(EagerResult<?> ran, CeleryApp app, ResultBase parent) {
      super(ran.id(), ran.result(), ran.state(), ran.traceback(), ran.name(), app);
      this.parent = parent;
    }

    @Override
    public ResultBase parent() {
      return parent;
    }

    @Override
    public String repr() {
      return "<EagerResult: " + id() + ">";
    }
  }
}
