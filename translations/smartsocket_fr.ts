<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ChatSession</name>
    <message>
        <source>Could not reconnect to the server.</source>
        <translation>Impossible de se reconnecter au serveur.</translation>
    </message>
    <message>
        <source>%1 joined</source>
        <translation>%1 est arrivé·e</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>%1 est parti·e</translation>
    </message>
    <message>
        <source>The server ended the session.</source>
        <translation>Le serveur a mis fin à la session.</translation>
    </message>
    <message>
        <source>Cannot connect to %1: %2</source>
        <translation>Connexion à %1 impossible : %2</translation>
    </message>
    <message>
        <source>Could not join %1: %2</source>
        <translation>Impossible de rejoindre %1 : %2</translation>
    </message>
    <message>
        <source>Join a room first.</source>
        <translation>Rejoignez d’abord un salon.</translation>
    </message>
    <message>
        <source>no answer from the server</source>
        <translation>pas de réponse du serveur</translation>
    </message>
    <message>
        <source>connection lost</source>
        <translation>connexion perdue</translation>
    </message>
    <message>
        <source>too many messages</source>
        <translation>trop de messages</translation>
    </message>
    <message numerus="yes">
        <source>You are sending messages too fast. Wait %n second(s) and try again.</source>
        <translation>
            <numerusform>Vous envoyez des messages trop vite. Attendez %n seconde et réessayez.</numerusform>
            <numerusform>Vous envoyez des messages trop vite. Attendez %n secondes et réessayez.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server refused the message: %1</source>
        <translation>Le serveur a refusé le message : %1</translation>
    </message>
    <message>
        <source>Message not sent: %1</source>
        <translation>Message non envoyé : %1</translation>
    </message>
</context>
<context>
    <name>ChatWindow</name>
    <message>
        <source>About SmartSocket Chat</source>
        <translation>À propos de Discussion SmartSocket</translation>
    </message>
    <message>
        <source>A chat over Socket.IO, made with the SmartSocket library and Qt %1.</source>
        <translation>Une discussion via Socket.IO, réalisée avec la bibliothèque SmartSocket et Qt %1.</translation>
    </message>
    <message>
        <source>&amp;Chat</source>
        <translation>&amp;Discussion</translation>
    </message>
    <message>
        <source>&amp;New room…</source>
        <translation>&amp;Nouveau salon…</translation>
    </message>
    <message>
        <source>&amp;Leave room</source>
        <translation>&amp;Quitter le salon</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;À propos</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Salons</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>&amp;Join</source>
        <translation>&amp;Rejoindre</translation>
    </message>
    <message>
        <source>L&amp;eave</source>
        <translation>Q&amp;uitter</translation>
    </message>
    <message>
        <source>New room…</source>
        <translation>Nouveau salon…</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Envoyer</translation>
    </message>
    <message>
        <source>Write a message and press Enter</source>
        <translation>Écrivez un message et appuyez sur Entrée</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Masquer</translation>
    </message>
    <message>
        <source>Connected to %1 as %2</source>
        <translation>Connecté à %1 en tant que %2</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message numerus="yes">
        <source>Connection lost. Reconnecting in %n second(s)…</source>
        <translation>
            <numerusform>Connexion perdue. Nouvelle tentative dans %n seconde…</numerusform>
            <numerusform>Connexion perdue. Nouvelle tentative dans %n secondes…</numerusform>
        </translation>
    </message>
    <message>
        <source>Connection lost. Reconnecting (attempt %1)…</source>
        <translation>Connexion perdue. Reconnexion (tentative %1)…</translation>
    </message>
    <message>
        <source>Offline; messages you send now go out once the connection is back</source>
        <translation>Hors ligne : les messages envoyés maintenant partiront dès le retour de la connexion</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
    <message>
        <source>SmartSocket Chat</source>
        <translation>Discussion SmartSocket</translation>
    </message>
    <message>
        <source>%1 – SmartSocket Chat</source>
        <translation>%1 – Discussion SmartSocket</translation>
    </message>
    <message>
        <source>No room joined: pick one on the left</source>
        <translation>Aucun salon rejoint : choisissez-en un à gauche</translation>
    </message>
    <message>
        <source>Room: %1</source>
        <translation>Salon : %1</translation>
    </message>
    <message>
        <source>New room</source>
        <translation>Nouveau salon</translation>
    </message>
    <message>
        <source>Name of the room to create or join:</source>
        <translation>Nom du salon à créer ou à rejoindre :</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>○ sending…</source>
        <translation>○ envoi…</translation>
    </message>
    <message>
        <source>✓ delivered</source>
        <translation>✓ distribué</translation>
    </message>
    <message>
        <source>✗ not delivered</source>
        <translation>✗ non distribué</translation>
    </message>
</context>
<context>
    <name>MessageModel</name>
    <message>
        <source>Not delivered: %1</source>
        <translation>Non distribué : %1</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Envoi…</translation>
    </message>
    <message>
        <source>Delivered at %1</source>
        <translation>Distribué le %1</translation>
    </message>
</context>
<context>
    <name>RoomListModel</name>
    <message numerus="yes">
        <source>%1 (%n new)</source>
        <translation>
            <numerusform>%1 (%n nouveau)</numerusform>
            <numerusform>%1 (%n nouveaux)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Joined; %n user(s)</source>
        <translation>
            <numerusform>Rejoint ; %n participant</numerusform>
            <numerusform>Rejoint ; %n participants</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not joined; %n user(s)</source>
        <translation>
            <numerusform>Non rejoint ; %n participant</numerusform>
            <numerusform>Non rejoint ; %n participants</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StartDialog</name>
    <message>
        <source>The server address must look like ws://host:port.</source>
        <translation>L’adresse du serveur doit être de la forme ws://hôte:port.</translation>
    </message>
    <message>
        <source>Enter a name.</source>
        <translation>Saisissez un nom.</translation>
    </message>
    <message>
        <source>SmartSocket Chat</source>
        <translation>Discussion SmartSocket</translation>
    </message>
    <message>
        <source>Choose a name and the chat server to connect to.</source>
        <translation>Choisissez un nom et le serveur de discussion auquel vous connecter.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom :</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Serveur :</translation>
    </message>
    <message>
        <source>e.g. Alice</source>
        <translation>p. ex. Alice</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>Se &amp;connecter</translation>
    </message>
</context>
<context>
    <name>SyncSession</name>
    <message>
        <source>Cannot connect to %1: %2</source>
        <translation>Connexion à %1 impossible : %2</translation>
    </message>
    <message>
        <source>Someone else changed the form first: your last change was not saved and the form was reloaded.</source>
        <translation>Quelqu’un d’autre a modifié le formulaire avant vous : votre dernière modification n’a pas été enregistrée et le formulaire a été rechargé.</translation>
    </message>
    <message>
        <source>The server refused the change: %1</source>
        <translation>Le serveur a refusé la modification : %1</translation>
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
        <translation>Synchro SmartSocket</translation>
    </message>
    <message>
        <source>Everyone connected to the same server edits this form together: changes appear in every window.</source>
        <translation>Toutes les personnes connectées au même serveur modifient ce formulaire ensemble : les changements apparaissent dans chaque fenêtre.</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titre :</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>&amp;Notes :</translation>
    </message>
    <message>
        <source>&amp;Progress:</source>
        <translation>&amp;Avancement :</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>Ter&amp;miné</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Connected to %1; version %2</source>
        <translation>Connecté à %1 ; version %2</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <source>Connection lost; reconnecting…</source>
        <translation>Connexion perdue ; reconnexion…</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Non connecté.</translation>
    </message>
</context>
<context>
    <name>UserListModel</name>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (vous)</translation>
    </message>
</context>
</TS>
