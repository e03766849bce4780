// socket.io-client over wss against our TLS server.
// usage: node tls-client.js URL CA_FILE|- connect|refused
// Prints one line: "OK ..." or "FAIL ...".
'use strict';
const fs = require('fs');
const { io } = require('socket.io-client');

const [url, caFile, mode] = process.argv.slice(2);
// rejectUnauthorized stays at its default (true): verification on.
const options = { transports: ['websocket'], reconnection: false, timeout: 5000 };
if (caFile && caFile !== '-')
    options.ca = fs.readFileSync(caFile);
const socket = io(url, options);

let finished = false;
function done(line) {
    if (finished)
        return;
    finished = true;
    console.log(line);
    socket.close();
    setTimeout(() => process.exit(0), 50);
}
setTimeout(() => done('FAIL timeout'), 15000);

socket.on('connect_error', (err) => {
    const why = (err.description && err.description.message) || err.message;
    done(mode === 'refused' ? `OK refused: ${why}` : `FAIL connect_error: ${why}`);
});
socket.on('connect', () => {
    if (mode === 'refused')
        return done('FAIL connected to an untrusted certificate');
    socket.emit('echo', 'hello over wss', Buffer.from([1, 2, 3, 250]), (text, bin) => {
        if (text !== 'hello over wss')
            return done(`FAIL echo text: ${text}`);
        if (!Buffer.isBuffer(bin) || bin.length !== 4 || bin[3] !== 250)
            return done(`FAIL echo binary: ${bin}`);
        done('OK');
    });
});
