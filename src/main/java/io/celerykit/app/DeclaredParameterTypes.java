package io.celerykit.app;

import java.lang.invoke.MethodType;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Finds the parameter types a task body declares, so that a call with arguments of other types can
 * be refused by name instead of failing with a cast deep in the body. A lambda or method reference
 * tells them through its serialized form (the {@link TaskBody} interfaces are serializable for this
 * only); a class tells them through the type arguments of the interface it implements. Nothing is
 * found when neither says (an empty list): then the arguments are not checked.
 */
final class DeclaredParameterTypes {
  /**
   * The lambda types of each body class, read once: a lambda's class stands for one call site, so
   * its instantiated method type is the same for every instance, and a suite that registers the
   * same body in every test reads the serialized form once instead of by reflection per test. The
   * slot is filled by the first body of the class seen (a race fills it twice with equal lists).
   */
  private static final ClassValue<AtomicReference<List<Class<?>>>> LAMBDA_TYPES =
      new ClassValue<>() {
        @Override
        protected AtomicReference<List<Class<?>>> computeValue(Class<?> type) {
          return new AtomicReference<>();
        }
      };

  private DeclaredParameterTypes() {}

  /** Returns the declared parameter types, or an empty list when they are not known. */
  static List<Class<?>> of(Object body, Class<?> functionalInterface, int arity) {
    List<Class<?>> types = ofLambda(body);
    if (types.size() != arity) {
      types = ofClass(body.getClass(), functionalInterface);
    }
    return types.size() == arity ? types : List.of();
  }

  /** The types after inference at the lambda's creation, read once per body class. */
  private static List<Class<?>> ofLambda(Object body) {
    AtomicReference<List<Class<?>>> slot = LAMBDA_TYPES.get(body.getClass());
    List<Class<?>> types = slot.get();
    if (types == null) {
      types = readLambda(body);
      slot.set(types);
    }
    return types;
  }

  /** The types after inference at the lambda's creation ({@code instantiatedMethodType}). */
  private static List<Class<?>> readLambda(Object body) {
    try {
      Method writeReplace = body.getClass().getDeclaredMethod("writeReplace");
      writeReplace.setAccessible(true);
      if (writeReplace.invoke(body) instanceof SerializedLambda lambda) {
        ClassLoader loader = body.getClass().getClassLoader();
        return MethodType.fromMethodDescriptorString(lambda.getInstantiatedMethodType(), loader)
            .wrap()
            .parameterList();
      }
    } catch (ReflectiveOperationException
        | InaccessibleObjectException
        | SecurityException
        | TypeNotPresentException notReadable) {
      // not a serializable lambda, or not readable from here: the types stay unknown
    }
    return List.of();
  }

  /** The type arguments a class gives the interface, directly or through a superclass. */
  private static List<Class<?>> ofClass(Class<?> type, Class<?> functionalInterface) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Type implemented : c.getGenericInterfaces()) {
        if (implemented instanceof ParameterizedType p && p.getRawType() == functionalInterface) {
          List<Class<?>> out = new ArrayList<>();
          for (Type argument : p.getActualTypeArguments()) {
            out.add(rawClass(argument));
          }
          // the last type argument is the return type
          return out.subList(0, out.size() - 1);
        }
      }
    }
    return List.of();
  }

  private static Class<?> rawClass(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
      return raw;
    }
    return Object.class;
  }
}
