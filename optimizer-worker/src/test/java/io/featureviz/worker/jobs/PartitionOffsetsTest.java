package io.featureviz.worker.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PartitionOffsetsTest {

  @Test
  void nothingToCommitBeforeAnyRecord() {
    assertTrue(new PartitionOffsets().toCommit().isEmpty());
  }

  @Test
  void commitsNothingWhileTheOnlyRecordRenders() {
    PartitionOffsets offsets = new PartitionOffsets();
    offsets.started(7);
    assertEquals(OptionalLong.of(7), offsets.toCommit());
    offsets.committed(7);
    assertTrue(offsets.toCommit().isEmpty());
    offsets.finished(7);
    assertEquals(OptionalLong.of(8), offsets.toCommit());
  }

  @Test
  void aLaterRecordFinishingFirstDoesNotPassAnEarlierOneStillRendering() {
    PartitionOffsets offsets = new PartitionOffsets();
    offsets.started(3);
    offsets.started(4);
    offsets.started(5);
    offsets.finished(5);
    offsets.finished(4);
    assertEquals(OptionalLong.of(3), offsets.toCommit());
    offsets.finished(3);
    assertEquals(OptionalLong.of(6), offsets.toCommit());
  }

  @Test
  void aRecordNeverFinishedHoldsCommitsBackForRedelivery() {
    PartitionOffsets offsets = new PartitionOffsets();
    offsets.started(0);
    offsets.started(1);
    offsets.finished(1);
    offsets.committed(0);
    assertTrue(offsets.toCommit().isEmpty());
  }
}
