#!/usr/bin/env python3
"""The cost of anchored calls in rtpengine (docs/performance.md, "IVR: the cost of an anchored call").

Starts its own userspace rtpengine on loopback, sets up CALLS calls the way the server anchors a
phone call for its SCCO (MediaBridge.anchorPhone: an offer from the carrier's side, an answer from
a placeholder at the discard port), has each play a PCMU-transcoded 8 kHz WAV tone to a UDP sink
(as `play` does) while the "phone" sends 50 packets a second of G.711 (as a carrier does), and
reads rtpengine's CPU time from /proc over SECONDS. Prints one JSON line.

Usage: python3 load/ivr/anchor-cost.py [CALLS=50] [SECONDS=20]
"""
import json, math, os, random, socket, struct, subprocess, sys, tempfile, threading, time, wave

CALLS = int(sys.argv[1]) if len(sys.argv) > 1 else 50
SECONDS = int(sys.argv[2]) if len(sys.argv) > 2 else 20
NG = 24000 + random.randint(0, 999)


def bencode(o):
    if isinstance(o, int):
        return b'i%de' % o
    if isinstance(o, str):
        o = o.encode()
    if isinstance(o, bytes):
        return b'%d:' % len(o) + o
    if isinstance(o, list):
        return b'l' + b''.join(bencode(x) for x in o) + b'e'
    return b'd' + b''.join(bencode(k) + bencode(v) for k, v in sorted(o.items())) + b'e'


def sdp(port):
    return ('v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n'
            'm=audio %d RTP/AVP 0 8 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\n'
            'a=rtpmap:101 telephone-event/8000\r\na=sendrecv\r\n' % port)


def main():
    work = tempfile.mkdtemp(prefix='anchor-cost-')
    tone = os.path.join(work, 'tone.wav')
    with wave.open(tone, 'wb') as w:
        w.setnchannels(1); w.setsampwidth(2); w.setframerate(8000)
        w.writeframes(b''.join(struct.pack('<h', int(8000 * math.sin(2 * math.pi * 1000 * i / 8000)))
                               for i in range(8000 * (SECONDS + 10))))
    log = open(os.path.join(work, 'rtpengine.log'), 'w')
    rtpe = subprocess.Popen(['rtpengine', '--config-file=none', '--foreground', '--table=-1',
                             '--interface=127.0.0.1', '--listen-ng=127.0.0.1:%d' % NG, '--port-min=30000',
                             '--port-max=39999', '--log-stderr', '--log-level=5', '--delete-delay=0'],
                            stdout=log, stderr=log)
    time.sleep(1)
    ng = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); ng.settimeout(3)

    def request(d):
        cookie = str(random.randint(0, 10 ** 9)).encode()
        ng.sendto(cookie + b' ' + bencode(d), ('127.0.0.1', NG))
        return ng.recv(65535)

    phones, ports = [], []
    flags = {'ICE': 'remove', 'DTLS': 'off', 'flags': ['inject DTMF']}
    for i in range(CALLS):
        phone = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); phone.bind(('127.0.0.1', 0))
        phone.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1 << 20)
        call = 'cost-%d' % i
        request(dict(flags, command='offer', **{'call-id': call, 'from-tag': 'carrier', 'sdp': sdp(phone.getsockname()[1])}))
        answer = request(dict(flags, command='answer', **{'call-id': call, 'from-tag': 'carrier', 'to-tag': 'server', 'sdp': sdp(9)}))
        port = int(answer.split(b'm=audio ')[1].split(b' ')[0])
        request({'command': 'play media', 'call-id': call, 'from-tag': 'carrier', 'file': tone})
        phones.append(phone); ports.append(port)
    stop = threading.Event()

    def talk():
        seq, payload = 0, bytes(160)
        while not stop.is_set():
            for phone, port in zip(phones, ports):
                phone.sendto(struct.pack('!BBHII', 0x80, 0, seq & 0xffff, seq * 160, 0x1234) + payload, ('127.0.0.1', port))
            seq += 1
            time.sleep(0.02)

    def drain():
        for phone in phones:
            phone.setblocking(False)
        while not stop.is_set():
            for phone in phones:
                try:
                    while True:
                        phone.recv(2048)
                except BlockingIOError:
                    pass
            time.sleep(0.005)

    threading.Thread(target=talk, daemon=True).start()
    threading.Thread(target=drain, daemon=True).start()
    tick = os.sysconf('SC_CLK_TCK')

    def cpu():
        fields = open('/proc/%d/stat' % rtpe.pid).read().rsplit(')', 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / tick

    def rss_kb():
        for line in open('/proc/%d/status' % rtpe.pid):
            if line.startswith('VmRSS'):
                return int(line.split()[1])

    time.sleep(2)
    c0, t0 = cpu(), time.time()
    time.sleep(SECONDS)
    c1, t1 = cpu(), time.time()
    open_ports = len([l for l in open('/proc/net/udp').read().splitlines()[1:]
                      if 30000 <= int(l.split()[1].split(':')[1], 16) <= 39999])
    stop.set()
    result = {'calls': CALLS, 'seconds': round(t1 - t0, 1),
              'rtpengine_cpu_percent_of_one_core': round(100 * (c1 - c0) / (t1 - t0), 1),
              'cpu_percent_per_call': round(100 * (c1 - c0) / (t1 - t0) / CALLS, 3),
              'udp_ports': open_ports, 'ports_per_call': round(open_ports / CALLS, 2),
              'rtpengine_rss_mb': round(rss_kb() / 1024, 1), 'load_average_1m': os.getloadavg()[0]}
    rtpe.terminate(); rtpe.wait(5)
    print(json.dumps(result))


main()
