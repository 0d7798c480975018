package io.featureviz.worker.jobs;

import io.featureviz.contracts.messages.Topics;
import io.featureviz.worker.config.WorkerConfig;
import io.featureviz.worker.engine.Engine;
import io.featureviz.worker.engine.WorkerIdentity;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Consumes {@code fv.jobs} with the plain Kafka client (see README: "Scaling and delivery").
 *
 * <p>One thread owns the consumer and never blocks on a job: while a render slot is free it
 * polls up to {@code fv.worker.max-batch} records, packs compatible render jobs among them
 * ({@link PackPlanner}), hands one unit per free slot to the render pool and seeks back to the
 * records no slot took; it pauses every assigned partition while the pool is full, and keeps
 * polling so that the group sees it alive however long a render takes. An offset is committed
 * only once its record, and every one before it in the partition, reached its end: a pack's
 * records once every job of the pack ended.
 */
@ApplicationScoped
public class JobConsumer {

  private static final Logger LOG = Logger.getLogger(JobConsumer.class);

  private final WorkerConfig config;
  private final Map<String, Object> kafkaConfig;
  private final JobIntake intake;
  private final Cancellations cancellations;
  private final CancellationLog cancellationLog;
  private final Engine engine;
  private final String worker;

  private final PackPlanner planner;
  private final DistributionSummary unitJobs;
  /** Render slots taken: units of work (a pack, or one record) in the render pool. */
  private final AtomicInteger slotsTaken = new AtomicInteger();
  /** Jobs in the render pool, every job of a pack counted. */
  private final AtomicInteger busy = new AtomicInteger();
  private final Queue<Completion> completions = new ConcurrentLinkedQueue<>();
  /** Released once a unit's completions are queued. */
  private final Semaphore slotFreed = new Semaphore(0);
  /** Owned by the poll thread. */
  private final Map<TopicPartition, PartitionOffsets> offsets = new HashMap<>();
  private ExecutorService renderPool;
  private Thread pollThread;
  private volatile boolean running;
  private volatile long lastPollNanos = System.nanoTime();
  private volatile boolean stuck;
  private volatile Set<TopicPartition> assigned = Set.of();

  JobConsumer(WorkerConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafka,
      JobIntake intake, Cancellations cancellations, CancellationLog cancellationLog,
      Engine engine, WorkerIdentity identity, MeterRegistry registry) {
    this.config = config;
    this.kafkaConfig = kafka;
    this.intake = intake;
    this.cancellations = cancellations;
    this.cancellationLog = cancellationLog;
    this.engine = engine;
    this.worker = identity.id();
    this.planner = new PackPlanner(config.maxBatch(), config.packMemory().asLongValue());
    this.unitJobs = DistributionSummary.builder("fv.worker.pack.jobs")
        .description("Jobs handled as one unit: the jobs of a pack, or 1 for a job alone")
        .register(registry);
    registry.gauge("fv.worker.jobs.running", busy);
  }

  void start(@Observes StartupEvent event) {
    if (engine.deviceProblem().isPresent()) {
      // Readiness reports the problem (RenderDeviceHealth); jobs are left to the other workers.
      LOG.errorf("not consuming %s: %s", Topics.JOBS, engine.deviceProblem().get());
      return;
    }
    renderPool = Executors.newFixedThreadPool(config.concurrency(), r -> {
      Thread thread = new Thread(r, "fv-render");
      thread.setDaemon(true);
      return thread;
    });
    running = true;
    pollThread = new Thread(this::pollLoop, "fv-jobs-consumer");
    pollThread.start();
  }

  void stop(@Observes ShutdownEvent event) throws InterruptedException {
    if (pollThread == null) {
      return;
    }
    running = false;
    cancellations.shutDown();
    renderPool.shutdown();
    renderPool.awaitTermination(config.jobs().shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS);
    // The poll thread then commits what finished and leaves the group.
    pollThread.join(config.jobs().shutdownTimeout().plusSeconds(5).toMillis());
  }

  /** Jobs being rendered now, every job of a pack counted. */
  public int busy() {
    return busy.get();
  }

  /** Time since the poll loop last came round; it keeps polling during renders. */
  public Duration sinceLastPoll() {
    return Duration.ofNanos(System.nanoTime() - lastPollNanos);
  }

  /** The partitions of {@code fv.jobs} this instance owns now, in the consumer's order. */
  public Set<TopicPartition> assigned() {
    return assigned;
  }

  public boolean isRunning() {
    return running && pollThread.isAlive();
  }

  /** Whether this instance takes jobs at all: not when it cannot render on its device. */
  public boolean isConsuming() {
    return pollThread != null;
  }

  /** Whether the cancel requests published before this instance started are read. */
  public boolean knowsEarlierCancellations() {
    return cancellationLog.isCaughtUp();
  }

  /** A job's results could not be published: its offset, and those after it, wait for a restart. */
  public boolean isStuck() {
    return stuck;
  }

  private void pollLoop() {
    awaitCancellations();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig())) {
      consumer.subscribe(List.of(Topics.JOBS), new Rebalance(consumer));
      while (running) {
        try {
          awaitFreeSlot();
          commitFinished(consumer);
          // while every slot is taken the partitions are paused: the poll finds nothing to wait for
          Duration wait = throttle(consumer) ? Duration.ZERO : config.jobs().pollTimeout();
          List<PolledJob> polled = new ArrayList<>();
          for (ConsumerRecord<String, byte[]> record : consumer.poll(wait)) {
            polled.add(PolledJob.of(record, config.maxBatch()));
          }
          if (!polled.isEmpty()) {
            dispatch(consumer, polled);
          }
          lastPollNanos = System.nanoTime();
        } catch (KafkaException e) {
          LOG.warnf(e, "polling %s failed; retrying", Topics.JOBS);
          sleepQuietly(config.jobs().pollTimeout());
        }
      }
      awaitRenders();
      commitFinished(consumer);
    } catch (RuntimeException e) {
      LOG.error("job consumer stopped", e);
      running = false;
    }
  }

  /**
   * Joins the group only once the cancel requests published until now are known, so that no
   * job cancelled while queued is rendered here. The loop counts as coming round meanwhile, as
   * it does while polls find nothing.
   */
  private void awaitCancellations() {
    try {
      while (running && !cancellationLog.awaitCaughtUp(config.jobs().pollTimeout())) {
        lastPollNanos = System.nanoTime();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  private Map<String, Object> consumerConfig() {
    Map<String, Object> properties = new HashMap<>(kafkaConfig);
    properties.put(ConsumerConfig.GROUP_ID_CONFIG, config.jobs().groupId());
    properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "fv-jobs-" + worker);
    properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    long session = config.jobs().sessionTimeout().toMillis();
    properties.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) session);
    properties.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) (session / 3));
    // A poll takes what one pack can hold; the records no free slot takes are sought back to.
    properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.maxBatch());
    // Cooperative: a worker joining or leaving moves only the partitions that change owner,
    // and never one whose job is rendering here (see the assignor).
    properties.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
        RenderingPartitionsStayAssignor.class.getName());
    properties.put(RenderingPartitionsStayAssignor.RENDERING_PARTITIONS,
        (Supplier<Set<TopicPartition>>) this::renderingPartitions);
    return properties;
  }

  /** Called on the poll thread, when the consumer joins the group. */
  private Set<TopicPartition> renderingPartitions() {
    return offsets.entrySet().stream().filter(e -> e.getValue().rendering())
        .map(Map.Entry::getKey).collect(Collectors.toSet());
  }

  /**
   * Hands one unit per free slot to the render pool; the records left over are the tail of
   * their partitions (see {@link PackPlanner}), delivered again by the next polls.
   */
  private void dispatch(KafkaConsumer<?, ?> consumer, List<PolledJob> polled) {
    PackPlanner.Plan plan = planner.plan(polled, config.concurrency() - slotsTaken.get());
    plan.units().forEach(this::dispatch);
    Map<TopicPartition, Long> seekBack = new HashMap<>();
    plan.leftovers().forEach(left -> seekBack.merge(left.partition(), left.offset(), Math::min));
    seekBack.forEach(consumer::seek);
  }

  private void dispatch(List<PolledJob> unit) {
    unit.forEach(job -> offsets.computeIfAbsent(job.partition(), p -> new PartitionOffsets())
        .started(job.offset()));
    slotsTaken.incrementAndGet();
    busy.addAndGet(unit.size());
    unitJobs.record(unit.size());
    CompletableFuture.supplyAsync(() -> intake.handle(unit), renderPool)
        .whenComplete((ends, failure) -> {
          busy.addAndGet(-unit.size());
          slotsTaken.decrementAndGet();
          for (int i = 0; i < unit.size(); i++) {
            PolledJob job = unit.get(i);
            completions.add(new Completion(job.partition(), job.offset(),
                failure != null ? failure : ends.get(i).orElse(null)));
          }
          slotFreed.release();
        });
  }

  /**
   * Pauses every assigned partition while all slots are taken, so no record waits here; whether
   * it did.
   */
  private boolean throttle(KafkaConsumer<?, ?> consumer) {
    if (slotsTaken.get() >= config.concurrency()) {
      consumer.pause(consumer.assignment());
      return true;
    }
    if (!consumer.paused().isEmpty()) {
      consumer.resume(consumer.paused());
    }
    return false;
  }

  /**
   * While every slot is taken, waits (at most a poll's timeout, so the loop still comes round)
   * until a unit ends: the next records are then polled at once, not a poll timeout later. That
   * wait was most of a small job's time (a cancelled one's: 200 of 210 ms).
   */
  private void awaitFreeSlot() {
    try {
      if (slotsTaken.get() >= config.concurrency()) {
        slotFreed.tryAcquire(config.jobs().pollTimeout().toMillis(), TimeUnit.MILLISECONDS);
      }
      slotFreed.drainPermits();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void commitFinished(KafkaConsumer<?, ?> consumer) {
    for (Completion done; (done = completions.poll()) != null; ) {
      PartitionOffsets partition = offsets.get(done.partition());
      if (done.failure() != null) {
        // Left in flight: the partition's commits stop here until a restart or rebalance
        // delivers the record again, to this worker or another.
        Throwable cause = done.failure() instanceof CompletionException wrapped
            ? wrapped.getCause() : done.failure();
        if (cause instanceof JobAbandonedException) {
          LOG.info(cause.getMessage());
        } else {
          LOG.errorf(cause, "record %s@%d not finished", done.partition(), done.offset());
          stuck = true;
        }
      } else if (partition != null) {
        partition.finished(done.offset());
      }
    }
    Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
    offsets.forEach((partition, tracked) -> tracked.toCommit()
        .ifPresent(offset -> commits.put(partition, new OffsetAndMetadata(offset))));
    if (commits.isEmpty()) {
      return;
    }
    try {
      consumer.commitSync(commits);
      commits.forEach((partition, offset) -> offsets.get(partition).committed(offset.offset()));
    } catch (KafkaException e) {
      LOG.warnf("commit of %s failed, the records will be delivered again: %s", commits,
          e.getMessage());
    }
  }

  private void awaitRenders() {
    try {
      renderPool.awaitTermination(config.jobs().shutdownTimeout().toMillis(),
          TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleepQuietly(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private record Completion(TopicPartition partition, long offset, Throwable failure) {}

  /** Commits what is finished before partitions move to another worker. */
  private final class Rebalance implements ConsumerRebalanceListener {

    private final KafkaConsumer<?, ?> consumer;

    Rebalance(KafkaConsumer<?, ?> consumer) {
      this.consumer = consumer;
    }

    /**
     * Under the cooperative protocol only the partitions that move are revoked; the others stay
     * assigned, their renders untouched. The assignor keeps partitions with a running job here
     * unless their count exceeds this worker's share; such a job finishes here and its new owner
     * renders it again, which gives the same frames under the same keys.
     */
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      commitFinished(consumer);
      forget(partitions);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      forget(partitions);
    }

    private void forget(Collection<TopicPartition> partitions) {
      partitions.forEach(offsets::remove);
      Set<TopicPartition> kept = new LinkedHashSet<>(assigned);
      kept.removeAll(partitions);
      assigned = Collections.unmodifiableSet(kept);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      assigned = Collections.unmodifiableSet(new LinkedHashSet<>(consumer.assignment()));
      LOG.infof("worker %s owns %s", worker, assigned);
      if (slotsTaken.get() >= config.concurrency()) {
        consumer.pause(partitions);
      }
    }
  }
}
