package io.socketiojakarta.cdi;

import io.socketiojakarta.annotation.SocketNamespace;
import jakarta.enterprise.util.AnnotationLiteral;

/** A {@link SocketNamespace} instance, for the synthetic namespace beans' qualifiers. */
final class SocketNamespaceLiteral extends AnnotationLiteral<SocketNamespace>
    implements SocketNamespace {
  private static final long serialVersionUID = 1L;

  private final String value;

  SocketNamespaceLiteral(String value) {
    this.value = value;
  }

  @Override
  public String value() {
    return value;
  }
}
