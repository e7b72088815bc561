/**
 * Transport layer of the SDK: STOMP 1.2 over WebSocket ({@code docs/protocol.md} §2) with Spring's
 * {@code WebSocketStompClient}. Knows frames and destinations, nothing about calls. Not API.
 */
package asia.oncaller.client.internal.transport;
