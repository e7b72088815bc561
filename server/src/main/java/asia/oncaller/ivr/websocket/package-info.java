/**
 * A {@code connect} to a customer's WebSocket: the call's audio streamed both ways in real time,
 * as 16-bit linear PCM at 16 kHz (docs/ivr.md, "Voice bots").
 */
package asia.oncaller.ivr.websocket;
