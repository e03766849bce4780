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
</context>
<context>
    <name>UserListModel</name>
    <message>
        <source>%1 (you)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
