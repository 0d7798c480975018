package io.featureviz.client.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import org.junit.jupiter.api.Test;

class PageLinkTest {

  @Test
  void theKeyRidesInTheFragmentWhichNoRequestCarries() {
    String key = DevelopmentKey.generate();
    URI link = URI.create(PageLink.of("http://127.0.0.1:8080", key));
    assertEquals("127.0.0.1:8080", link.getAuthority());
    assertEquals("/", link.getPath(), "the page is job-api's root");
    assertNull(link.getRawQuery(), "a query string is sent to the server and logged");
    assertEquals("key=" + key, link.getRawFragment());
  }

  @Test
  void aKeyWithCharactersAFragmentCannotHoldIsEncoded() {
    URI link = URI.create(PageLink.of("http://127.0.0.1:8080", "a b#c&d"));
    assertEquals("key=a+b%23c%26d", link.getRawFragment());
  }
}
