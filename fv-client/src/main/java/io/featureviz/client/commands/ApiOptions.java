package io.featureviz.client.commands;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where the commands that talk to the API send their requests, and with which key. */
public final class ApiOptions {

  @Option(names = "--api", description = "API URL (default: the stack of --state, else http://127.0.0.1:8080).")
  String api;

  @Mixin
  StackOptions stack;

  String url() {
    return api != null ? api : stack.apiUrl();
  }

  /** From stack.json or FV_API_KEY, never the command line (visible in ps). */
  String key() {
    return stack.apiKey();
  }
}
