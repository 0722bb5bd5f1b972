package io.celerykit.redis.protocol;

import io.celerykit.app.ApplyOptions;
import io.celerykit.app.CanvasElement;
import io.celerykit.app.Chain;
import io.celerykit.app.Chord;
import io.celerykit.app.Group;
import io.celerykit.app.Signature;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the Python objects a Celery user would build for a celerykit canvas: {@code
 * app.signature(name, args, kwargs, immutable=...)} with its options, {@code group(*members)},
 * {@code chain(*steps)} (which Celery folds with {@code |}, turning a group followed by a step into
 * a chord) and {@code chord(header, body)}; and {@code apply_async}'s keyword arguments from {@link
 * ApplyOptions}, in the order of its fields.
 */
final class CanvasImport {
  private final PyApp app;

  CanvasImport(PyApp app) {
    this.app = app;
  }

  /** The Python object for a canvas element. */
  PySignature element(CanvasElement element) {
    if (element instanceof Signature sig) {
      return signature(sig);
    }
    if (element instanceof Group group) {
      return group(group);
    }
    if (element instanceof Chain chain) {
      return chain(chain);
    }
    Chord chord = (Chord) element;
    return new PyChord(app, group(chord.header()), element(chord.body()), null);
  }

  /** {@code app.signature(name, args=tuple(args), kwargs=kwargs, immutable=...)} with options. */
  PySignature signature(Signature sig) {
    String where = "the arguments of " + sig.taskName();
    List<Object> args = sig.args();
    PyValues.requireSerializable(args, where);
    PyValues.requireSerializable(sig.kwargs(), "the keyword arguments of " + sig.taskName());
    return new PySignature(
        app,
        sig.taskName(),
        PyTuple.of(args),
        new LinkedHashMap<>(sig.kwargs()),
        options(sig.options()),
        null,
        sig.immutable());
  }

  /**
   * {@code group(*members)} with its options: one member is cloned (or a group's members taken), as
   * Celery does.
   */
  private PyGroup group(Group group) {
    List<Object> members = new ArrayList<>();
    for (CanvasElement member : group.tasks()) {
      members.add(element(member));
    }
    if (members.size() == 1) {
      PySignature only = (PySignature) members.get(0);
      List<Object> tasks = new ArrayList<>();
      if (only instanceof PyGroup inner) {
        tasks = inner.tasks();
      } else {
        tasks.add(only.cloneSig());
      }
      return new PyGroup(app, tasks, groupOptions(group));
    }
    return new PyGroup(app, members, groupOptions(group));
  }

  /**
   * The group's own options ({@code group.set(task_id=...)}): its chosen id, which {@code
   * _freeze_gid} and {@code freeze} take as the group id wherever the group stands.
   */
  private Map<String, Object> groupOptions(Group group) {
    return group.options().taskId() == null ? null : options(group.options());
  }

  /** {@code chain(*steps)}: {@code reduce(operator.or_, steps, chain())}, or {@code _chain(s)}. */
  private PySignature chain(Chain chain) {
    List<CanvasElement> steps = chain.tasks();
    if (steps.size() == 1) {
      return new PyChain(app, List.of(element(steps.get(0))), null);
    }
    PySignature folded = new PyChain(app, List.of(), null);
    for (CanvasElement step : steps) {
      folded = folded.or(element(step));
    }
    return folded;
  }

  /**
   * {@code apply_async}'s keyword arguments for options: {@code task_id, countdown, eta, expires,
   * queue, headers, ignore_result, link, link_error, priority, routing_key, time_limit,
   * soft_time_limit, shadow}, each only when set.
   */
  Map<String, Object> options(ApplyOptions o) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (o.taskId() != null) {
      out.put("task_id", o.taskId());
    }
    if (o.countdown() != null) {
      out.put("countdown", PyValues.seconds(o.countdown()));
    }
    if (o.eta() != null) {
      out.put("eta", PyDateTime.utc(o.eta()));
    }
    Duration expiresIn = o.expiresIn();
    if (expiresIn != null) {
      out.put("expires", PyValues.seconds(expiresIn));
    } else if (o.expiresAt() != null) {
      out.put("expires", PyDateTime.utc(o.expiresAt()));
    }
    if (o.queue() != null) {
      out.put("queue", o.queue());
    }
    if (!o.headers().isEmpty()) {
      PyValues.requireSerializable(o.headers(), "headers");
      out.put("headers", new LinkedHashMap<>(o.headers()));
    }
    if (o.ignoreResult() != null) {
      out.put("ignore_result", o.ignoreResult());
    }
    if (!o.link().isEmpty()) {
      out.put("link", signatures(o.link()));
    }
    if (!o.linkError().isEmpty()) {
      out.put("link_error", signatures(o.linkError()));
    }
    if (o.priority() != null) {
      out.put("priority", o.priority());
    }
    if (o.routingKey() != null) {
      out.put("routing_key", o.routingKey());
    }
    if (o.timeLimit() != null) {
      out.put("time_limit", PyValues.seconds(o.timeLimit()));
    }
    if (o.softTimeLimit() != null) {
      out.put("soft_time_limit", PyValues.seconds(o.softTimeLimit()));
    }
    if (o.shadow() != null) {
      out.put("shadow", o.shadow());
    }
    return out;
  }

  private List<Object> signatures(List<Signature> sigs) {
    List<Object> out = new ArrayList<>(sigs.size());
    for (Signature s : sigs) {
      out.add(signature(s));
    }
    return out;
  }
}
