package io.featureviz.client.stack;

import io.featureviz.client.models.ModelsClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The whole stack as detached OS processes: the infra process, then storage-sink, job-api and
 * the optimizer workers, each with its log under {@code <state>/logs} and its PID under
 * {@code <state>/pids}. {@code up}, {@code down}, {@code status} and the tests all use this class.
 */
public final class LocalStack {

  private static final Duration SERVICE_START_TIMEOUT = Duration.ofSeconds(240);
  // the worker loads the built-in models as it starts, before it reports ready: their entries
  // then travel through Kafka and the sink to PostgreSQL, a few seconds on a loaded machine
  private static final Duration BUILT_IN_CATALOG_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration STOP_GRACE = Duration.ofSeconds(20);
  // a Kafka restart takes a few seconds, a loaded machine many more
  private static final Duration INFRA_CONTROL_TIMEOUT = Duration.ofSeconds(90);

  private static final String FIRST_WORKER = "optimizer-worker";

  private final StackSettings settings;
  private final Consumer<String> progress;

  public LocalStack(StackSettings settings, Consumer<String> progress) {
    this.settings = settings;
    this.progress = progress;
  }

  public StackSettings settings() {
    return settings;
  }

  /** The running stack, if every component it started is alive and healthy. */
  public Optional<StackState> running() {
    return StackState.read(settings.stackFile())
        .filter(state -> status().components().values().stream()
            .allMatch(c -> c.alive() && c.healthy()));
  }

  /** Starts everything (stopping leftovers of an earlier, broken run first); stops it again on failure. */
  public StackState start() {
    long started = System.nanoTime();
    stop();
    StackBuild.ensureBuilt(settings, progress);
    try {
      progress.accept("starting infra (Kafka, object store, PostgreSQL)");
      InfraEndpoints infra = InfraProcess.start(settings);
      List<StackState.Component> components = new ArrayList<>();
      components.add(new StackState.Component(InfraProcess.NAME, infra.pid(),
          InfraEndpoints.file(settings.infraDir()).toUri().toString(), null,
          settings.logFile(InfraProcess.NAME).toString()));
      StackPorts ports = settings.ports();
      String apiKey = DevelopmentKey.generate();
      StackState.Component api = launch(Service.JOB_API, "job-api", ports.api(), infra, apiKey);
      List<StackState.Component> services = new ArrayList<>(List.of(
          launch(Service.STORAGE_SINK, "storage-sink", ports.sink(), infra, apiKey), api));
      for (int i = 1; i <= settings.workers(); i++) {
        // extra workers take free ports: only the first has a well-known one
        String name = i == 1 ? FIRST_WORKER : FIRST_WORKER + "-" + i;
        services.add(launch(Service.OPTIMIZER_WORKER, name, i == 1 ? ports.worker() : 0,
            infra, apiKey));
      }
      // Started side by side, then awaited: on 2 cores they start slower together, but sooner
      // than one after the other.
      for (StackState.Component service : services) {
        awaitHealthy(service);
        progress.accept(service.name() + " ready at " + service.url());
      }
      // every worker publishes the built-ins; the first one's log tells why they are missing
      services.stream().filter(s -> s.name().equals(FIRST_WORKER)).findFirst()
          .ifPresent(worker -> awaitBuiltInCatalog(worker, api.url(), apiKey));
      components.addAll(services);
      StackState state = new StackState(api.url(), apiKey, infra.kafkaBootstrapServers(),
          (System.nanoTime() - started) / 1e9, components);
      state.write(settings.stackFile());
      return state;
    } catch (RuntimeException e) {
      progress.accept("start failed; stopping what did start");
      stop();
      throw e;
    }
  }

  /** Stops every process with a PID file: the services first, the infra last. */
  public void stop() {
    List<String> names = pidFileNames();
    List<String> services = names.stream().filter(n -> !n.equals(InfraProcess.NAME)).toList();
    services.stream().map(this::terminate).toList().forEach(this::awaitStopped);
    if (names.contains(InfraProcess.NAME)) {
      awaitStopped(terminate(InfraProcess.NAME));
    }
    // a killed infra JVM leaves PostgreSQL behind
    InfraProcess.stopLeftoverPostgres(settings);
    deleteQuietly(settings.stackFile());
  }

  /** SIGKILL to a component, as a crash would end it: no shutdown hook, no clean commit. */
  public void kill(String name) {
    ProcessHandle process = DetachedProcess.readPid(settings.pidFile(name))
        .flatMap(pid -> DetachedProcess.alive(pid, JavaCommand.EXECUTABLE))
        .orElseThrow(() -> new IllegalStateException(name + " is not running"));
    progress.accept("killing " + name + " (pid " + process.pid() + ")");
    process.destroyForcibly();
    if (!DetachedProcess.awaitExit(process, STOP_GRACE)) {
      throw new IllegalStateException(name + " (pid " + process.pid() + ") survived SIGKILL");
    }
  }

  /**
   * Starts a service again, stopping it first if it still runs, on its port and with the
   * configuration it had; waits until it is ready and records its new PID in {@code stack.json}.
   */
  public StackState.Component restart(String name) {
    StackState state = StackState.read(settings.stackFile())
        .orElseThrow(() -> new IllegalStateException("no stack runs in " + settings.stateDir()));
    StackState.Component previous = state.component(name);
    awaitStopped(terminate(name));
    InfraEndpoints infra = InfraEndpoints.read(settings.infraDir())
        .orElseThrow(() -> new IllegalStateException("the infra process is not ready"));
    StackState.Component restarted = launch(Service.ofComponent(name), name,
        URI.create(previous.url()).getPort(), infra, state.apiKey());
    awaitHealthy(restarted);
    state.withComponent(restarted).write(settings.stackFile());
    return restarted;
  }

  /** Has the infra process carry out a command (an outage, a restart) and waits until it did. */
  public void control(InfraControl command) {
    Path file = InfraControl.file(settings.infraDir(), command);
    progress.accept("infra: " + command.fileName());
    try {
      Files.writeString(file, "");
      long deadline = System.nanoTime() + INFRA_CONTROL_TIMEOUT.toNanos();
      while (Files.exists(file)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the infra process did not carry out "
              + command.fileName() + " within " + INFRA_CONTROL_TIMEOUT + "; see "
              + settings.logFile(InfraProcess.NAME));
        }
        Thread.sleep(100);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + command.fileName(), e);
    }
  }

  public StackStatus status() {
    Optional<StackState> state = StackState.read(settings.stackFile());
    Map<String, StackStatus.ComponentStatus> components = new LinkedHashMap<>();
    for (StackState.Component c : state.map(StackState::components).orElse(List.of())) {
      boolean alive = DetachedProcess.alive(c.pid(), JavaCommand.EXECUTABLE).isPresent();
      boolean healthy = alive && (c.healthUrl() == null ? InfraProcess.isReady(settings, c.pid())
          : HealthProbe.isReady(c.url()));
      components.put(c.name(), new StackStatus.ComponentStatus(c.pid(), alive, healthy, c.url()));
    }
    boolean running = !components.isEmpty()
        && components.values().stream().allMatch(c -> c.alive() && c.healthy());
    return new StackStatus(state.map(StackState::apiUrl).orElse(null),
        state.map(StackState::apiKey).orElse(null), state.map(PageLink::of).orElse(null),
        running, components);
  }

  private Map<String, String> environment(Service service, InfraEndpoints infra, String apiKey) {
    Map<String, String> environment = new HashMap<>(infra.environment());
    if (service == Service.OPTIMIZER_WORKER) {
      // only workers load models; the API reads what they found from the catalog
      environment.put("FV_MODELS_DIR", settings.modelsDir().toString());
      // TensorFlow's C++ start-up chatter would fill the worker's log
      environment.putIfAbsent("TF_CPP_MIN_LOG_LEVEL", "2");
    }
    if (service == Service.JOB_API) {
      environment.put("FV_AUTH_BOOTSTRAP_KEYS", DevelopmentKey.TENANT + ":" + apiKey);
      // the built-in image set of dataset examples: the photos beside the shared models
      environment.put("FV_DATASETS_BUILTIN_PHOTOS", settings.photosDir().toString());
      environment.putAll(settings.apiEnvironment());
    }
    return environment;
  }

  private StackState.Component launch(Service service, String name, int port,
      InfraEndpoints infra, String apiKey) {
    int actualPort = port == 0 ? freePort() : port;
    Map<String, String> env = environment(service, infra, apiKey);
    env.put("QUARKUS_HTTP_PORT", Integer.toString(actualPort));
    progress.accept("starting " + name + " on port " + actualPort);
    Path log = settings.logFile(name);
    long pid = DetachedProcess.start(service.command(settings), env, settings.repoRoot(), log,
        settings.pidFile(name));
    String url = "http://127.0.0.1:" + actualPort;
    return new StackState.Component(name, pid, url, HealthProbe.readinessUrl(url), log.toString());
  }

  private void awaitHealthy(StackState.Component service) {
    ProcessHandle process = ProcessHandle.of(service.pid()).orElseThrow(
        () -> new StackStartException(service.name() + " exited at once; see " + service.log()));
    Readiness.await(service.name(), process, Path.of(service.log()), SERVICE_START_TIMEOUT,
        () -> HealthProbe.isReady(service.url()));
  }

  /**
   * Waits until the API lists the built-in models READY, so that the first job after a start is
   * never answered 503; {@code worker} is the one whose log tells why not.
   */
  private void awaitBuiltInCatalog(StackState.Component worker, String apiUrl, String apiKey) {
    progress.accept("waiting for " + BuiltInCatalog.description() + " in the catalog");
    ModelsClient api = new ModelsClient(apiUrl, apiKey);
    ProcessHandle process = ProcessHandle.of(worker.pid()).orElseThrow(
        () -> new StackStartException(worker.name() + " exited; see " + worker.log()));
    Readiness.await(worker.name() + " exited before it described "
            + BuiltInCatalog.description(),
        BuiltInCatalog.description() + " were not READY in the catalog (GET /v1/models) within "
            + BUILT_IN_CATALOG_TIMEOUT.toSeconds() + " s of the services' start: "
            + worker.name() + " publishes them as it starts",
        process, Path.of(worker.log()), BUILT_IN_CATALOG_TIMEOUT,
        () -> BuiltInCatalog.isListed(api));
  }

  /** Sends SIGTERM to the component's process, if it is still ours and alive. */
  private Optional<ProcessHandle> terminate(String name) {
    Optional<ProcessHandle> process = DetachedProcess.readPid(settings.pidFile(name))
        .flatMap(pid -> DetachedProcess.alive(pid, JavaCommand.EXECUTABLE));
    process.ifPresent(p -> {
      progress.accept("stopping " + name + " (pid " + p.pid() + ")");
      p.destroy();
    });
    DetachedProcess.deletePidFile(settings.pidFile(name));
    return process;
  }

  private void awaitStopped(Optional<ProcessHandle> process) {
    process.ifPresent(p -> {
      if (DetachedProcess.stop(p, STOP_GRACE)) {
        progress.accept("pid " + p.pid() + " did not stop on SIGTERM; killed");
      }
    });
  }

  private List<String> pidFileNames() {
    Path pids = settings.pidFile(InfraProcess.NAME).getParent();
    if (!Files.isDirectory(pids)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(pids)) {
      return files.map(f -> f.getFileName().toString())
          .filter(f -> f.endsWith(".pid")).map(f -> f.substring(0, f.length() - 4)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
