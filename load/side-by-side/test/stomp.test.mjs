import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeFrame, encodeSend, parseFrames, negotiateHeartbeat } from '../lib/stomp.mjs';

test('a frame written is read back with its headers and body', () => {
  const text = encodeSend('/app/call.make', { toNumber: 'bob', requestId: 'q1' });
  const [f] = parseFrames(text);
  assert.equal(f.command, 'SEND');
  assert.equal(f.headers.destination, '/app/call.make');
  assert.equal(f.headers['content-length'], String(Buffer.byteLength(f.body)));
  assert.deepEqual(JSON.parse(f.body), { toNumber: 'bob', requestId: 'q1' });
});

test('header values are escaped as STOMP 1.2 says and unescaped on reading', () => {
  const text = encodeFrame('ERROR', { message: 'a:b\nc\\d' });
  assert.match(text, /message:a\\cb\\nc\\\\d\n/);
  assert.equal(parseFrames(text)[0].headers.message, 'a:b\nc\\d');
});

test('a server MESSAGE with CRLF lines, a repeated header and heart-beats around it', () => {
  const text = '\n\r\nMESSAGE\r\nsubscription:sub-0\r\nsubscription:sub-9\r\ncontent-type:application/json\r\n\n'
    + '{"type":"incomingCall","callId":"call-1"}\0\n';
  const frames = parseFrames(text);
  assert.equal(frames.length, 1);
  assert.equal(frames[0].command, 'MESSAGE');
  assert.equal(frames[0].headers.subscription, 'sub-0'); // the first of a repeated header wins
  assert.equal(JSON.parse(frames[0].body).callId, 'call-1');
});

test('several frames in one message, and a message of heart-beats only', () => {
  const two = encodeFrame('CONNECTED', { version: '1.2', 'heart-beat': '10000,10000' }) + encodeFrame('RECEIPT', { 'receipt-id': '7' });
  assert.deepEqual(parseFrames(two).map((f) => f.command), ['CONNECTED', 'RECEIPT']);
  assert.deepEqual(parseFrames('\n'), []);
  assert.deepEqual(parseFrames('\r\n\n'), []);
});

test('a cut frame is an error, not a silent loss', () => {
  assert.throws(() => parseFrames('MESSAGE\nsubscription:sub-0\n\n{"type":'), /without NUL/);
  assert.throws(() => parseFrames('MESSAGE\nsubscription:sub-0'), /without a blank line/);
});

test('heart-beats: each side sends at the larger of the two wishes, and none when either says 0', () => {
  assert.deepEqual(negotiateHeartbeat('10000,10000', '10000,10000'), { sendEveryMs: 10000, expectEveryMs: 10000 });
  assert.deepEqual(negotiateHeartbeat('5000,20000', '10000,8000'), { sendEveryMs: 8000, expectEveryMs: 20000 });
  assert.deepEqual(negotiateHeartbeat('0,0', '10000,10000'), { sendEveryMs: 0, expectEveryMs: 0 });
  assert.deepEqual(negotiateHeartbeat('10000,10000', undefined), { sendEveryMs: 0, expectEveryMs: 0 });
});
