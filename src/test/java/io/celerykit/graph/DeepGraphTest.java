package io.celerykit.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs every operation once on one chain n0 -> n1 -> ... -> n99999, deep enough to overflow
 * recursion.
 */
class DeepGraphTest {

  private static final int SIZE = 100_000;
  private static DependencyGraph<String> chain;

  @BeforeAll
  static void buildChain() {
    chain = new DependencyGraph<>(GraphFormatter.builder().root("n0").build());
    chain.addArc("n0");
    for (int i = 1; i < SIZE; i++) {
      chain.addArc("n" + i);
      chain.addEdge("n" + (i - 1), "n" + i);
    }
  }

  @Test
  void chainHasEveryNode() {
    assertThat(chain.size()).isEqualTo(SIZE);
    assertThat(chain.edges()).hasSize(SIZE - 1);
  }

  @Test
  void toDotHandlesDeepChain() throws Exception {
    LineCounter out = new LineCounter();
    chain.toDot(out);

    // head (2 lines), node + edge per non-terminal node, one terminal node, tail
    assertThat(out.lines).isEqualTo(2 + 2 * (SIZE - 1) + 1 + 1);
    assertThat(out.last).startsWith("}");
  }

  @Test
  void topsortHandlesDeepChain() {
    List<String> order = chain.topsort();

    assertThat(order).hasSize(SIZE);
    assertThat(order.get(0)).isEqualTo("n" + (SIZE - 1));
    assertThat(order.get(SIZE - 1)).isEqualTo("n0");
  }

  @Test
  void valencyOfHandlesDeepChain() {
    assertThat(chain.valencyOf("n0")).isEqualTo(SIZE - 1);
  }

  @Test
  void toStringHandlesDeepChainAndStopsAtSizeLimit() {
    String repr = chain.toString();

    assertThat(repr).startsWith("n0(99999)\n     n1(99998)\n          n2(99997)\n");
    assertThat(repr).endsWith("\n...");
    assertThat(repr.length()).isLessThanOrEqualTo(ReprWriter.MAX_CHARS + 4);
  }

  /** Counts lines without keeping the (large) text. */
  private static final class LineCounter implements Appendable {
    int lines;
    StringBuilder current = new StringBuilder();
    String last = "";

    @Override
    public Appendable append(CharSequence csq) {
      return append(csq, 0, csq.length());
    }

    @Override
    public Appendable append(CharSequence csq, int start, int end) {
      for (int i = start; i < end; i++) {
        append(csq.charAt(i));
      }
      return this;
    }

    @Override
    public Appendable append(char c) {
      if (c == '\n') {
        lines++;
        last = current.toString();
        current.setLength(0);
      } else {
        current.append(c);
      }
      return this;
    }
  }
}
