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
 * {@code ./fv submit} and {@code ./fv sweep} refuse a number outside the range the API takes, or
 * options that do not go together, with exit status 2, before they send anything: the API here
 * counts the requests it gets.
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
    assertRefusedBeforeSending("--objective mixed4:97 " + options, message);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--interpolate mixed4:97 mixed4:143 --objective mixed4:97 | takes the place of --objective",
      "--interpolate mixed4:97 mixed4:143 --batch 2 | takes the place of --objective and --batch",
      "--interpolate mixed4:97 mixed4:143 --frames 17 | --frames must be an integer from 2 to 16, not 17",
      "--interpolate mixed4:97 mixed4:143 --frames 1 | --frames must be an integer from 2 to 16, not 1",
      "--interpolate mixed4:97 mixed4:1;mixed4:2 | to must be one objective",
      "--interpolate mixed4:97 | --interpolate",
      "--objective mixed4:97 --frames 3 | --frames needs --interpolate",
      "--size 64 | --objective is required (or --interpolate A B)",
      "--kind dataset_examples --objective mixed4:97 --interpolate mixed4:1 mixed4:2 | the render options do not apply"})
  void aBadInterpolationExitsWithStatusTwoAndSendsNothing(String options, String message) {
    assertRefusedBeforeSending(options, message);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--steps 8                              | give either --layer (one or more) or --all-layers",
      "--layer mixed4 --all-layers            | give either --layer (one or more) or --all-layers",
      "--layer mixed4 --channels 0-63,a       | --channels: 'a' is no channel or range; write channels and ranges such as \"0-63,100\"",
      "--layer mixed4 --channels 0-63,9-2     | --channels: range 9-2 runs backwards",
      "--all-layers --steps 10001             | --steps must be an integer from 1 to 10000, not 10001",
      "--all-layers --seed -1                 | --seed must be an integer from 0 to 2147483647, not -1",
      "--layer mixed4 --top-k 3               | --examples-dataset and --top-k need --examples",
      "--layer mixed4 --examples --top-k 65   | --top-k must be an integer from 1 to 64, not 65"})
  void aBadSweepExitsWithStatusTwoAndSendsNothing(String options, String message) {
    assertRefusedBeforeSending("sweep", options, message);
  }

  private void assertRefusedBeforeSending(String options, String message) {
    assertRefusedBeforeSending("submit", options, message);
  }

  private void assertRefusedBeforeSending(String subcommand, String options, String message) {
    List<String> args = new ArrayList<>(List.of(subcommand, "--model", "inception_v3",
        "--api", "http://127.0.0.1:" + api.getAddress().getPort()));
    args.addAll(List.of(options.split(" +")));
    StringWriter err = new StringWriter();
    CommandLine command = FvClient.commandLine().setErr(new PrintWriter(err));
    int status = command.execute(args.toArray(String[]::new));
    assertEquals(2, status, err.toString());
    assertTrue(err.toString().contains(message), err.toString());
    assertEquals(0, requests.get(), "no request reaches the API");
  }
}
