package io.socketiojakarta.engine;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Makes session ids, the reference's {@code engine.generateId}. Ids must be unguessable and unique
 * among live sessions; they travel in URLs, so they should be URL-safe.
 */
@FunctionalInterface
public interface SessionIdGenerator {
  /** A new id for a session opened by this handshake request. */
  String generate(EngineRequest handshake);

  /**
   * The default: 15 bytes (120 bits) from {@link SecureRandom}, base64url without padding (20
   * characters), like the reference's base64id.
   */
  static SessionIdGenerator secureRandom() {
    SecureRandom random = new SecureRandom();
    Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
    return request -> {
      byte[] bytes = new byte[15];
      random.nextBytes(bytes);
      return encoder.encodeToString(bytes);
    };
  }
}
