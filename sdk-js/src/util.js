/**
 * OnCallerUtil: the checks an app makes before it builds a client, as apps written for the
 * product this API follows call them first thing on page load (PROTOCOL §6).
 */
import { SDK_VERSION } from './version.js';

export const OnCallerUtil = Object.freeze({
  /**
   * Whether this browser can make calls: it has RTCPeerConnection and getUserMedia. A page
   * served over plain http (other than localhost) has no getUserMedia, so this is false there.
   * @param {object} [env] where to look; the page's globals by default (tests pass their own)
   * @returns {boolean}
   */
  isWebRTCSupported(env = globalThis) {
    const media = env.navigator && env.navigator.mediaDevices;
    return typeof env.RTCPeerConnection === 'function' && !!media && typeof media.getUserMedia === 'function';
  },

  /**
   * The SDK's version, as built from package.json ('dev' when the sources run unbuilt).
   * @returns {string}
   */
  version() {
    return SDK_VERSION;
  },
});
