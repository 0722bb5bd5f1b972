package io.celerykit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.celerykit.app.InMemoryCelery;
import io.celerykit.result.AsyncResult;
import io.celerykit.result.GroupResult;
import io.celerykit.result.ResultBase;
import io.celerykit.result.ResultTuple;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/**
 * Random result trees (task results with parents, groups with members and parents, nested, every id
 * unique) survive {@code as_tuple} and {@code result_from_tuple} unchanged.
 */
class ResultTreeProperties {

  /** The shape of a result tree, before ids are given. */
  sealed interface Shape permits TaskShape, GroupShape {}

  record TaskShape(Shape parent) implements Shape {}

  record GroupShape(Shape parent, List<Shape> members) implements Shape {}

  @Provide
  Arbitrary<Tuple2<Shape, List<String>>> trees() {
    Arbitrary<Shape> shapes =
        Arbitraries.recursive(
            () -> Arbitraries.just(new TaskShape(null)), ResultTreeProperties::deeper, 0, 5);
    return shapes.flatMap(shape -> ids(count(shape)).map(ids -> Tuple.of(shape, ids)));
  }

  private static Arbitrary<Shape> deeper(Arbitrary<Shape> inner) {
    Arbitrary<Shape> parent = inner.injectNull(0.4);
    return Arbitraries.oneOf(
        parent.map(TaskShape::new),
        Combinators.combine(parent, inner.list().ofMaxSize(3)).as(GroupShape::new));
  }

  /** Unique, non-blank ids of any characters (quotes, unicode, digits only, ...). */
  private static Arbitrary<List<String>> ids(int count) {
    Arbitrary<String> id =
        Arbitraries.oneOf(
            Arbitraries.strings().all().ofMinLength(1).ofMaxLength(12),
            Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(6),
            Arbitraries.strings().withChars("0123456789abcdef-").ofLength(36));
    return id.filter(s -> !s.isBlank()).list().uniqueElements().ofSize(count);
  }

  private static int count(Shape shape) {
    if (shape == null) {
      return 0;
    }
    if (shape instanceof GroupShape g) {
      int n = 1 + count(g.parent());
      for (Shape m : g.members()) {
        n += count(m);
      }
      return n;
    }
    return 1 + count(((TaskShape) shape).parent());
  }

  private static ResultBase build(Shape shape, Iterator<String> ids, InMemoryCelery app) {
    if (shape == null) {
      return null;
    }
    String id = ids.next();
    if (shape instanceof GroupShape g) {
      ResultBase parent = build(g.parent(), ids, app);
      List<ResultBase> members = new ArrayList<>();
      for (Shape m : g.members()) {
        members.add(build(m, ids, app));
      }
      return new GroupResult(id, members, parent, app);
    }
    return new AsyncResult<>(id, app, build(((TaskShape) shape).parent(), ids, app));
  }

  private static ResultTuple tupleOf(ResultBase result) {
    return result instanceof GroupResult g ? g.asTuple() : ((AsyncResult<?>) result).asTuple();
  }

  /** A plain recursive model of Java's tuple repr: {@code (('id', parent), None-or-[members])}. */
  private static String repr(ResultBase result) {
    if (result == null) {
      return "None";
    }
    String id = result instanceof GroupResult g ? g.id() : ((AsyncResult<?>) result).id();
    StringBuilder sb =
        new StringBuilder("(('")
            .append(id)
            .append("', ")
            .append(repr(result.parent()))
            .append("), ");
    if (result instanceof GroupResult g) {
      sb.append('[');
      boolean first = true;
      for (ResultBase m : g) {
        sb.append(first ? "" : ", ").append(repr(m));
        first = false;
      }
      sb.append(']');
    } else {
      sb.append("None");
    }
    return sb.append(')').toString();
  }

  @Property(tries = 300)
  void resultFromTupleRebuildsTheSameTree(@ForAll("trees") Tuple2<Shape, List<String>> tree) {
    InMemoryCelery app = InMemoryCelery.create();
    ResultBase original = build(tree.get1(), tree.get2().iterator(), app);
    ResultTuple tuple = tupleOf(original);

    ResultBase back = ResultTuple.toResult(tuple, app);

    assertThat(ResultTupleConformanceTest.structure(back))
        .isEqualTo(ResultTupleConformanceTest.structure(original));
    assertThat(tupleOf(back)).isEqualTo(tuple);
    assertThat(tupleOf(back).hashCode()).isEqualTo(tuple.hashCode());
    assertThat(back).isEqualTo(original);
    assertThat(back.getClass()).isEqualTo(original.getClass());
  }

  @Property(tries = 300)
  void theNestedListFormReadsBackAsAnEqualTuple(@ForAll("trees") Tuple2<Shape, List<String>> tree)
      throws Exception {
    InMemoryCelery app = InMemoryCelery.create();
    ResultTuple tuple = tupleOf(build(tree.get1(), tree.get2().iterator(), app));

    assertThat(ResultTuple.fromList(tuple.toList())).isEqualTo(tuple);

    String json = ConformanceVectors.JSON.writeValueAsString(tuple.toList());
    assertThat(ResultTuple.fromList(ConformanceVectors.JSON.readValue(json, Object.class)))
        .isEqualTo(tuple);
  }

  @Property(tries = 200)
  void theTupleHasOneNodePerResultAndPrintsLikeTheModel(
      @ForAll("trees") Tuple2<Shape, List<String>> tree) {
    InMemoryCelery app = InMemoryCelery.create();
    ResultBase original = build(tree.get1(), tree.get2().iterator(), app);
    ResultTuple tuple = tupleOf(original);

    assertThat(nodes(tuple)).isEqualTo(tree.get2().size());
    assertThat(tuple.isGroup()).isEqualTo(original instanceof GroupResult);
    assertThat(tuple.toString()).isEqualTo(repr(original));
  }

  @Property(tries = 200)
  void differentTreesGiveDifferentTuples(
      @ForAll("trees") Tuple2<Shape, List<String>> a,
      @ForAll("trees") Tuple2<Shape, List<String>> b) {
    InMemoryCelery app = InMemoryCelery.create();
    ResultTuple ta = tupleOf(build(a.get1(), a.get2().iterator(), app));
    ResultTuple tb = tupleOf(build(b.get1(), b.get2().iterator(), app));
    boolean sameTree = a.get1().equals(b.get1()) && a.get2().equals(b.get2());
    assertThat(ta.equals(tb)).isEqualTo(sameTree);
    assertThat(ta.toList().equals(tb.toList())).isEqualTo(sameTree);
  }

  private static int nodes(ResultTuple t) {
    if (t == null) {
      return 0;
    }
    int n = 1 + nodes(t.parent());
    if (t.members() != null) {
      for (ResultTuple m : t.members()) {
        n += nodes(m);
      }
    }
    return n;
  }
}
