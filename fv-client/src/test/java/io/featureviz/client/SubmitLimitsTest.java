package io.featureviz.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * {@code ./fv submit} refuses a number outside the range the API takes with exit status 2, before
 * it sends anything: the API here counts the requests it gets.
 */
class SubmitLimitsTest {

  private HttpServer api;
  private final AtomicInteger requests = new AtomicInteger();

  @BeforeEach
  void startApi() throws Exception {
    api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    api.createContext("/", exchange -> {
      requests.incrementAndGet();
      exchange.sendResponseHeaders(500, -1);
      exchange.close();
    });
    api.start();
  }

  @AfterEach
  void stopApi() {
    api.stop(0);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--steps 0          | --steps must be an integer from 1 to 10000, not 0",
      "--steps 10001      | --steps must be an integer from 1 to 10000, not 10001",
      "--batch 17         | --batch must be an integer from 1 to 16, not 17",
      "--seed -1          | --seed must be an integer from 0 to 2147483647, not -1",
      "--lr 0             | --lr must be a number in (0, 10], not 0.0",
      "--lr 10.01         | --lr must be a number in (0, 10], not 10.01",
      "--steps 8 --thresholds 4,9 | --thresholds must be an integer from 1 to 8, not 9",
      "--thresholds 513   | --thresholds must be an integer from 1 to 512, not 513",
      "--kind dataset_examples --top-k 65 | --top-k must be an integer from 1 to 64, not 65"})
  void aNumberOutsideItsRangeExitsWithStatusTwoAndSendsNothing(String options, String message) {
    List<String> args = new ArrayList<>(List.of("submit", "--model", "inception_v3",
        "--objective", "mixed4:97", "--api", "http://127.0.0.1:" + api.getAddress().getPort()));
    args.addAll(List.of(options.split(" ")));
    StringWriter err = new StringWriter();
    CommandLine command = FvClient.commandLine().setErr(new PrintWriter(err));
    int status = command.execute(args.toArray(String[]::new));
    assertEquals(2, status, err.toString());
    assertTrue(err.toString().contains(message), err.toString());
    assertEquals(0, requests.get(), "no request reaches the API");
  }
}
