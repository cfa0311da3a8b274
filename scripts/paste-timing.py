#!/usr/bin/env python3
# Whole-process timing of a paste into the search prompt (issue 10, item 14).
# Usage: scripts/paste-timing.py BINARY FILE N [bracketed]
# Opens gloss in a 120x40 pty, types "/", then N characters of a query written in 512-byte
# pieces (the tty input queue holds 4 KiB) or as one bracketed paste, then Enter and q;
# prints the time from the start of the paste to the exit.
import os, pty, sys, time, select
binary, path, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
bracketed = len(sys.argv) > 4
pid, fd = pty.fork()
if pid == 0:
    os.environ['TERM'] = 'xterm-256color'
    os.execv(binary, [binary, path])
import fcntl, termios, struct
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', 40, 120, 0, 0))
def drain(t):
    end = time.time() + t
    while time.time() < end:
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try: os.read(fd, 65536)
            except OSError: return False
    return True
drain(1.5)
os.write(fd, b'/')
drain(0.3)
query = ('the quick brown fox jumps over the lazy dog ' * (n // 44 + 1))[:n]
data = query.encode()
if bracketed:
    data = b'\x1b[200~' + data + b'\x1b[201~'
t0 = time.time()
for i in range(0, len(data), 512):
    chunk = data[i:i+512]
    while chunk:
        r, w, _ = select.select([fd], [fd], [], 1)
        if r:
            try: os.read(fd, 65536)
            except OSError: break
        if w:
            k = os.write(fd, chunk)
            chunk = chunk[k:]
    # The tty's input queue holds 4 KiB: let the reader take each piece.
    while True:
        r, _, _ = select.select([fd], [], [], 0.02)
        if not r: break
        try: os.read(fd, 65536)
        except OSError: break
os.write(fd, b'\r')
time.sleep(0.3)
os.write(fd, b'q')
while True:
    r, _, _ = select.select([fd], [], [], 1)
    if r:
        try:
            if not os.read(fd, 65536): break
        except OSError: break
    wp, status = os.waitpid(pid, os.WNOHANG)
    if wp: break
    if time.time() - t0 > 120: os.kill(pid, 9); print('timeout'); break
print(f'{n} chars: {time.time()-t0:.2f}s')
