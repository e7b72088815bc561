// Type declarations of the OnCaller JavaScript SDK (@oncaller/sdk). The API is the seed's
// OnCallerCall plus PROTOCOL §6; test/typecheck/api.ts uses every declaration here.

/** What every verb's callback gets: `r` 0 is success; see docs/errors.md for each verb's codes. */
export interface CallResult {
  r: number;
  message: string;
  [field: string]: unknown;
}

export type Callback = (result: CallResult) => void;

/** The reply to makeCall: on r=0 also the call's id and the answer_url's custom data. */
export interface MakeCallResult extends CallResult {
  callId?: string;
  toType?: 'internal' | 'external';
  customDataFromYourServer?: string | null;
  iceServers?: RTCIceServer[];
}

export interface ConnectedDevice {
  connectionId: string;
  deviceId: string;
  platform: string;
}

/** The `authen` event: r=0 signed in; 1-8 the token was refused (docs/errors.md). */
export interface AuthenResult {
  r: number;
  message: string;
  userId?: string;
  projectId?: string;
  connectionId?: string;
  deviceId?: string;
  clients?: ConnectedDevice[];
  iceServers?: RTCIceServer[];
  /** Secret: sent back on a reconnect to resume this connection's calls (docs/protocol.md §2.1). */
  resumeToken?: string;
  /** How long calls wait for this device after a dropped connection; 0: they end at once. */
  resumeWindowSeconds?: number;
}

export interface OtherDeviceAuthen extends ConnectedDevice {
  status: 'connected' | 'disconnected';
}

export interface CustomMessage {
  fromUserId: string;
  message: Record<string, unknown>;
}

export interface ClientEventMap {
  connect: () => void;
  authen: (result: AuthenResult) => void;
  disconnect: () => void;
  incomingcall: (call: OnCallerCall) => void;
  requestnewtoken: () => void;
  otherdeviceauthen: (device: OtherDeviceAuthen) => void;
  custommessage: (message: CustomMessage) => void;
  /** The connection dropped (not disconnect()): the client reconnects; live calls wait for it. */
  reconnecting: () => void;
  /** Signed in again after a drop; every waiting call has resumed or ended. */
  reconnected: () => void;
}

export declare class OnCallerClient {
  /**
   * @param serverAddrs WebSocket URL(s), e.g. `wss://calls.example.com/ws`; default: the server that served the bundle.
   * @param options `iceTransportPolicy`: `'relay'` for media only through the TURN server handed out (default `'all'`).
   */
  constructor(serverAddrs?: string | string[], options?: { iceTransportPolicy?: RTCIceTransportPolicy });
  /** Which ICE candidates new calls may use: `'relay'` (TURN only) or `'all'` (default). */
  iceTransportPolicy: RTCIceTransportPolicy;
  /** The signed-in user's id, else null. */
  readonly userId: string | null;
  /** Whether the client is connected and signed in. */
  readonly hasConnected: boolean;
  /** The device id sent on connect, stable for this browser. */
  readonly deviceId: string;
  /** The last successful authen message, else null. */
  readonly authen: AuthenResult | null;
  connect(accessToken: string): void;
  disconnect(): void;
  sendCustomMessage(toUserId: string, message: Record<string, unknown>, callback?: Callback): void;
  on<E extends keyof ClientEventMap>(event: E, handler: ClientEventMap[E]): this;
  off<E extends keyof ClientEventMap>(event: E, handler?: ClientEventMap[E]): this;
}

export interface SignalingState {
  /** 1 Calling, 2 Ringing, 3 Answered, 5 Busy, 6 Ended. */
  code: 1 | 2 | 3 | 5 | 6;
  reason: string;
  sipCode?: number;
  sipReason?: string;
}

export interface MediaState {
  /** 1 Connected, 2 Disconnected. */
  code: 1 | 2;
  reason: string;
}

export interface OtherDevice {
  type: 'CALL_STATE' | 'CALL_END';
  /** For CALL_STATE: 200 answered, 486 or 603 rejected, on another device of this user. */
  code?: number;
  callId?: string;
}

export interface CallError {
  /** 1000 getUserMedia failed, 1001 peer connection failed. */
  code: 1000 | 1001;
  name: string;
  reason: string;
  moreInfo: string;
}

export interface CallEventMap {
  addlocalstream: (stream: MediaStream) => void;
  addremotestream: (stream: MediaStream) => void;
  signalingstate: (state: SignalingState) => void;
  mediastate: (state: MediaState) => void;
  info: (info: Record<string, unknown>) => void;
  otherdevice: (data: OtherDevice) => void;
  error: (error: CallError) => void;
  dtmf: (event: { digits: string }) => void;
  hold: (event: { hold: boolean }) => void;
  transferred: (event: { toUserId: string }) => void;
  /** The other side's connection to the server dropped or came back; the call goes on. */
  peerconnection: (event: { state: 'lost' | 'restored' }) => void;
}

export type CallStateName = 'new' | 'making' | 'calling' | 'ringing' | 'incoming' | 'answering' | 'answered' | 'ended';

export interface RtpCounters {
  bytesReceived?: number;
  bytesSent?: number;
  packetsReceived?: number;
  packetsSent?: number;
  packetsLost?: number;
  jitter?: number;
  framesDecoded?: number;
  framesEncoded?: number;
  frameWidth?: number;
  frameHeight?: number;
  framesPerSecond?: number;
  audioLevel?: number;
}

export interface CallStats {
  audio: { inbound: RtpCounters; outbound: RtpCounters };
  video: { inbound: RtpCounters; outbound: RtpCounters };
  roundTripTime: number | null;
}

export declare class OnCallerCall {
  constructor(client: OnCallerClient, fromNumber: string, toNumber: string, isVideoCall?: boolean);
  client: OnCallerClient;
  fromNumber: string;
  toNumber: string;
  customDataFromYourServer: string | null;
  fromAlias: string | null;
  toAlias: string | null;
  fromInternal: boolean;
  answeredOnAnotherDevice: boolean;
  /** True once the call carries video either way (also when the other side upgraded it). */
  isVideoCall: boolean;
  isIncomingCall: boolean;
  isAnswered: boolean;
  ended: boolean;
  callId: string | null;
  localVideoEnabled: boolean;
  videoResolution: { width: number; height: number } | null;
  muted: boolean;
  isOnHold: boolean;
  /** Sent with makeCall and passed to the answer_url (a string, or an object sent as JSON). */
  custom: string | Record<string, unknown> | null;
  readonly state: CallStateName;
  readonly localStream: MediaStream | null;
  readonly remoteStream: MediaStream | null;

  makeCall(callback?: (result: MakeCallResult) => void): void;
  answer(callback?: Callback): void;
  reject(callback?: Callback): void;
  ringing(callback?: Callback): void;
  hangup(callback?: Callback): void;
  sendInfo(info: Record<string, unknown>, callback?: Callback): void;
  sendDtmf(digits: string, callback?: Callback): void;
  hold(callback?: Callback): boolean;
  unhold(callback?: Callback): boolean;
  sendTransfer(userId: string, callback?: Callback): void;
  mute(muted?: boolean): boolean;
  enableLocalVideo(enabled: boolean): boolean;
  upgradeToVideoCall(): boolean;
  getStats(): Promise<CallStats | null>;
  on<E extends keyof CallEventMap>(event: E, handler: CallEventMap[E]): this;
  off<E extends keyof CallEventMap>(event: E, handler?: CallEventMap[E]): this;
}

export interface CatalogEntry {
  /** The verb or event: makeCall, answer, ..., authen, request (any request), local (SDK), error (events). */
  scope: string;
  code: number;
  name: string;
  message: string;
  explanation: string;
}

/** Every documented result and error code. */
export declare const CATALOG: readonly CatalogEntry[];

/** The catalog entry of a verb's result `code` (falls back to codes any request may get). */
export declare function describe(scope: string, code: number): CatalogEntry;

export interface EventDoc {
  description: string;
  example: string;
}

export declare const CLIENT_EVENTS: Readonly<Record<keyof ClientEventMap, EventDoc>>;
export declare const CALL_EVENTS: Readonly<Record<keyof CallEventMap, EventDoc>>;
export declare const CallState: Readonly<Record<'NEW' | 'MAKING' | 'CALLING' | 'RINGING' | 'INCOMING' | 'ANSWERING' | 'ANSWERED' | 'ENDED', CallStateName>>;
/** The call states in which each verb is sent; outside them the callback gets r=-1. */
export declare const VERB_STATES: Readonly<Record<string, readonly CallStateName[]>>;
export declare const SDK_VERSION: string;

/** Checks an app makes before it builds a client (a global in the script-tag bundle). */
export declare const OnCallerUtil: {
  /** Whether this browser has RTCPeerConnection and getUserMedia. */
  isWebRTCSupported(): boolean;
  /** The SDK's version, e.g. `1.0.0`. */
  version(): string;
};
