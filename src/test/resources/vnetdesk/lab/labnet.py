#!/usr/bin/python3
"""Traffic for the vnetdesk test lab, run inside a VM namespace with
`ip netns exec`. Python 3's standard library is the one tool a fresh Debian
gets from one package (python3-minimal) that can ping, serve and send TCP
and UDP on IPv4 and IPv6; ping and nc are not always installed.

  labnet.py ping ADDR COUNT TIMEOUT      prints "replies N"; exit 0 if N > 0
  labnet.py tcp-serve PORT               echoes lines; prints "listening"
  labnet.py tcp-connect ADDR PORT TIMEOUT  sends a line, expects it back
  labnet.py udp-listen PORT              prints "from ADDR PAYLOAD" per datagram
  labnet.py udp-send ADDR PORT PAYLOAD
  labnet.py rate-serve PORT              takes one TCP stream to its end; prints
                                         "listening", then "received BYTES SECONDS"
                                         (first byte to end, monotonic clock)
  labnet.py send-bytes ADDR PORT BYTES TIMEOUT  sends BYTES zero bytes, closes
"""
import ipaddress
import os
import select
import socket
import struct
import sys
import time


def checksum(data):
    if len(data) % 2:
        data += b"\0"
    total = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return ~total & 0xFFFF


def ping(addr, count, timeout):
    v6 = ipaddress.ip_address(addr).version == 6
    if v6:
        sock = socket.socket(socket.AF_INET6, socket.SOCK_RAW, socket.IPPROTO_ICMPV6)
        request_type, reply_type = 128, 129
    else:
        sock = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP)
        request_type, reply_type = 8, 0
    ident = os.getpid() & 0xFFFF
    deadline = time.monotonic() + timeout
    replies = set()
    for seq in range(count):
        header = struct.pack("!BBHHH", request_type, 0, 0, ident, seq)
        payload = b"vnetdesk-lab"
        # the kernel fills in the ICMPv6 checksum (it covers a pseudo-header)
        sum_ = 0 if v6 else checksum(header + payload)
        packet = struct.pack("!BBHHH", request_type, 0, sum_, ident, seq) + payload
        sock.sendto(packet, (addr, 0))
        wait_until = min(deadline, time.monotonic() + max(timeout / count, 0.2))
        while time.monotonic() < wait_until:
            ready, _, _ = select.select([sock], [], [], wait_until - time.monotonic())
            if not ready:
                break
            data, _ = sock.recvfrom(2048)
            icmp = data if v6 else data[(data[0] & 0x0F) * 4:]
            kind, _, _, rid, rseq = struct.unpack("!BBHHH", icmp[:8])
            if kind == reply_type and rid == ident:
                replies.add(rseq)
                if rseq == seq:
                    break
    print("replies %d" % len(replies), flush=True)
    return 0 if replies else 1


def bound(kind, port):
    sock = socket.socket(socket.AF_INET6, kind)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
    sock.bind(("::", port))
    return sock


def tcp_serve(port):
    server = bound(socket.SOCK_STREAM, port)
    server.listen(16)
    print("listening", flush=True)
    while True:
        conn, peer = server.accept()
        with conn:
            conn.settimeout(5)
            try:
                line = conn.makefile("rb").readline()
                conn.sendall(line)
                print("connection %s" % peer[0], flush=True)
            except OSError:
                pass


def tcp_connect(addr, port, timeout):
    try:
        with socket.create_connection((addr, port), timeout=timeout) as conn:
            conn.sendall(b"vnetdesk-lab\n")
            echoed = conn.makefile("rb").readline()
    except OSError as error:
        print("failed %s" % error, flush=True)
        return 1
    if echoed != b"vnetdesk-lab\n":
        print("failed echo %r" % echoed, flush=True)
        return 1
    print("connected", flush=True)
    return 0


def udp_listen(port):
    sock = bound(socket.SOCK_DGRAM, port)
    print("listening", flush=True)
    while True:
        data, peer = sock.recvfrom(2048)
        source = peer[0][7:] if peer[0].startswith("::ffff:") else peer[0]
        print("from %s %s" % (source, data.decode("utf-8", "replace").strip()), flush=True)


def udp_send(addr, port, payload):
    family = socket.AF_INET6 if ipaddress.ip_address(addr).version == 6 else socket.AF_INET
    with socket.socket(family, socket.SOCK_DGRAM) as sock:
        sock.sendto(payload.encode("utf-8"), (addr, port))
    return 0


def rate_serve(port):
    server = bound(socket.SOCK_STREAM, port)
    server.listen(1)
    print("listening", flush=True)
    conn, _ = server.accept()
    total = 0
    first = None
    with conn:
        while True:
            data = conn.recv(65536)
            if not data:
                break
            if first is None:
                first = time.monotonic()
            total += len(data)
    elapsed = time.monotonic() - first if first is not None else 0.0
    print("received %d %.6f" % (total, elapsed), flush=True)
    return 0


def send_bytes(addr, port, count, timeout):
    chunk = bytes(65536)
    try:
        with socket.create_connection((addr, port), timeout=timeout) as conn:
            left = count
            while left > 0:
                n = conn.send(chunk[:min(left, len(chunk))])
                left -= n
            conn.shutdown(socket.SHUT_WR)
            # the receiver closes after reading everything: wait for that
            conn.recv(1)
    except OSError as error:
        print("failed %s" % error, flush=True)
        return 1
    print("sent %d" % count, flush=True)
    return 0


def main(args):
    command = args[0]
    if command == "ping":
        return ping(args[1], int(args[2]), float(args[3]))
    if command == "tcp-serve":
        return tcp_serve(int(args[1]))
    if command == "tcp-connect":
        return tcp_connect(args[1], int(args[2]), float(args[3]))
    if command == "udp-listen":
        return udp_listen(int(args[1]))
    if command == "udp-send":
        return udp_send(args[1], int(args[2]), args[3])
    if command == "rate-serve":
        return rate_serve(int(args[1]))
    if command == "send-bytes":
        return send_bytes(args[1], int(args[2]), int(args[3]), float(args[4]))
    print("unknown command %s" % command, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
