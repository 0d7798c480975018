package io.featureviz.worker.jobs;

import io.featureviz.optvis.render.RenderPack;
import io.featureviz.optvis.render.RenderSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * A record of {@code fv.jobs} as the poll thread read it: the job, or why the record is not
 * one, and what the job may share a pack with.
 *
 * @param job the decoded job; null when the record is unreadable
 * @param poison why the record is unreadable; null when it is a job
 * @param packing what the job shares with its pack mates; null when it renders alone
 */
record PolledJob(ConsumerRecord<String, byte[]> record, DecodedJob job,
    PoisonJobException poison, Packing packing) {

  /**
   * What jobs packed together share (the same model object, then {@link RenderPack#key}), and
   * the job's own spec, whose images count towards the pack's budget.
   */
  record Packing(String model, RenderPack.Key key, RenderSpec spec) {

    boolean sharesPackWith(Packing other) {
      return model.equals(other.model) && key.equals(other.key);
    }
  }

  /**
   * Decodes a record. A render job is given its {@link Packing} when its spec is known without
   * its model (an explicit size) and it fits a pack ({@code maxBatch} images); otherwise it
   * renders alone, and a spec that does not build fails it alone when it runs.
   */
  static PolledJob of(ConsumerRecord<String, byte[]> record, int maxBatch) {
    DecodedJob job;
    try {
      job = JobDecoder.decode(record.value());
    } catch (PoisonJobException e) {
      return new PolledJob(record, null, e, null);
    }
    if (!job.rendersInPack() || job.request().size() <= 0 || job.request().batch() > maxBatch) {
      return new PolledJob(record, job, null, null);
    }
    RenderSpec spec;
    try {
      spec = JobRendering.spec(job, job.request().size());
    } catch (IllegalArgumentException e) {
      return new PolledJob(record, job, null, null);
    }
    return new PolledJob(record, job, null,
        new Packing(job.request().model(), RenderPack.key(spec), spec));
  }

  TopicPartition partition() {
    return new TopicPartition(record.topic(), record.partition());
  }

  long offset() {
    return record.offset();
  }
}
