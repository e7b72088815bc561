/**
 * Signaling layer of the SDK: requests with a {@code requestId} matched to their one reply,
 * deadlines, and events handed on in the order they arrived ({@code docs/protocol.md} §2–3).
 * Not API.
 */
package asia.oncaller.client.internal.signaling;
