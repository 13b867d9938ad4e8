package io.socketiojakarta.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

/** The CDI integration is only reached when the application sees the CDI API. */
class CdiStartupListenerTest {
  @Test
  void cdiApiVisibleToTheTestsButNotToALoaderWithoutIt() throws Exception {
    assertThat(CdiStartupListener.cdiVisible(getClass().getClassLoader())).isTrue();
    try (URLClassLoader bare =
        new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
      assertThat(CdiStartupListener.cdiVisible(bare)).isFalse();
    }
  }
}
