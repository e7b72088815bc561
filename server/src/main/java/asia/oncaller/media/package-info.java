/** The media bridge between WebRTC app legs and plain RTP phone legs (rtpengine). */
package asia.oncaller.media;
