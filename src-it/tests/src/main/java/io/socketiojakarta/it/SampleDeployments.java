package io.socketiojakarta.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The deployments of the shared tests: the sample WAR as the build made it (system property {@code
 * it.war}, set by each container module: the plain WAR for Jetty and Tomcat, the {@code wildfly}
 * variant for WildFly), imported as a file. Nothing of the application is on the test classpath;
 * the tests reach it over the network only.
 *
 * <p>Every deployment gets a random name, hence its own context path: tests build their URLs from
 * {@code @ArquillianResource URL}.
 */
public final class SampleDeployments {
  /** The system property naming the WAR file. */
  public static final String WAR_PROPERTY = "it.war";

  private SampleDeployments() {}

  /** The sample WAR as built. */
  public static WebArchive sample() {
    String property = System.getProperty(WAR_PROPERTY, "");
    Path war = Path.of(property);
    if (property.isBlank() || !Files.isRegularFile(war)) {
      throw new IllegalStateException(
          "WAR not built: '" + property + "' (run the build from the project root)");
    }
    return ShrinkWrap.create(ZipImporter.class, UUID.randomUUID() + ".war")
        .importFrom(war.toFile())
        .as(WebArchive.class);
  }

  /**
   * The sample WAR with a {@code WEB-INF/web.xml} (replacing any) that sets these context
   * parameters; the descriptor is not metadata-complete, so annotations and initializers still
   * count.
   */
  public static WebArchive withContextParams(Map<String, String> params) {
    WebArchive war = sample();
    if (war.contains("WEB-INF/web.xml")) {
      war.delete("WEB-INF/web.xml");
    }
    String contextParams =
        params.entrySet().stream()
            .map(
                e ->
                    "  <context-param>\n"
                        + "    <param-name>"
                        + xml(e.getKey())
                        + "</param-name>\n"
                        + "    <param-value>"
                        + xml(e.getValue())
                        + "</param-value>\n"
                        + "  </context-param>\n")
            .collect(Collectors.joining());
    String webXml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\"\n"
            + "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
            + "         xsi:schemaLocation=\"https://jakarta.ee/xml/ns/jakartaee"
            + " https://jakarta.ee/xml/ns/jakartaee/web-app_6_0.xsd\"\n"
            + "         version=\"6.0\" metadata-complete=\"false\">\n"
            + contextParams
            + "</web-app>\n";
    return war.setWebXML(new StringAsset(webXml));
  }

  private static String xml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
