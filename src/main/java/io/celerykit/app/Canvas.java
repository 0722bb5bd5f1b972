package io.celerykit.app;

import io.celerykit.internal.Checks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Celery's canvas primitives, {@code celery.group}, {@code celery.chain} and {@code celery.chord},
 * for the in-memory app: they combine task {@link Signature}s (and each other) into workflows that
 * the app's worker runs like Celery's.
 *
 * <pre>{@code
 * GroupResult g = Canvas.group(add.s(2, 2), add.s(4, 4)).applyAsync();
 * g.join();                                          // [4, 8]
 *
 * AsyncResult<Integer> c = Canvas.chain(add.s(2, 2), mul.s(8)).applyAsync();
 * c.get();                                           // 32; c.parent() is the add step
 *
 * AsyncResult<Integer> s = Canvas.chord(List.of(add.s(1, 1), add.s(2, 2)), tsum.s()).applyAsync();
 * s.get();                                           // 6; s.parent() is the header GroupResult
 * }</pre>
 *
 * <p>Nothing is sent until {@code applyAsync()} or {@code delay()} is called; each call sends a
 * fresh copy with fresh ids, except those the caller chose ({@code sig.taskId("t1")}, {@code
 * group.taskId("g1")}). A chain or chord that ends with a group returns the group's result from
 * {@code applyAsyncForGroup()}:
 *
 * <pre>{@code
 * GroupResult g = Canvas.chain(add.s(1, 1), Canvas.group(mul.s(2), mul.s(3))).applyAsyncForGroup();
 * g.join();                                          // [4, 6]; g.parent() is the add step
 * }</pre>
 */
public final class Canvas {
  private Canvas() {}

  /**
   * Makes a group, as Celery's {@code group(sig1, sig2, ...)}: its members run as independent tasks
   * in parallel, each with the group's id ({@code group_id}) in its stored meta. A member that is a
   * group itself is unrolled into this one, as in Celery.
   *
   * <pre>{@code
   * Canvas.group(add.s(2, 2), add.s(4, 4)).applyAsync().join();   // [4, 8]
   * }</pre>
   *
   * @param members the members: signatures, chains, chords
   * @return the group
   */
  public static Group group(CanvasElement... members) {
    return group(Arrays.asList(Checks.requireNonNull(members, "members")));
  }

  /**
   * Makes a group from a list, as Celery's {@code group([sig1, sig2, ...])} or {@code
   * group(add.s(i, i) for i in range(10))}.
   *
   * <pre>{@code
   * List<Signature> sigs = IntStream.range(0, 10).mapToObj(i -> add.s(i, i)).toList();
   * Canvas.group(sigs).applyAsync();
   * }</pre>
   *
   * @param members the members
   * @return the group
   */
  public static Group group(List<? extends CanvasElement> members) {
    return new Group(copy(members, "group member"), ApplyOptions.defaults(), null);
  }

  /**
   * Makes a group for an app, as Celery's {@code group(tasks, app=app)}: the form an empty group
   * needs to be sent, since it has no signature to take the app from. Sending an empty group sends
   * nothing and returns an empty {@code GroupResult}, ready at once, as in Celery.
   *
   * <pre>{@code
   * GroupResult none = Canvas.group(app, List.of()).applyAsync();   // none.ready(), none.join() == []
   * }</pre>
   *
   * @param app the app the group sends on (its members' app, when it has any)
   * @param members the members, possibly none
   * @return the group
   */
  public static Group group(Celery app, List<? extends CanvasElement> members) {
    Checks.requireNonNull(app, "app");
    return new Group(copy(members, "group member"), ApplyOptions.defaults(), app);
  }

  /**
   * Makes a chain, as Celery's {@code chain(sig1, sig2, ...)} ({@code sig1 | sig2}): each step runs
   * after the previous one succeeded, with the previous value prepended to its arguments (unless it
   * is immutable, {@code si}). A chain inside the chain is spliced in; a group followed by another
   * step becomes a chord, as in Celery.
   *
   * <pre>{@code
   * Canvas.chain(add.s(2, 2), mul.s(8), add.s(1)).applyAsync().get();   // ((2 + 2) * 8) + 1
   * }</pre>
   *
   * @param steps the steps, at least one
   * @return the chain
   */
  public static Chain chain(CanvasElement... steps) {
    return chain(Arrays.asList(Checks.requireNonNull(steps, "steps")));
  }

  /**
   * Makes a chain from a list, as Celery's {@code chain([sig1, sig2, ...])}.
   *
   * <pre>{@code
   * Canvas.chain(List.of(add.s(2, 2), mul.s(8))).applyAsync();
   * }</pre>
   *
   * @param steps the steps, at least one
   * @return the chain
   */
  public static Chain chain(List<? extends CanvasElement> steps) {
    List<CanvasElement> copy = copy(steps, "chain step");
    if (copy.isEmpty()) {
      throw new IllegalArgumentException(
          "a chain needs at least one step, e.g. Canvas.chain(add.s(2, 2), mul.s(8))");
    }
    return new Chain(copy);
  }

  /**
   * Makes a chord, as Celery's {@code chord(header, body)}: the header's members run as a group;
   * once every one of them succeeded, the body runs with the list of their values (in header order)
   * prepended to its arguments. If a member fails, the body is stored as FAILURE with a {@link
   * io.celerykit.result.ChordException} ({@code Dependency <id> raised <exception>}). An empty
   * header runs the body at once with an empty list.
   *
   * <pre>{@code
   * Canvas.chord(List.of(add.s(1, 1), add.s(2, 2)), tsum.s()).applyAsync().get();   // 6
   * }</pre>
   *
   * @param header the header's members
   * @param body the body (the callback)
   * @return the chord
   */
  public static Chord chord(List<? extends CanvasElement> header, CanvasElement body) {
    return chord(group(header), body);
  }

  /**
   * Makes a chord from a group, as Celery's {@code chord(group(...), body)} ({@code group(...) |
   * body}).
   *
   * <pre>{@code
   * Canvas.chord(Canvas.group(add.s(1, 1), add.s(2, 2)), tsum.s()).applyAsync().get();   // 6
   * }</pre>
   *
   * @param header the header
   * @param body the body
   * @return the chord
   */
  public static Chord chord(Group header, CanvasElement body) {
    return new Chord(
        Checks.requireNonNull(header, "header"),
        Checks.requireNonNull(body, "body (the chord's callback, e.g. tsum.s())"));
  }

  private static List<CanvasElement> copy(List<? extends CanvasElement> elements, String what) {
    Checks.requireNonNull(elements, what + "s");
    List<CanvasElement> out = new ArrayList<>(elements.size());
    for (CanvasElement e : elements) {
      out.add(Checks.requireNonNull(e, what));
    }
    return List.copyOf(out);
  }
}
