// OnCallerUtil: what apps check on page load before they build a client (PROTOCOL §6).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { OnCallerUtil, SDK_VERSION } from '../src/index.js';

const getUserMedia = () => Promise.resolve();
class RTCPeerConnection {}

test('WebRTC is supported where RTCPeerConnection and getUserMedia both exist', () => {
  assert.equal(OnCallerUtil.isWebRTCSupported({ RTCPeerConnection, navigator: { mediaDevices: { getUserMedia } } }), true);
});

test('WebRTC is not supported without RTCPeerConnection, without getUserMedia, or outside a browser', () => {
  assert.equal(OnCallerUtil.isWebRTCSupported({ navigator: { mediaDevices: { getUserMedia } } }), false);
  // An http:// page other than localhost has no navigator.mediaDevices.
  assert.equal(OnCallerUtil.isWebRTCSupported({ RTCPeerConnection, navigator: {} }), false);
  assert.equal(OnCallerUtil.isWebRTCSupported({}), false);
  assert.equal(typeof OnCallerUtil.isWebRTCSupported(), 'boolean');
});

test('version() is the SDK version and OnCallerUtil cannot be changed', () => {
  assert.equal(OnCallerUtil.version(), SDK_VERSION);
  assert.ok(Object.isFrozen(OnCallerUtil));
});
