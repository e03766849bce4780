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
</context>
<context>
    <name>UserListModel</name>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (Sie)</translation>
    </message>
</context>
</TS>
