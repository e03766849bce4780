<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ChatSession</name>
    <message>
        <source>Could not reconnect to the server.</source>
        <translation>Die Verbindung zum Server konnte nicht wiederhergestellt werden.</translation>
    </message>
    <message>
        <source>%1 joined</source>
        <translation>%1 ist beigetreten</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>%1 ist gegangen</translation>
    </message>
    <message>
        <source>The server ended the session.</source>
        <translation>Der Server hat die Sitzung beendet.</translation>
    </message>
    <message>
        <source>Cannot connect to %1: %2</source>
        <translation>Keine Verbindung zu %1: %2</translation>
    </message>
    <message>
        <source>Could not join %1: %2</source>
        <translation>Beitritt zu %1 nicht möglich: %2</translation>
    </message>
    <message>
        <source>Join a room first.</source>
        <translation>Treten Sie zuerst einem Raum bei.</translation>
    </message>
    <message>
        <source>no answer from the server</source>
        <translation>keine Antwort vom Server</translation>
    </message>
    <message>
        <source>connection lost</source>
        <translation>Verbindung unterbrochen</translation>
    </message>
    <message>
        <source>too many messages</source>
        <translation>zu viele Nachrichten</translation>
    </message>
    <message numerus="yes">
        <source>You are sending messages too fast. Wait %n second(s) and try again.</source>
        <translation>
            <numerusform>Sie senden Nachrichten zu schnell. Warten Sie %n Sekunde und versuchen Sie es erneut.</numerusform>
            <numerusform>Sie senden Nachrichten zu schnell. Warten Sie %n Sekunden und versuchen Sie es erneut.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server refused the message: %1</source>
        <translation>Der Server hat die Nachricht abgelehnt: %1</translation>
    </message>
    <message>
        <source>Message not sent: %1</source>
        <translation>Nachricht nicht gesendet: %1</translation>
    </message>
</context>
<context>
    <name>ChatWindow</name>
    <message>
        <source>About SmartSocket Chat</source>
        <translation>Über SmartSocket-Chat</translation>
    </message>
    <message>
        <source>A chat over Socket.IO, made with the SmartSocket library and Qt %1.</source>
        <translation>Ein Chat über Socket.IO, gebaut mit der SmartSocket-Bibliothek und Qt %1.</translation>
    </message>
    <message>
        <source>&amp;Chat</source>
        <translation>&amp;Chat</translation>
    </message>
    <message>
        <source>&amp;New room…</source>
        <translation>&amp;Neuer Raum …</translation>
    </message>
    <message>
        <source>&amp;Leave room</source>
        <translation>Raum &amp;verlassen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;Über</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Räume</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Teilnehmer</translation>
    </message>
    <message>
        <source>&amp;Join</source>
        <translation>Bei&amp;treten</translation>
    </message>
    <message>
        <source>L&amp;eave</source>
        <translation>&amp;Verlassen</translation>
    </message>
    <message>
        <source>New room…</source>
        <translation>Neuer Raum …</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Senden</translation>
    </message>
    <message>
        <source>Write a message and press Enter</source>
        <translation>Nachricht schreiben und Eingabetaste drücken</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Connected to %1 as %2</source>
        <translation>Mit %1 verbunden als %2</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird hergestellt …</translation>
    </message>
    <message numerus="yes">
        <source>Connection lost. Reconnecting in %n second(s)…</source>
        <translation>
            <numerusform>Verbindung unterbrochen. Neuer Versuch in %n Sekunde …</numerusform>
            <numerusform>Verbindung unterbrochen. Neuer Versuch in %n Sekunden …</numerusform>
        </translation>
    </message>
    <message>
        <source>Connection lost. Reconnecting (attempt %1)…</source>
        <translation>Verbindung unterbrochen. Neuer Verbindungsversuch (Versuch %1) …</translation>
    </message>
    <message>
        <source>Offline; messages you send now go out once the connection is back</source>
        <translation>Offline: Nachrichten, die Sie jetzt senden, gehen hinaus, sobald die Verbindung wieder steht</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <source>SmartSocket Chat</source>
        <translation>SmartSocket-Chat</translation>
    </message>
    <message>
        <source>%1 – SmartSocket Chat</source>
        <translation>%1 – SmartSocket-Chat</translation>
    </message>
    <message>
        <source>No room joined: pick one on the left</source>
        <translation>Kein Raum betreten: Wählen Sie links einen aus</translation>
    </message>
    <message>
        <source>Room: %1</source>
        <translation>Raum: %1</translation>
    </message>
    <message>
        <source>New room</source>
        <translation>Neuer Raum</translation>
    </message>
    <message>
        <source>Name of the room to create or join:</source>
        <translation>Name des Raums, der angelegt oder betreten werden soll:</translation>
    </message>
</context>
<context>
    <name>Inspector::AcksModel</name>
    <message>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>timeout</source>
        <translation>Timeout</translation>
    </message>
    <message>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <source>Socket</source>
        <translation>Socket</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Ack id</source>
        <translation>Ack-ID</translation>
    </message>
    <message>
        <source>Dir.</source>
        <translation>Richt.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Round trip</source>
        <translation>Umlaufzeit</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>in</source>
        <translation>ein</translation>
    </message>
    <message>
        <source>out</source>
        <translation>aus</translation>
    </message>
</context>
<context>
    <name>Inspector::AcksPage</name>
    <message>
        <source>acknowledged</source>
        <translation>bestätigt</translation>
    </message>
    <message>
        <source>Round-trip latency (ms)</source>
        <translation>Umlaufzeit (ms)</translation>
    </message>
    <message>
        <source>%1 ok · %2 timed out · %3 failed · %4 pending</source>
        <translation>%1 ok · %2 Zeitüberschreitungen · %3 fehlgeschlagen · %4 ausstehend</translation>
    </message>
</context>
<context>
    <name>Inspector::AdminConnection</name>
    <message>
        <source>Disconnected: %1</source>
        <translation>Getrennt: %1</translation>
    </message>
    <message>
        <source>Authentication failed: %1</source>
        <translation>Anmeldung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>The server does not allow %1 (read-only or not supported)</source>
        <translation>Der Server erlaubt %1 nicht (schreibgeschützt oder nicht unterstützt)</translation>
    </message>
    <message>
        <source>No room given</source>
        <translation>Kein Raum angegeben</translation>
    </message>
    <message>
        <source>No event name given</source>
        <translation>Kein Ereignisname angegeben</translation>
    </message>
</context>
<context>
    <name>Inspector::ClientSession</name>
    <message>
        <source>Invalid URL: %1</source>
        <translation>Ungültige URL: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>Inspector::ConnectDialog</name>
    <message>
        <source>Admin: inspect an instrumented server (/admin namespace)</source>
        <translation>Admin: einen instrumentierten Server untersuchen (Namespace /admin)</translation>
    </message>
    <message>
        <source>Client: connect to any Socket.IO v4 server as a client</source>
        <translation>Client: als Client mit einem beliebigen Socket.IO-v4-Server verbinden</translation>
    </message>
    <message>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Accept any certificate (insecure)</source>
        <translation>Jedes Zertifikat akzeptieren (unsicher)</translation>
    </message>
    <message>
        <source>One connection for all namespaces (multiplex)</source>
        <translation>Eine Verbindung für alle Namespaces (Multiplex)</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>New connection</source>
        <translation>Neue Verbindung</translation>
    </message>
    <message>
        <source>empty when the server has auth: false</source>
        <translation>leer, wenn der Server auth: false hat</translation>
    </message>
    <message>
        <source>Several namespaces separated by commas: /, /chat</source>
        <translation>Mehrere Namespaces durch Kommas getrennt: /, /chat</translation>
    </message>
    <message>
        <source>key=value, one a line</source>
        <translation>Schlüssel=Wert, einer pro Zeile</translation>
    </message>
    <message>
        <source>Name: value, one a line</source>
        <translation>Name: Wert, einer pro Zeile</translation>
    </message>
    <message>
        <source>Admin namespace:</source>
        <translation>Admin-Namespace:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Benutzer:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <source>Namespaces:</source>
        <translation>Namespaces:</translation>
    </message>
    <message>
        <source>Auth (JSON):</source>
        <translation>Auth (JSON):</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Path:</source>
        <translation>Pfad:</translation>
    </message>
    <message>
        <source>Query:</source>
        <translation>Query:</translation>
    </message>
    <message>
        <source>Headers:</source>
        <translation>Header:</translation>
    </message>
    <message>
        <source>CA certificates (PEM):</source>
        <translation>CA-Zertifikate (PEM):</translation>
    </message>
    <message>
        <source>Recent:</source>
        <translation>Zuletzt:</translation>
    </message>
    <message>
        <source>Server URL:</source>
        <translation>Server-URL:</translation>
    </message>
    <message>
        <source>CA certificates</source>
        <translation>CA-Zertifikate</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt);;All files (*)</source>
        <translation>PEM-Dateien (*.pem *.crt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Enter a ws://, wss://, http:// or https:// URL with a host.</source>
        <translation>Geben Sie eine ws://-, wss://-, http://- oder https://-URL mit Host ein.</translation>
    </message>
</context>
<context>
    <name>Inspector::ConnectionProfile</name>
    <message>
        <source>%1 (admin %2)</source>
        <translation>%1 (Admin %2)</translation>
    </message>
    <message>
        <source>%1 (client %2)</source>
        <translation>%1 (Client %2)</translation>
    </message>
    <message>
        <source>Auth: %1</source>
        <translation>Auth: %1</translation>
    </message>
    <message>
        <source>Query: &quot;%1&quot; is not key=value</source>
        <translation>Query: „%1“ ist nicht Schlüssel=Wert</translation>
    </message>
    <message>
        <source>Headers: &quot;%1&quot; is not Name: value</source>
        <translation>Header: „%1“ ist nicht Name: Wert</translation>
    </message>
</context>
<context>
    <name>Inspector::DashboardPage</name>
    <message>
        <source>Connected clients</source>
        <translation>Verbundene Clients</translation>
    </message>
    <message>
        <source>Packets per second, in / out (5 s mean)</source>
        <translation>Pakete pro Sekunde, ein / aus (Mittel über 5 s)</translation>
    </message>
    <message>
        <source>Bytes per second, in / out (5 s mean)</source>
        <translation>Bytes pro Sekunde, ein / aus (Mittel über 5 s)</translation>
    </message>
    <message>
        <source>Rate-limit rejections per second (5 s mean)</source>
        <translation>Ratenlimit-Ablehnungen pro Sekunde (Mittel über 5 s)</translation>
    </message>
    <message>
        <source>clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Packets per second</source>
        <translation>Pakete pro Sekunde</translation>
    </message>
    <message>
        <source>in</source>
        <translation>ein</translation>
    </message>
    <message>
        <source>out</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>Bytes per second</source>
        <translation>Bytes pro Sekunde</translation>
    </message>
    <message>
        <source>Rate-limit rejections per second</source>
        <translation>Ratenlimit-Ablehnungen pro Sekunde</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>disconnections</source>
        <translation>Trennungen</translation>
    </message>
    <message>
        <source>Connections, disconnections and rate-limit rejections per second</source>
        <translation>Verbindungen, Trennungen und Ratenlimit-Ablehnungen pro Sekunde</translation>
    </message>
    <message>
        <source>Payload bytes per second (JSON text, client mode)</source>
        <translation>Nutzdaten-Bytes pro Sekunde (JSON-Text, Client-Modus)</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>The server does not report rate limits (SMARTSOCKET_RATE_LIMITS)</source>
        <translation>Der Server meldet keine Ratenlimits (SMARTSOCKET_RATE_LIMITS)</translation>
    </message>
</context>
<context>
    <name>Inspector::EmitPage</name>
    <message>
        <source>To socket or room:</source>
        <translation>An Socket oder Raum:</translation>
    </message>
    <message>
        <source>Wait for the acknowledgement</source>
        <translation>Auf die Bestätigung (Ack) warten</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>empty: every socket of the namespace</source>
        <translation>leer: jeder Socket des Namespace</translation>
    </message>
    <message>
        <source>event name, e.g. message</source>
        <translation>Ereignisname, z. B. message</translation>
    </message>
    <message>
        <source>Arguments as JSON. An array holds several arguments: [&quot;hello&quot;, {&quot;n&quot;: 1}]; any other value is the only argument.</source>
        <translation>Argumente als JSON. Ein Array enthält mehrere Argumente: [&quot;hello&quot;, {&quot;n&quot;: 1}]; jeder andere Wert ist das einzige Argument.</translation>
    </message>
    <message>
        <source>optional: a file sent as a binary last argument</source>
        <translation>optional: eine Datei, gesendet als binäres letztes Argument</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Format JSON</source>
        <translation>JSON formatieren</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>timeout:</source>
        <translation>Timeout:</translation>
    </message>
    <message>
        <source>Namespace:</source>
        <translation>Namespace:</translation>
    </message>
    <message>
        <source>Event:</source>
        <translation>Ereignis:</translation>
    </message>
    <message>
        <source>Arguments:</source>
        <translation>Argumente:</translation>
    </message>
    <message>
        <source>Binary:</source>
        <translation>Binärdaten:</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <source>Saved requests</source>
        <translation>Gespeicherte Anfragen</translation>
    </message>
    <message>
        <source>Save current…</source>
        <translation>Aktuelle speichern…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Double-click to load</source>
        <translation>Doppelklick zum Laden</translation>
    </message>
    <message>
        <source>Invalid JSON: %1</source>
        <translation>Ungültiges JSON: %1</translation>
    </message>
    <message>
        <source>Binary argument</source>
        <translation>Binäres Argument</translation>
    </message>
    <message>
        <source>The server emits the event (admin EMIT feature)</source>
        <translation>Der Server sendet das Ereignis (Admin-Funktion EMIT)</translation>
    </message>
    <message>
        <source>Our client emits the event</source>
        <translation>Unser Client sendet das Ereignis</translation>
    </message>
    <message>
        <source>This server does not allow emitting (read-only or EMIT not announced).</source>
        <translation>Dieser Server erlaubt kein Senden (schreibgeschützt oder EMIT nicht angekündigt).</translation>
    </message>
    <message>
        <source>Enter an event name.</source>
        <translation>Geben Sie einen Ereignisnamen ein.</translation>
    </message>
    <message>
        <source>Invalid JSON arguments: %1</source>
        <translation>Ungültige JSON-Argumente: %1</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Sent by the server to %1 in %2.</source>
        <translation>Vom Server an %1 in %2 gesendet.</translation>
    </message>
    <message>
        <source>every socket</source>
        <translation>jeden Socket</translation>
    </message>
    <message>
        <source>Not connected to namespace %1.</source>
        <translation>Nicht mit Namespace %1 verbunden.</translation>
    </message>
    <message>
        <source>Sent; waiting for the acknowledgement…</source>
        <translation>Gesendet; warte auf die Bestätigung…</translation>
    </message>
    <message>
        <source>Sent.</source>
        <translation>Gesendet.</translation>
    </message>
    <message>
        <source>round trip %1 ms</source>
        <translation>Umlaufzeit %1 ms</translation>
    </message>
    <message numerus="yes">
        <source>Acknowledged with %n argument(s).</source>
        <translation>
            <numerusform>Bestätigt mit %n Argument.</numerusform>
            <numerusform>Bestätigt mit %n Argumenten.</numerusform>
        </translation>
    </message>
    <message>
        <source>No acknowledgement: %1</source>
        <translation>Keine Bestätigung: %1</translation>
    </message>
    <message>
        <source>Save request</source>
        <translation>Anfrage speichern</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
</context>
<context>
    <name>Inspector::EventLogModel</name>
    <message>
        <source>in</source>
        <translation>ein</translation>
    </message>
    <message>
        <source>out</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>state</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Dir.</source>
        <translation>Richt.</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <source>Socket</source>
        <translation>Socket</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>Argumente</translation>
    </message>
</context>
<context>
    <name>Inspector::EventsPage</name>
    <message>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Socket id</source>
        <translation>Socket-ID</translation>
    </message>
    <message>
        <source>Search text in arguments…</source>
        <translation>Text in Argumenten suchen…</translation>
    </message>
    <message>
        <source>All directions</source>
        <translation>Alle Richtungen</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Connections and rooms</source>
        <translation>Verbindungen und Räume</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Pause the live flow (events keep arriving and wait)</source>
        <translation>Live-Anzeige anhalten (Ereignisse kommen weiter an und warten)</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportieren…</translation>
    </message>
    <message>
        <source>Save the events shown as JSON lines</source>
        <translation>Die angezeigten Ereignisse als JSON Lines speichern</translation>
    </message>
    <message>
        <source>Select an event to see its arguments</source>
        <translation>Wählen Sie ein Ereignis, um seine Argumente zu sehen</translation>
    </message>
    <message>
        <source>%1  %2  %3  socket %4
event: %5

</source>
        <translation>%1  %2  %3  Socket %4
Ereignis: %5

</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) shown</source>
        <translation>
            <numerusform>%n Ereignis angezeigt</numerusform>
            <numerusform>%n Ereignisse angezeigt</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 in the log (at most %2), %3 dropped</source>
        <translation>%1 im Protokoll (höchstens %2), %3 verworfen</translation>
    </message>
    <message numerus="yes">
        <source>paused: %n waiting</source>
        <translation>
            <numerusform>angehalten: %n wartet</numerusform>
            <numerusform>angehalten: %n warten</numerusform>
        </translation>
    </message>
    <message>
        <source>Export events</source>
        <translation>Ereignisse exportieren</translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl *.json);;All files (*)</source>
        <translation>JSON Lines (*.jsonl *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>Inspector::MainWindow</name>
    <message>
        <source>SmartSocket Inspector</source>
        <translation>SmartSocket Inspector</translation>
    </message>
    <message>
        <source>Authentication failed: %1</source>
        <translation>Anmeldung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1 sockets · %2 events</source>
        <translation>%1 Sockets · %2 Ereignisse</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <source>Servers</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Namespaces</source>
        <translation>Namespaces</translation>
    </message>
    <message>
        <source>Sockets</source>
        <translation>Sockets</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Räume</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Emit</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Acks</source>
        <translation>Acks</translation>
    </message>
    <message>
        <source>Rate limits</source>
        <translation>Ratenlimits</translation>
    </message>
    <message>
        <source>SmartSocket Inspector – %1</source>
        <translation>SmartSocket Inspector – %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation>&amp;Verbinden…</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>&amp;Trennen</translation>
    </message>
    <message>
        <source>&amp;Recent servers</source>
        <translation>&amp;Zuletzt verwendete Server</translation>
    </message>
    <message>
        <source>&amp;Export events…</source>
        <translation>Ereignisse &amp;exportieren…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation>&amp;Ereignisse</translation>
    </message>
    <message>
        <source>&amp;Pause live events</source>
        <translation>Live-Ereignisse &amp;anhalten</translation>
    </message>
    <message>
        <source>&amp;Clear</source>
        <translation>&amp;Leeren</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>Ü&amp;ber</translation>
    </message>
    <message>
        <source>About SmartSocket Inspector</source>
        <translation>Über SmartSocket Inspector</translation>
    </message>
    <message>
        <source>&lt;b&gt;SmartSocket Inspector&lt;/b&gt;&lt;p&gt;Inspects Socket.IO v4 servers: as an admin client of an instrumented server (the @socket.io/admin-ui protocol, plus SmartSocket&apos;s acks and rate limits), or as an ordinary client of any server.&lt;/p&gt;</source>
        <translation>&lt;b&gt;SmartSocket Inspector&lt;/b&gt;&lt;p&gt;Untersucht Socket.IO-v4-Server: als Admin-Client eines instrumentierten Servers (das Protokoll von @socket.io/admin-ui, dazu die Acks und Ratenlimits von SmartSocket) oder als gewöhnlicher Client eines beliebigen Servers.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hauptleiste</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Password of %1 on %2:</source>
        <translation>Passwort von %1 auf %2:</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Invalid URL: %1</source>
        <translation>Ungültige URL: %1</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1…</translation>
    </message>
    <message>
        <source>development mode</source>
        <translation>Entwicklungsmodus</translation>
    </message>
    <message>
        <source>production mode: aggregates only</source>
        <translation>Produktionsmodus: nur Summen</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>schreibgeschützt</translation>
    </message>
    <message>
        <source>Admin · %1%2 · connected</source>
        <translation>Admin · %1%2 · verbunden</translation>
    </message>
    <message>
        <source>Client · %1 · connected to %2</source>
        <translation>Client · %1 · verbunden mit %2</translation>
    </message>
    <message>
        <source>Connection to %1 lost; reconnecting…</source>
        <translation>Verbindung zu %1 verloren; verbinde erneut…</translation>
    </message>
    <message>
        <source>Not connected: %1</source>
        <translation>Nicht verbunden: %1</translation>
    </message>
    <message>
        <source>Servers are known through the admin protocol only; client mode sees one server as a client.</source>
        <translation>Server sind nur über das Admin-Protokoll bekannt; der Client-Modus sieht einen Server als Client.</translation>
    </message>
    <message>
        <source>Connect in admin mode to see the server nodes.</source>
        <translation>Im Admin-Modus verbinden, um die Serverknoten zu sehen.</translation>
    </message>
    <message>
        <source>A client cannot see rooms: they live on the server. Use admin mode.</source>
        <translation>Ein Client sieht keine Räume: Sie existieren nur auf dem Server. Verwenden Sie den Admin-Modus.</translation>
    </message>
    <message>
        <source>The server runs in production mode: rooms and sockets are not sent (only aggregates).</source>
        <translation>Der Server läuft im Produktionsmodus: Räume und Sockets werden nicht gesendet (nur Summen).</translation>
    </message>
    <message>
        <source>Rate limits are reported by SmartSocket servers in admin mode (SMARTSOCKET_RATE_LIMITS).</source>
        <translation>Ratenlimits melden SmartSocket-Server im Admin-Modus (SMARTSOCKET_RATE_LIMITS).</translation>
    </message>
    <message>
        <source>Not available on this server: it does not announce SMARTSOCKET_ACKS (see docs/inspector-protocol.md).</source>
        <translation>Auf diesem Server nicht verfügbar: Er kündigt SMARTSOCKET_ACKS nicht an (siehe docs/inspector-protocol.md).</translation>
    </message>
    <message>
        <source>Connect to a server to see acknowledgements.</source>
        <translation>Mit einem Server verbinden, um Bestätigungen (Acks) zu sehen.</translation>
    </message>
    <message>
        <source>Not available on this server: it does not announce SMARTSOCKET_RATE_LIMITS (see docs/inspector-protocol.md).</source>
        <translation>Auf diesem Server nicht verfügbar: Er kündigt SMARTSOCKET_RATE_LIMITS nicht an (siehe docs/inspector-protocol.md).</translation>
    </message>
    <message>
        <source>Connect to a server to see rate limits.</source>
        <translation>Mit einem Server verbinden, um Ratenlimits zu sehen.</translation>
    </message>
    <message>
        <source>This server does not let the admin emit events (read-only, or EMIT not announced).</source>
        <translation>Dieser Server lässt den Admin keine Ereignisse senden (schreibgeschützt oder EMIT nicht angekündigt).</translation>
    </message>
    <message>
        <source>Connect to a server to emit events.</source>
        <translation>Mit einem Server verbinden, um Ereignisse zu senden.</translation>
    </message>
</context>
<context>
    <name>Inspector::NamespacesModel</name>
    <message>
        <source>Namespace / socket</source>
        <translation>Namespace / Socket</translation>
    </message>
    <message>
        <source>Sockets</source>
        <translation>Sockets</translation>
    </message>
</context>
<context>
    <name>Inspector::RateLimitModel</name>
    <message>
        <source>(all events)</source>
        <translation>(alle Ereignisse)</translation>
    </message>
    <message>
        <source>%1 / %2 s</source>
        <translation>%1 / %2 s</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <source>Socket</source>
        <translation>Socket</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation>Erlaubt</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>Verbleibend</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Limit</translation>
    </message>
    <message>
        <source>Retry after</source>
        <translation>Erneut nach</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Aktualisiert</translation>
    </message>
</context>
<context>
    <name>Inspector::RateLimitsPage</name>
    <message>
        <source>Only sockets with rejections</source>
        <translation>Nur Sockets mit Ablehnungen</translation>
    </message>
    <message>
        <source>Rows with rejected events are highlighted.</source>
        <translation>Zeilen mit abgelehnten Ereignissen sind hervorgehoben.</translation>
    </message>
</context>
<context>
    <name>Inspector::RoomsModel</name>
    <message>
        <source>%1 (own room)</source>
        <translation>%1 (eigener Raum)</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Raum</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>Sockets</source>
        <translation>Sockets</translation>
    </message>
</context>
<context>
    <name>Inspector::RoomsPage</name>
    <message>
        <source>Filter rooms or members…</source>
        <translation>Räume oder Mitglieder filtern…</translation>
    </message>
    <message>
        <source>Show each socket&apos;s own room</source>
        <translation>Eigenen Raum jedes Sockets zeigen</translation>
    </message>
</context>
<context>
    <name>Inspector::ServersModel</name>
    <message>
        <source>healthy</source>
        <translation>gesund</translation>
    </message>
    <message>
        <source>unhealthy</source>
        <translation>gestört</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Last stats</source>
        <translation>Letzte Statistik</translation>
    </message>
</context>
<context>
    <name>Inspector::ServersPage</name>
    <message>
        <source>Select a server. SmartSocket servers add their own statistics here (SMARTSOCKET_STATS).</source>
        <translation>Wählen Sie einen Server. SmartSocket-Server zeigen hier zusätzlich ihre eigene Statistik (SMARTSOCKET_STATS).</translation>
    </message>
    <message>
        <source>%1 on %2 (pid %3): %4, %5 clients (%6 polling)
</source>
        <translation>%1 auf %2 (PID %3): %4, %5 Clients (%6 Polling)
</translation>
    </message>
    <message>
        <source>healthy</source>
        <translation>gesund</translation>
    </message>
    <message>
        <source>unhealthy: no stats for over 10 s</source>
        <translation>gestört: seit über 10 s keine Statistik</translation>
    </message>
    <message>
        <source>SmartSocket statistics:</source>
        <translation>SmartSocket-Statistik:</translation>
    </message>
</context>
<context>
    <name>Inspector::SocketsModel</name>
    <message>
        <source>Socket</source>
        <translation>Socket</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Transport</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Räume</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
</context>
<context>
    <name>Inspector::SocketsPage</name>
    <message>
        <source>Disconnect</source>
        <translation>Trennen</translation>
    </message>
    <message>
        <source>Join room…</source>
        <translation>Raum beitreten…</translation>
    </message>
    <message>
        <source>Leave room…</source>
        <translation>Raum verlassen…</translation>
    </message>
    <message>
        <source>Show its events</source>
        <translation>Seine Ereignisse zeigen</translation>
    </message>
    <message>
        <source>Filter by id, namespace, address, room or data…</source>
        <translation>Nach ID, Namespace, Adresse, Raum oder Daten filtern…</translation>
    </message>
    <message>
        <source>Select a socket to see its handshake and data</source>
        <translation>Wählen Sie einen Socket, um Handshake und Daten zu sehen</translation>
    </message>
    <message>
        <source>Not allowed by this server (read-only, or %1 not announced)</source>
        <translation>Von diesem Server nicht erlaubt (schreibgeschützt oder %1 nicht angekündigt)</translation>
    </message>
    <message>
        <source>socket %1 in %2
</source>
        <translation>Socket %1 in %2
</translation>
    </message>
    <message>
        <source>client (Engine.IO) %1
</source>
        <translation>Client (Engine.IO) %1
</translation>
    </message>
    <message>
        <source>rooms: %1

data:
%2

handshake:
%3</source>
        <translation>Räume: %1

Daten:
%2

Handshake:
%3</translation>
    </message>
    <message>
        <source>Disconnect socket</source>
        <translation>Socket trennen</translation>
    </message>
    <message>
        <source>Disconnect socket %1 from %2?

&quot;Yes&quot; leaves the namespace; the client may reconnect. Choose &quot;Yes to All&quot; to close its whole connection.</source>
        <translation>Socket %1 von %2 trennen?

„Ja“ verlässt den Namespace; der Client darf sich neu verbinden. „Ja, alle“ schließt seine ganze Verbindung.</translation>
    </message>
    <message>
        <source>Join room</source>
        <translation>Raum beitreten</translation>
    </message>
    <message>
        <source>Room for socket %1 to join:</source>
        <translation>Raum, dem Socket %1 beitreten soll:</translation>
    </message>
    <message>
        <source>Leave room</source>
        <translation>Raum verlassen</translation>
    </message>
    <message>
        <source>Room for socket %1 to leave:</source>
        <translation>Raum, den Socket %1 verlassen soll:</translation>
    </message>
</context>
<context>
    <name>Inspector::ValueFormat</name>
    <message>
        <source>&lt;binary %1 bytes&gt;</source>
        <translation>&lt;binär, %1 Bytes&gt;</translation>
    </message>
    <message>
        <source>%1 (line %2, column %3)</source>
        <translation>%1 (Zeile %2, Spalte %3)</translation>
    </message>
    <message>
        <source>

binary #%1 (%2 bytes):
</source>
        <translation>

Binärdaten #%1 (%2 Bytes):
</translation>
    </message>
    <message>
        <source>... %1 more bytes
</source>
        <translation>... %1 weitere Bytes
</translation>
    </message>
    <message>
        <source>one JSON value expected (use an array for several arguments)</source>
        <translation>ein JSON-Wert erwartet (für mehrere Argumente ein Array verwenden)</translation>
    </message>
    <message>
        <source>a JSON object {...} expected</source>
        <translation>ein JSON-Objekt {...} erwartet</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>Sp&amp;rache</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>○ sending…</source>
        <translation>○ wird gesendet …</translation>
    </message>
    <message>
        <source>✓ delivered</source>
        <translation>✓ zugestellt</translation>
    </message>
    <message>
        <source>✗ not delivered</source>
        <translation>✗ nicht zugestellt</translation>
    </message>
</context>
<context>
    <name>MessageModel</name>
    <message>
        <source>Not delivered: %1</source>
        <translation>Nicht zugestellt: %1</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet …</translation>
    </message>
    <message>
        <source>Delivered at %1</source>
        <translation>Zugestellt am %1</translation>
    </message>
</context>
<context>
    <name>RoomListModel</name>
    <message numerus="yes">
        <source>%1 (%n new)</source>
        <translation>
            <numerusform>%1 (%n neu)</numerusform>
            <numerusform>%1 (%n neu)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Joined; %n user(s)</source>
        <translation>
            <numerusform>Beigetreten; %n Teilnehmer</numerusform>
            <numerusform>Beigetreten; %n Teilnehmer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not joined; %n user(s)</source>
        <translation>
            <numerusform>Nicht beigetreten; %n Teilnehmer</numerusform>
            <numerusform>Nicht beigetreten; %n Teilnehmer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StartDialog</name>
    <message>
        <source>The server address must look like ws://host:port.</source>
        <translation>Die Serveradresse muss die Form ws://host:port haben.</translation>
    </message>
    <message>
        <source>Enter a name.</source>
        <translation>Geben Sie einen Namen ein.</translation>
    </message>
    <message>
        <source>SmartSocket Chat</source>
        <translation>SmartSocket-Chat</translation>
    </message>
    <message>
        <source>Choose a name and the chat server to connect to.</source>
        <translation>Wählen Sie einen Namen und den Chatserver, mit dem Sie sich verbinden möchten.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>e.g. Alice</source>
        <translation>z. B. Alice</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
</context>
<context>
    <name>SyncSession</name>
    <message>
        <source>Cannot connect to %1: %2</source>
        <translation>Keine Verbindung zu %1: %2</translation>
    </message>
    <message>
        <source>Someone else changed the form first: your last change was not saved and the form was reloaded.</source>
        <translation>Jemand anderes hat das Formular zuerst geändert: Ihre letzte Änderung wurde nicht gespeichert und das Formular neu geladen.</translation>
    </message>
    <message>
        <source>The server refused the change: %1</source>
        <translation>Der Server hat die Änderung abgelehnt: %1</translation>
    </message>
</context>
<context>
    <name>SyncWindow</name>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>SmartSocket Sync</source>
        <translation>SmartSocket-Sync</translation>
    </message>
    <message>
        <source>Everyone connected to the same server edits this form together: changes appear in every window.</source>
        <translation>Alle, die mit demselben Server verbunden sind, bearbeiten dieses Formular gemeinsam: Änderungen erscheinen in jedem Fenster.</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>&amp;Notizen:</translation>
    </message>
    <message>
        <source>&amp;Progress:</source>
        <translation>&amp;Fortschritt:</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>&amp;Erledigt</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>Connected to %1; version %2</source>
        <translation>Mit %1 verbunden; Version %2</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbindung zu %1 wird hergestellt …</translation>
    </message>
    <message>
        <source>Connection lost; reconnecting…</source>
        <translation>Verbindung unterbrochen; neuer Versuch …</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message numerus="yes">
        <source>Connection lost; reconnecting in %n s…</source>
        <translation>
            <numerusform>Verbindung unterbrochen; neuer Versuch in %n s …</numerusform>
            <numerusform>Verbindung unterbrochen; neuer Versuch in %n s …</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UserListModel</name>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (Sie)</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Inspects Socket.IO v4 servers: --admin connects to the admin namespace of an instrumented server (@socket.io/admin-ui protocol), --client joins namespaces of any server as an ordinary client. Without --url, the connect dialog opens.</source>
        <translation>Untersucht Socket.IO-v4-Server: --admin verbindet sich mit dem Admin-Namespace eines instrumentierten Servers (Protokoll von @socket.io/admin-ui), --client tritt als gewöhnlicher Client Namespaces eines beliebigen Servers bei. Ohne --url öffnet sich der Verbindungsdialog.</translation>
    </message>
    <message>
        <source>Server URL (ws://, wss://, http://, https://).</source>
        <translation>Server-URL (ws://, wss://, http://, https://).</translation>
    </message>
    <message>
        <source>Admin mode (the default with --user).</source>
        <translation>Admin-Modus (Standard mit --user).</translation>
    </message>
    <message>
        <source>Client mode (the default).</source>
        <translation>Client-Modus (Standard).</translation>
    </message>
    <message>
        <source>Admin mode: the admin namespace (default /admin). Client mode: a namespace to join (repeatable, or comma-separated; default /).</source>
        <translation>Admin-Modus: der Admin-Namespace (Standard /admin). Client-Modus: ein Namespace zum Beitreten (wiederholbar oder durch Kommas getrennt; Standard /).</translation>
    </message>
    <message>
        <source>Admin user; the password comes from SMARTSOCKET_ADMIN_PASSWORD or a prompt.</source>
        <translation>Admin-Benutzer; das Passwort kommt aus SMARTSOCKET_ADMIN_PASSWORD oder wird abgefragt.</translation>
    </message>
    <message>
        <source>Client mode: auth payload (a JSON object).</source>
        <translation>Client-Modus: Auth-Nutzdaten (ein JSON-Objekt).</translation>
    </message>
    <message>
        <source>Query parameter key=value (repeatable).</source>
        <translation>Query-Parameter Schlüssel=Wert (wiederholbar).</translation>
    </message>
    <message>
        <source>HTTP header &quot;Name: value&quot; (repeatable).</source>
        <translation>HTTP-Header „Name: Wert“ (wiederholbar).</translation>
    </message>
    <message>
        <source>Also trust the CA certificates in this PEM file.</source>
        <translation>Auch den CA-Zertifikaten in dieser PEM-Datei vertrauen.</translation>
    </message>
    <message>
        <source>Accept any server certificate (no verification).</source>
        <translation>Jedes Serverzertifikat akzeptieren (keine Prüfung).</translation>
    </message>
    <message>
        <source>Page to show first: dashboard, servers, namespaces, sockets, rooms, events, emit, acks, ratelimits.</source>
        <translation>Zuerst gezeigte Seite: dashboard, servers, namespaces, sockets, rooms, events, emit, acks, ratelimits.</translation>
    </message>
    <message>
        <source>Once connected, send this event from the emit panel (client mode: with an ack, on the first namespace; admin mode: the server emits it to the namespace).</source>
        <translation>Nach dem Verbinden dieses Ereignis aus dem Sendebereich senden (Client-Modus: mit Ack, im ersten Namespace; Admin-Modus: der Server sendet es an den Namespace).</translation>
    </message>
    <message>
        <source>JSON arguments of --emit (an array holds several).</source>
        <translation>JSON-Argumente von --emit (ein Array enthält mehrere).</translation>
    </message>
    <message>
        <source>Language: de, fr or en (default: the system&apos;s).</source>
        <translation>Sprache: de, fr oder en (Standard: die des Systems).</translation>
    </message>
    <message>
        <source>SmartSocket Inspector</source>
        <translation>SmartSocket Inspector</translation>
    </message>
    <message>
        <source>--admin and --client exclude each other</source>
        <translation>--admin und --client schließen sich aus</translation>
    </message>
    <message>
        <source>unknown page: %1</source>
        <translation>unbekannte Seite: %1</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Password of %1 on %2:</source>
        <translation>Passwort von %1 auf %2:</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
</context>
</TS>
