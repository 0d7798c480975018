package io.featureviz.client.stack;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The link that opens job-api's page signed in: the page's address with the API key in the URL
 * fragment, {@code <api>/#key=<key>}. Browsers never send a fragment to the server, so the key
 * reaches no request line, server log or proxy (a query string would reach all three). The page
 * stores the key as it stores a pasted one and removes it from the address bar (job-api's
 * {@code js/api.js}, which reads the same {@value #KEY_PARAMETER} parameter).
 */
public final class PageLink {

  static final String KEY_PARAMETER = "key";

  private PageLink() {}

  public static String of(String apiUrl, String apiKey) {
    return apiUrl + "/#" + KEY_PARAMETER + "=" + URLEncoder.encode(apiKey, StandardCharsets.UTF_8);
  }

  /** The link to the page of the stack {@code state} describes. */
  public static String of(StackState state) {
    return of(state.apiUrl(), state.apiKey());
  }
}
