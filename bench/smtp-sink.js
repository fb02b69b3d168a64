'use strict';
// A minimal SMTP sink for the benchmark where Postfix's smtp-sink is not installed (or with
// --node-sink), run as its own process so it does not share the sender's CPU. It accepts every
// command, keeps connections open as long as the client wants (smtp-server idles ~100 ms per new
// connection, which would measure the sink, not the sender) and counts messages.
// With a rate, it throttles as providers do: above that many messages in a second it answers MAIL
// with `421 4.7.0 Try again later` and closes the connection.
// Usage: node bench/smtp-sink.js [dataDelayMs] [messagesPerSecond]; it reports its port and, when
// asked over IPC, its counts.
const net = require('node:net');

const dataDelayMs = Number(process.argv[2] ?? 0);
const perSecond = Number(process.argv[3] ?? 0);
let accepted = 0;
// Transactions begun (MAIL commands): every attempt to send, accepted or throttled.
let attempts = 0;
let second = 0;
let inSecond = 0;

/** Whether this MAIL goes over the rate: counted in fixed one-second windows. */
function overRate() {
  if (!perSecond) return false;
  const now = Math.floor(Date.now() / 1000);
  if (now !== second) [second, inSecond] = [now, 0];
  inSecond += 1;
  return inSecond > perSecond;
}

const server = net.createServer((socket) => {
  socket.setNoDelay(true);
  socket.write('220 bench-sink ESMTP\r\n');
  let pending = '';
  let inData = false;
  socket.on('data', (chunk) => {
    pending += chunk.toString('latin1');
    for (;;) {
      if (inData) {
        const end = pending.indexOf('\r\n.\r\n');
        if (end === -1) {
          // Keep only what could still be the start of the terminator.
          if (pending.length > 4) pending = pending.slice(-4);
          return;
        }
        pending = pending.slice(end + 5);
        inData = false;
        accepted += 1;
        if (dataDelayMs > 0) setTimeout(() => socket.writable && socket.write('250 2.0.0 queued\r\n'), dataDelayMs);
        else socket.write('250 2.0.0 queued\r\n');
        continue;
      }
      const lineEnd = pending.indexOf('\r\n');
      if (lineEnd === -1) return;
      const command = pending.slice(0, lineEnd).slice(0, 4).toUpperCase();
      pending = pending.slice(lineEnd + 2);
      if (command === 'EHLO') socket.write('250-bench-sink\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n');
      else if (command === 'MAIL') {
        attempts += 1;
        if (overRate()) return void socket.end('421 4.7.0 Try again later\r\n');
        socket.write('250 OK\r\n');
      } else if (command === 'DATA') {
        inData = true;
        // The terminator may follow at once (an empty message).
        pending = `\r\n${pending}`;
        socket.write('354 go ahead\r\n');
      } else if (command === 'QUIT') socket.end('221 bye\r\n');
      else socket.write('250 OK\r\n');
    }
  });
  socket.on('error', () => undefined);
});

server.listen(0, '127.0.0.1', () => process.send?.({ port: server.address().port }));
process.on('message', (message) => {
  if (message === 'count') process.send?.({ accepted, attempts });
  if (message === 'stop') server.close(() => process.exit(0));
});
