/**
 * The sample application: a chat on Socket.IO written as CDI beans (observer methods for events,
 * middleware beans, an injected server), with its page at the root of the application and a raw
 * Engine.IO echo at {@code /engine.io/}. The library mounts the Socket.IO server at {@code
 * /socket.io/} by itself; {@link io.socketiojakarta.sample.ChatApplication} configures it.
 *
 * <h2>Wire protocol</h2>
 *
 * <p>Acknowledgements that refuse are {@code {"error":"..."}}; an argument that does not bind to
 * the expected payload is refused with {@code {"error":"invalid payload","message":"..."}}.
 *
 * <h3>Namespace {@code /}: the chat</h3>
 *
 * <ul>
 *   <li><b>connect</b> with {@code auth} {@code {name}}: 1 to 40 characters once stripped,
 *       otherwise refused with the message {@code "a name is required"} and the data {@code
 *       {"max":40}}. The socket joins {@code lobby} and gets {@code welcome} {@code {id, name,
 *       rooms:["lobby"]}}; the others in {@code lobby} get {@code presence} {@code {name, room,
 *       joined:true}}.
 *   <li>{@code join} (room name, 1 to 40 characters): ack {@code {room, members:[names]}}; the
 *       others in the room get {@code presence} {@code {name, room, joined:true}}.
 *   <li>{@code leave} (room name): ack {@code {room}}; the others get {@code presence} {@code
 *       {name, room, joined:false}}.
 *   <li>{@code chat} {@code {room, text}} (1 to 1000 characters, sender in the room): the others in
 *       the room get {@code chat} {@code {from, fromId, room, text, at}} ({@code at} in ms since
 *       the epoch); ack {@code "delivered"}.
 *   <li>{@code private} {@code {to (socket id), text}}: the target gets {@code private} {@code
 *       {from, fromId, text}}; ack {@code "delivered"} or {@code {error:"no such user"}}.
 *   <li>{@code typing} {@code {room, typing}}: the others in the room get {@code typing} {@code
 *       {name, room, typing}}, as a volatile emit (dropped rather than queued); no ack.
 *   <li>{@code users} (no argument): ack {@code [{id, name}...]}, every socket on {@code /}.
 *   <li>{@code file} {@code {room, name, type, data}} ({@code data} binary, at most 512 KiB): the
 *       others in the room get {@code file} {@code {from, room, name, type, data}} ({@code data}
 *       binary); ack {@code "delivered"}.
 *   <li><b>disconnect</b>: the others in each of its rooms get {@code presence} {@code {name, room,
 *       joined:false}}.
 *   <li>{@code announce} {@code {text}} comes from the server (see {@code /admin}).
 * </ul>
 *
 * <h3>Namespace {@code /admin}</h3>
 *
 * <ul>
 *   <li><b>connect</b> with {@code auth} {@code {token}} equal to the context parameter {@code
 *       sample.adminToken} ({@code change-me} when absent), otherwise refused with {@code "invalid
 *       token"}.
 *   <li>{@code stats}: ack {@code {clients, sockets, rooms:[...]}} (Engine.IO clients, sockets on
 *       {@code /}, chat rooms on {@code /}).
 *   <li>{@code announce} (text): every socket on {@code /} gets {@code announce} {@code {text}};
 *       ack {@code "sent"}.
 *   <li>{@code kick} (socket id): disconnects that socket of {@code /}; ack {@code true}, or {@code
 *       false} when there is none.
 * </ul>
 *
 * <p>The server pings every 20 s ({@code @SocketIoConfiguration} on {@link
 * io.socketiojakarta.sample.ChatApplication}).
 */
package io.socketiojakarta.sample;
