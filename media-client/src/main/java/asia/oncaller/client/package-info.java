/**
 * The OnCaller Java SDK: {@code OnCallerClient} and {@code OnCallerCall}, with real audio and
 * video over WebRTC. It depends on no server code; it speaks the wire contract of
 * {@code docs/protocol.md}.
 */
package asia.oncaller.client;
