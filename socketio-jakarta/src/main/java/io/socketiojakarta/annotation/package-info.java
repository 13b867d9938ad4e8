/**
 * Annotations for applications: CDI qualifiers that select the namespace and the event a CDI
 * observer method handles, and the configuration annotation read when the application starts.
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class Chat {
 *   void joined(@Observes @OnConnection @SocketNamespace("/chat") Socket socket) {
 *     socket.join("lobby");
 *   }
 *
 *   void message(@Observes @OnEvent("message") @SocketNamespace("/chat") ChatMessage m,
 *                Socket socket, Event.Acknowledgement ack) {
 *     socket.to("lobby").emit("message", m);
 *     ack.send("delivered");
 *   }
 * }
 * }</pre>
 *
 * <p>Layering: may import the JDK and the CDI meta-annotations only. The qualifiers are ignored
 * where CDI is absent (annotation classes that do not load are skipped by the JVM).
 */
package io.socketiojakarta.annotation;
