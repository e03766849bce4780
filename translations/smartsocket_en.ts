<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ChatSession</name>
    <message>
        <source>Could not reconnect to the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 joined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server ended the session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot connect to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not join %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join a room first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer from the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too many messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>You are sending messages too fast. Wait %n second(s) and try again.</source>
        <translation>
            <numerusform>You are sending messages too fast. Wait %n second and try again.</numerusform>
            <numerusform>You are sending messages too fast. Wait %n seconds and try again.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server refused the message: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message not sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChatWindow</name>
    <message>
        <source>About SmartSocket Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A chat over Socket.IO, made with the SmartSocket library and Qt %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New room…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Leave room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Join</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L&amp;eave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New room…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a message and press Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1 as %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Connection lost. Reconnecting in %n second(s)…</source>
        <translation>
            <numerusform>Connection lost. Reconnecting in %n second…</numerusform>
            <numerusform>Connection lost. Reconnecting in %n seconds…</numerusform>
        </translation>
    </message>
    <message>
        <source>Connection lost. Reconnecting (attempt %1)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline; messages you send now go out once the connection is back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SmartSocket Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 – SmartSocket Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No room joined: pick one on the left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the room to create or join:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Inspector::AcksModel</name>
    <message>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Socket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ack id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dir.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round trip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Inspector::AcksPage</name>
    <message>
        <source>acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Round-trip latency (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ok · %2 timed out · %3 failed · %4 pending</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Inspector::AdminConnection</name>
    <message>
        <source>Disconnected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authentication failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server does not allow %1 (read-only or not supported)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No room given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No event name given</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Inspector::ClientSession</name>
    <message>
        <source>Invalid URL: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Inspector::ConnectDialog</name>
    <message>
        <source>Admin: inspect an instrumented server (/admin namespace)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client: connect to any Socket.IO v4 server as a client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept any certificate (insecure)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One connection for all namespaces (multiplex)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty when the server has auth: false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Several namespaces separated by commas: /, /chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>key=value, one a line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name: value, one a line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin namespace:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namespaces:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auth (JSON):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Query:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Headers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA certificates (PEM):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA certificates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a ws://, wss://, http:// or https:// URL with a host.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Inspector::ConnectionProfile</name>
    <message>
        <source>%1 (admin %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (client %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auth: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Query: &quot;%1&quot; is not key=value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Headers: &quot;%1&quot; is not Name: value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Inspector::DashboardPage</name>
    <message>
        <source>Connected clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packets per second, in / out (5 s mean)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes per second, in / out (5 s mean)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate-limit rejections per second (5 s mean)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packets per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate-limit rejections per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disconnections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections, disconnections and rate-limit rejections per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payload bytes per second (JSON text, client mode)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>n/a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server does not report rate limits (SMARTSOCKET_RATE_LIMITS)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Inspector::EmitPage</name>
    <message>
        <source>To socket or room:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait for the acknowledgement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty: every socket of the namespace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>event name, e.g. message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arguments as JSON. An array holds several arguments: [&quot;hello&quot;, {&quot;n&quot;: 1}]; any other value is the only argument.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional: a file sent as a binary last argument</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timeout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namespace:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arguments:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Binary:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save current…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click to load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Binary argument</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server emits the event (admin EMIT feature)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Our client emits the event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This server does not allow emitting (read-only or EMIT not announced).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter an event name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid JSON arguments: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent by the server to %1 in %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every socket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to namespace %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent; waiting for the acknowledgement…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>round trip %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Acknowledged with %n argument(s).</source>
        <translation>
            <numerusform>Acknowledged with %n argument.</numerusform>
            <numerusform>Acknowledged with %n arguments.</numerusform>
        </translation>
    </message>
    <message>
        <source>No acknowledgement: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Inspector::EventLogModel</name>
    <message>
        <source>in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dir.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Socket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Inspector::EventsPage</name>
    <message>
        <source>Namespace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Socket id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search text in arguments…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All directions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections and rooms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause the live flow (events keep arriving and wait)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the events shown as JSON lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an event to see its arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  %2  %3  socket %4
event: %5

</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) shown</source>
        <translation>
            <numerusform>%n event shown</numerusform>
            <numerusform>%n events shown</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 in the log (at most %2), %3 dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>paused: %n waiting</source>
        <translation>
            <numerusform>paused: %n waiting</numerusform>
            <numerusform>paused: %n waiting</numerusform>
        </translation>
    </message>
    <message>
        <source>Export events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl *.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Inspector::MainWindow</name>
    <message>
        <source>SmartSocket Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Authentication failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sockets · %2 events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namespaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sockets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SmartSocket Inspector – %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Recent servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export events…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause live events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About SmartSocket Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;SmartSocket Inspector&lt;/b&gt;&lt;p&gt;Inspects Socket.IO v4 servers: as an admin client of an instrumented server (the @socket.io/admin-ui protocol, plus SmartSocket&apos;s acks and rate limits), or as an ordinary client of any server.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password of %1 on %2:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid URL: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>development mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>production mode: aggregates only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin · %1%2 · connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client · %1 · connected to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection to %1 lost; reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Servers are known through the admin protocol only; client mode sees one server as a client.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect in admin mode to see the server nodes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A client cannot see rooms: they live on the server. Use admin mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server runs in production mode: rooms and sockets are not sent (only aggregates).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate limits are reported by SmartSocket servers in admin mode (SMARTSOCKET_RATE_LIMITS).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not available on this server: it does not announce SMARTSOCKET_ACKS (see docs/inspector-protocol.md).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to a server to see acknowledgements.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not available on this server: it does not announce SMARTSOCKET_RATE_LIMITS (see docs/inspector-protocol.md).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to a server to see rate limits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This server does not let the admin emit events (read-only, or EMIT not announced).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to a server to emit events.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Inspector::NamespacesModel</name>
    <message>
        <source>Namespace / socket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sockets</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Inspector::RateLimitModel</name>
    <message>
        <source>(all events)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Socket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Inspector::RateLimitsPage</name>
    <message>
        <source>Only sockets with rejections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows with rejected events are highlighted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Inspector::RoomsModel</name>
    <message>
        <source>%1 (own room)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sockets</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Inspector::RoomsPage</name>
    <message>
        <source>Filter rooms or members…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show each socket&apos;s own room</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Inspector::ServersModel</name>
    <message>
        <source>healthy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unhealthy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last stats</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Inspector::ServersPage</name>
    <message>
        <source>Select a server. SmartSocket servers add their own statistics here (SMARTSOCKET_STATS).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2 (pid %3): %4, %5 clients (%6 polling)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>healthy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unhealthy: no stats for over 10 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SmartSocket statistics:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Inspector::SocketsModel</name>
    <message>
        <source>Socket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Inspector::SocketsPage</name>
    <message>
        <source>Disconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join room…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave room…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show its events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by id, namespace, address, room or data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a socket to see its handshake and data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not allowed by this server (read-only, or %1 not announced)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>socket %1 in %2
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>client (Engine.IO) %1
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rooms: %1

data:
%2

handshake:
%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnect socket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnect socket %1 from %2?

&quot;Yes&quot; leaves the namespace; the client may reconnect. Choose &quot;Yes to All&quot; to close its whole connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room for socket %1 to join:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Room for socket %1 to leave:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Inspector::ValueFormat</name>
    <message>
        <source>&lt;binary %1 bytes&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (line %2, column %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>

binary #%1 (%2 bytes):
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>... %1 more bytes
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one JSON value expected (use an array for several arguments)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a JSON object {...} expected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>○ sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ not delivered</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MessageModel</name>
    <message>
        <source>Not delivered: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered at %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RoomListModel</name>
    <message numerus="yes">
        <source>%1 (%n new)</source>
        <translation>
            <numerusform>%1 (%n new)</numerusform>
            <numerusform>%1 (%n new)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Joined; %n user(s)</source>
        <translation>
            <numerusform>Joined; %n user</numerusform>
            <numerusform>Joined; %n users</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not joined; %n user(s)</source>
        <translation>
            <numerusform>Not joined; %n user</numerusform>
            <numerusform>Not joined; %n users</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StartDialog</name>
    <message>
        <source>The server address must look like ws://host:port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SmartSocket Chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a name and the chat server to connect to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Alice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncSession</name>
    <message>
        <source>Cannot connect to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else changed the form first: your last change was not saved and the form was reloaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused the change: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncWindow</name>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SmartSocket Sync</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone connected to the same server edits this form together: changes appear in every window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Progress:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1; version %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection lost; reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Connection lost; reconnecting in %n s…</source>
        <translation>
            <numerusform>Connection lost; reconnecting in %n s…</numerusform>
            <numerusform>Connection lost; reconnecting in %n s…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UserListModel</name>
    <message>
        <source>%1 (you)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Inspects Socket.IO v4 servers: --admin connects to the admin namespace of an instrumented server (@socket.io/admin-ui protocol), --client joins namespaces of any server as an ordinary client. Without --url, the connect dialog opens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server URL (ws://, wss://, http://, https://).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin mode (the default with --user).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client mode (the default).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin mode: the admin namespace (default /admin). Client mode: a namespace to join (repeatable, or comma-separated; default /).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin user; the password comes from SMARTSOCKET_ADMIN_PASSWORD or a prompt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client mode: auth payload (a JSON object).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Query parameter key=value (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTP header &quot;Name: value&quot; (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also trust the CA certificates in this PEM file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept any server certificate (no verification).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page to show first: dashboard, servers, namespaces, sockets, rooms, events, emit, acks, ratelimits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Once connected, send this event from the emit panel (client mode: with an ack, on the first namespace; admin mode: the server emits it to the namespace).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON arguments of --emit (an array holds several).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language: de, fr or en (default: the system&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SmartSocket Inspector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--admin and --client exclude each other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown page: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password of %1 on %2:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
