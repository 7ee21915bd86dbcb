package fr.ccamhub.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which stored nodes a proof reads. The expected node sets are those transparency-dev/merkle's proof package reads for
 * the same sizes ({@code proof_test.go}), written as "level,index" pairs.
 */
class ProofPlannerTest {

    @ParameterizedTest(name = "leaf {0} of {1}")
    @CsvSource(delimiter = ';', value = {
        "0; 1; ",
        "0; 2; 0,1",
        "1; 2; 0,0",
        "1; 3; 0,0 0,2",
        "0; 7; 0,1 1,1 0,6 1,2",
        "3; 7; 0,2 1,0 0,6 1,2",
        "4; 7; 0,5 0,6 2,0",
        "6; 7; 1,2 2,0",
        "2; 4; 0,3 1,0",
        "3; 5; 0,2 1,0 0,4",
        "3; 6; 0,2 1,0 1,2",
        "4; 6; 0,5 2,0",
        "10; 15; 0,11 1,4 0,14 1,6 3,0",
        "24; 31; 0,25 1,13 0,30 1,14 3,2 4,0",
        "81; 95; 0,80 1,41 2,21 0,94 1,46 2,22 4,4 6,0",
    })
    void inclusionReadsTheSameNodesAsTheCtReferenceImplementation(long leafIndex, long treeSize, String expected) {
        assertThat(nodesOf(ProofPlanner.inclusion(leafIndex, treeSize))).isEqualTo(parse(expected));
    }

    @ParameterizedTest(name = "{0} to {1}")
    @CsvSource(delimiter = ';', value = {
        "1; 1; ",
        "5; 5; ",
        "1; 2; 0,1",
        "1; 4; 0,1 1,1",
        "1; 6; 0,1 1,1 1,2",
        "2; 3; 0,2",
        "2; 8; 1,1 2,1",
        "3; 7; 0,2 0,3 1,0 0,6 1,2",
        "4; 7; 0,6 1,2",
        "5; 7; 0,4 0,5 0,6 2,0",
        "6; 7; 1,2 0,6 2,0",
        "7; 8; 0,6 0,7 1,2 2,0",
        "2; 4; 1,1",
        "3; 5; 0,2 0,3 1,0 0,4",
        "3; 6; 0,2 0,3 1,0 1,2",
        "4; 6; 1,2",
        "1; 7; 0,1 1,1 0,6 1,2",
        "10; 15; 1,4 1,5 0,14 1,6 3,0",
        "24; 31; 3,2 0,30 1,14 2,6 4,0",
        "81; 95; 0,80 0,81 1,41 2,21 0,94 1,46 2,22 4,4 6,0",
    })
    void consistencyReadsTheSameNodesAsTheCtReferenceImplementation(long fromSize, long toSize, String expected) {
        assertThat(nodesOf(ProofPlanner.consistency(fromSize, toSize))).isEqualTo(parse(expected));
    }

    @Test
    void rangeSplitsIntoOnePerfectSubtreePerSetBitOfItsLength() {
        assertThat(ProofPlanner.perfectSubtrees(0, 13))
                .containsExactly(new NodeId(3, 0), new NodeId(2, 2), new NodeId(0, 12));
        assertThat(ProofPlanner.perfectSubtrees(8, 11)).containsExactly(new NodeId(1, 4), new NodeId(0, 10));
    }

    @Test
    void rangeNotStartingOnItsLargestSubtreeBoundaryIsRefused() {
        assertThatThrownBy(() -> ProofPlanner.perfectSubtrees(3, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not aligned");
    }

    @Test
    void impossibleProofRequestsAreRefused() {
        assertThatThrownBy(() -> ProofPlanner.inclusion(7, 7)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProofPlanner.inclusion(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProofPlanner.consistency(0, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProofPlanner.consistency(9, 8)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void proofsOfHugeTreesReadOnlyLogarithmicallyManyNodes() {
        Random random = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            long treeSize = 2 + (random.nextLong() >>> 2);
            long leafIndex = Math.floorMod(random.nextLong(), treeSize);
            long fromSize = 1 + Math.floorMod(random.nextLong(), treeSize);
            int height = 64 - Long.numberOfLeadingZeros(treeSize - 1);

            assertThat(nodesOf(ProofPlanner.inclusion(leafIndex, treeSize))).hasSizeLessThanOrEqualTo(2 * height);
            assertThat(nodesOf(ProofPlanner.consistency(fromSize, treeSize))).hasSizeLessThanOrEqualTo(2 * height + 1);
        }
    }

    private static Set<NodeId> nodesOf(List<List<NodeId>> plan) {
        return plan.stream().flatMap(List::stream).collect(Collectors.toSet());
    }

    private static Set<NodeId> parse(String nodes) {
        if (nodes == null) {
            return Set.of();
        }
        return Arrays.stream(nodes.trim().split("\\s+"))
                .map(pair -> pair.split(","))
                .map(pair -> new NodeId(Integer.parseInt(pair[0]), Long.parseLong(pair[1])))
                .collect(Collectors.toSet());
    }
}
