package io.celerykit.app;

import io.celerykit.internal.PythonRepr;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Turns the {@link TaskBody} lambdas into registered bodies that check their call first, as Python
 * checks a call of a function: the number of positional arguments ({@code add() takes 2 positional
 * arguments but 1 was given}) and, where the body declares them, their types. A bad call fails the
 * run with an {@link IllegalArgumentException} naming the task, the position, the type expected and
 * the value given, as Celery's worker stores the {@code TypeError}.
 */
final class TaskArguments {
  private final List<Class<?>> types;

  private TaskArguments(List<Class<?>> types) {
    this.types = types;
  }

  /** Makes the body of a task without arguments. */
  static RegisteredTask.Body of0(TaskBody.Of0<?> body) {
    TaskArguments check = new TaskArguments(List.of());
    return self -> {
      check.check(self);
      return body.call();
    };
  }

  /** Makes the body of a task of one argument. */
  @SuppressWarnings("unchecked")
  static <A> RegisteredTask.Body of1(TaskBody.Of1<A, ?> body) {
    TaskArguments check = declaredBy(body, TaskBody.Of1.class, 1);
    return self -> body.call((A) check.check(self).get(0));
  }

  /** Makes the body of a task of two arguments. */
  @SuppressWarnings("unchecked")
  static <A, B> RegisteredTask.Body of2(TaskBody.Of2<A, B, ?> body) {
    TaskArguments check = declaredBy(body, TaskBody.Of2.class, 2);
    return self -> {
      List<Object> args = check.check(self);
      return body.call((A) args.get(0), (B) args.get(1));
    };
  }

  /** Makes the body of a task of three arguments. */
  @SuppressWarnings("unchecked")
  static <A, B, C> RegisteredTask.Body of3(TaskBody.Of3<A, B, C, ?> body) {
    TaskArguments check = declaredBy(body, TaskBody.Of3.class, 3);
    return self -> {
      List<Object> args = check.check(self);
      return body.call((A) args.get(0), (B) args.get(1), (C) args.get(2));
    };
  }

  private static TaskArguments declaredBy(Object body, Class<?> functionalInterface, int arity) {
    List<Class<?>> found = DeclaredParameterTypes.of(body, functionalInterface, arity);
    if (found.isEmpty()) {
      found = new ArrayList<>(Collections.nCopies(arity, Object.class));
    }
    return new TaskArguments(List.copyOf(found));
  }

  /** Returns the call's arguments when they fit the body, else fails naming what does not fit. */
  private List<Object> check(TaskContext self) {
    List<Object> args = self.args();
    int arity = types.size();
    if (args.size() != arity) {
      throw new IllegalArgumentException(
          self.name()
              + "() takes "
              + arity
              + " positional argument"
              + (arity == 1 ? "" : "s")
              + " but "
              + args.size()
              + (args.size() == 1 ? " was" : " were")
              + " given: "
              + PythonRepr.tuple(args));
    }
    for (int i = 0; i < arity; i++) {
      Object arg = args.get(i);
      Class<?> expected = types.get(i);
      if (arg != null && !expected.isInstance(arg)) {
        throw new IllegalArgumentException(
            self.name()
                + "() argument at position "
                + i
                + " must be a "
                + expected.getName()
                + ", got "
                + arg.getClass().getName()
                + " "
                + PythonRepr.repr(arg)
                + "; send arguments of the types the task's body declares");
      }
    }
    return args;
  }
}
