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
    <name>Inspector::AcksModel</name>
    <message>
        <source>pending</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>timeout</source>
        <translation>délai dépassé</translation>
    </message>
    <message>
        <source>error</source>
        <translation>erreur</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Espace de noms</translation>
    </message>
    <message>
        <source>Socket</source>
        <translation>Socket</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Ack id</source>
        <translation>ID d’ack</translation>
    </message>
    <message>
        <source>Dir.</source>
        <translation>Sens</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Round trip</source>
        <translation>Aller-retour</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <source>in</source>
        <translation>entrant</translation>
    </message>
    <message>
        <source>out</source>
        <translation>sortant</translation>
    </message>
</context>
<context>
    <name>Inspector::AcksPage</name>
    <message>
        <source>acknowledged</source>
        <translation>acquittés</translation>
    </message>
    <message>
        <source>Round-trip latency (ms)</source>
        <translation>Latence aller-retour (ms)</translation>
    </message>
    <message>
        <source>%1 ok · %2 timed out · %3 failed · %4 pending</source>
        <translation>%1 ok · %2 expirés · %3 échoués · %4 en attente</translation>
    </message>
</context>
<context>
    <name>Inspector::AdminConnection</name>
    <message>
        <source>Disconnected: %1</source>
        <translation>Déconnecté : %1</translation>
    </message>
    <message>
        <source>Authentication failed: %1</source>
        <translation>Échec de l’authentification : %1</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>The server does not allow %1 (read-only or not supported)</source>
        <translation>Le serveur n’autorise pas %1 (lecture seule ou non pris en charge)</translation>
    </message>
    <message>
        <source>No room given</source>
        <translation>Aucun salon indiqué</translation>
    </message>
    <message>
        <source>No event name given</source>
        <translation>Aucun nom d’événement indiqué</translation>
    </message>
</context>
<context>
    <name>Inspector::ClientSession</name>
    <message>
        <source>Invalid URL: %1</source>
        <translation>URL non valide : %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>Inspector::ConnectDialog</name>
    <message>
        <source>Admin: inspect an instrumented server (/admin namespace)</source>
        <translation>Admin : inspecter un serveur instrumenté (espace de noms /admin)</translation>
    </message>
    <message>
        <source>Client: connect to any Socket.IO v4 server as a client</source>
        <translation>Client : se connecter à tout serveur Socket.IO v4 en tant que client</translation>
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
        <translation>Accepter tout certificat (non sécurisé)</translation>
    </message>
    <message>
        <source>One connection for all namespaces (multiplex)</source>
        <translation>Une seule connexion pour tous les espaces de noms (multiplexage)</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <source>New connection</source>
        <translation>Nouvelle connexion</translation>
    </message>
    <message>
        <source>empty when the server has auth: false</source>
        <translation>vide si le serveur a auth: false</translation>
    </message>
    <message>
        <source>Several namespaces separated by commas: /, /chat</source>
        <translation>Plusieurs espaces de noms séparés par des virgules : /, /chat</translation>
    </message>
    <message>
        <source>key=value, one a line</source>
        <translation>clé=valeur, une par ligne</translation>
    </message>
    <message>
        <source>Name: value, one a line</source>
        <translation>Nom: valeur, un par ligne</translation>
    </message>
    <message>
        <source>Admin namespace:</source>
        <translation>Espace de noms admin :</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Utilisateur :</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Mot de passe :</translation>
    </message>
    <message>
        <source>Namespaces:</source>
        <translation>Espaces de noms :</translation>
    </message>
    <message>
        <source>Auth (JSON):</source>
        <translation>Auth (JSON) :</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Path:</source>
        <translation>Chemin :</translation>
    </message>
    <message>
        <source>Query:</source>
        <translation>Requête :</translation>
    </message>
    <message>
        <source>Headers:</source>
        <translation>En-têtes :</translation>
    </message>
    <message>
        <source>CA certificates (PEM):</source>
        <translation>Certificats d’AC (PEM) :</translation>
    </message>
    <message>
        <source>Recent:</source>
        <translation>Récents :</translation>
    </message>
    <message>
        <source>Server URL:</source>
        <translation>URL du serveur :</translation>
    </message>
    <message>
        <source>CA certificates</source>
        <translation>Certificats d’AC</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt);;All files (*)</source>
        <translation>Fichiers PEM (*.pem *.crt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Enter a ws://, wss://, http:// or https:// URL with a host.</source>
        <translation>Saisissez une URL ws://, wss://, http:// ou https:// avec un hôte.</translation>
    </message>
</context>
<context>
    <name>Inspector::ConnectionProfile</name>
    <message>
        <source>%1 (admin %2)</source>
        <translation>%1 (admin %2)</translation>
    </message>
    <message>
        <source>%1 (client %2)</source>
        <translation>%1 (client %2)</translation>
    </message>
    <message>
        <source>Auth: %1</source>
        <translation>Auth : %1</translation>
    </message>
    <message>
        <source>Query: &quot;%1&quot; is not key=value</source>
        <translation>Requête : « %1 » n’est pas de la forme clé=valeur</translation>
    </message>
    <message>
        <source>Headers: &quot;%1&quot; is not Name: value</source>
        <translation>En-têtes : « %1 » n’est pas de la forme Nom: valeur</translation>
    </message>
</context>
<context>
    <name>Inspector::DashboardPage</name>
    <message>
        <source>Connected clients</source>
        <translation>Clients connectés</translation>
    </message>
    <message>
        <source>Packets per second, in / out (5 s mean)</source>
        <translation>Paquets par seconde, entrants / sortants (moyenne sur 5 s)</translation>
    </message>
    <message>
        <source>Bytes per second, in / out (5 s mean)</source>
        <translation>Octets par seconde, entrants / sortants (moyenne sur 5 s)</translation>
    </message>
    <message>
        <source>Rate-limit rejections per second (5 s mean)</source>
        <translation>Rejets par limite de débit par seconde (moyenne sur 5 s)</translation>
    </message>
    <message>
        <source>clients</source>
        <translation>clients</translation>
    </message>
    <message>
        <source>Packets per second</source>
        <translation>Paquets par seconde</translation>
    </message>
    <message>
        <source>in</source>
        <translation>entrant</translation>
    </message>
    <message>
        <source>out</source>
        <translation>sortant</translation>
    </message>
    <message>
        <source>Bytes per second</source>
        <translation>Octets par seconde</translation>
    </message>
    <message>
        <source>Rate-limit rejections per second</source>
        <translation>Rejets par limite de débit par seconde</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>rejetés</translation>
    </message>
    <message>
        <source>connections</source>
        <translation>connexions</translation>
    </message>
    <message>
        <source>disconnections</source>
        <translation>déconnexions</translation>
    </message>
    <message>
        <source>Connections, disconnections and rate-limit rejections per second</source>
        <translation>Connexions, déconnexions et rejets par limite de débit par seconde</translation>
    </message>
    <message>
        <source>Payload bytes per second (JSON text, client mode)</source>
        <translation>Octets de charge utile par seconde (texte JSON, mode client)</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>n/d</translation>
    </message>
    <message>
        <source>The server does not report rate limits (SMARTSOCKET_RATE_LIMITS)</source>
        <translation>Le serveur ne signale pas les limites de débit (SMARTSOCKET_RATE_LIMITS)</translation>
    </message>
</context>
<context>
    <name>Inspector::EmitPage</name>
    <message>
        <source>To socket or room:</source>
        <translation>Vers socket ou salon :</translation>
    </message>
    <message>
        <source>Wait for the acknowledgement</source>
        <translation>Attendre l’acquittement</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>empty: every socket of the namespace</source>
        <translation>vide : tous les sockets de l’espace de noms</translation>
    </message>
    <message>
        <source>event name, e.g. message</source>
        <translation>nom de l’événement, p. ex. message</translation>
    </message>
    <message>
        <source>Arguments as JSON. An array holds several arguments: [&quot;hello&quot;, {&quot;n&quot;: 1}]; any other value is the only argument.</source>
        <translation>Arguments en JSON. Un tableau contient plusieurs arguments : [&quot;hello&quot;, {&quot;n&quot;: 1}] ; toute autre valeur est l’unique argument.</translation>
    </message>
    <message>
        <source>optional: a file sent as a binary last argument</source>
        <translation>facultatif : un fichier envoyé comme dernier argument binaire</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Format JSON</source>
        <translation>Formater le JSON</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>timeout:</source>
        <translation>délai :</translation>
    </message>
    <message>
        <source>Namespace:</source>
        <translation>Espace de noms :</translation>
    </message>
    <message>
        <source>Event:</source>
        <translation>Événement :</translation>
    </message>
    <message>
        <source>Arguments:</source>
        <translation>Arguments :</translation>
    </message>
    <message>
        <source>Binary:</source>
        <translation>Binaire :</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Requête</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <source>Saved requests</source>
        <translation>Requêtes enregistrées</translation>
    </message>
    <message>
        <source>Save current…</source>
        <translation>Enregistrer l’actuelle…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Double-click to load</source>
        <translation>Double-cliquer pour charger</translation>
    </message>
    <message>
        <source>Invalid JSON: %1</source>
        <translation>JSON non valide : %1</translation>
    </message>
    <message>
        <source>Binary argument</source>
        <translation>Argument binaire</translation>
    </message>
    <message>
        <source>The server emits the event (admin EMIT feature)</source>
        <translation>Le serveur émet l’événement (fonction admin EMIT)</translation>
    </message>
    <message>
        <source>Our client emits the event</source>
        <translation>Notre client émet l’événement</translation>
    </message>
    <message>
        <source>This server does not allow emitting (read-only or EMIT not announced).</source>
        <translation>Ce serveur n’autorise pas l’émission (lecture seule ou EMIT non annoncé).</translation>
    </message>
    <message>
        <source>Enter an event name.</source>
        <translation>Saisissez un nom d’événement.</translation>
    </message>
    <message>
        <source>Invalid JSON arguments: %1</source>
        <translation>Arguments JSON non valides : %1</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>Sent by the server to %1 in %2.</source>
        <translation>Envoyé par le serveur à %1 dans %2.</translation>
    </message>
    <message>
        <source>every socket</source>
        <translation>tous les sockets</translation>
    </message>
    <message>
        <source>Not connected to namespace %1.</source>
        <translation>Non connecté à l’espace de noms %1.</translation>
    </message>
    <message>
        <source>Sent; waiting for the acknowledgement…</source>
        <translation>Envoyé ; en attente de l’acquittement…</translation>
    </message>
    <message>
        <source>Sent.</source>
        <translation>Envoyé.</translation>
    </message>
    <message>
        <source>round trip %1 ms</source>
        <translation>aller-retour %1 ms</translation>
    </message>
    <message numerus="yes">
        <source>Acknowledged with %n argument(s).</source>
        <translation>
            <numerusform>Acquitté avec %n argument.</numerusform>
            <numerusform>Acquitté avec %n arguments.</numerusform>
        </translation>
    </message>
    <message>
        <source>No acknowledgement: %1</source>
        <translation>Pas d’acquittement : %1</translation>
    </message>
    <message>
        <source>Save request</source>
        <translation>Enregistrer la requête</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
</context>
<context>
    <name>Inspector::EventLogModel</name>
    <message>
        <source>in</source>
        <translation>entr.</translation>
    </message>
    <message>
        <source>out</source>
        <translation>sort.</translation>
    </message>
    <message>
        <source>state</source>
        <translation>état</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Dir.</source>
        <translation>Sens</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Espace de noms</translation>
    </message>
    <message>
        <source>Socket</source>
        <translation>Socket</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation>Arguments</translation>
    </message>
</context>
<context>
    <name>Inspector::EventsPage</name>
    <message>
        <source>Namespace</source>
        <translation>Espace de noms</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Socket id</source>
        <translation>ID du socket</translation>
    </message>
    <message>
        <source>Search text in arguments…</source>
        <translation>Rechercher du texte dans les arguments…</translation>
    </message>
    <message>
        <source>All directions</source>
        <translation>Tous les sens</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Reçus</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Envoyés</translation>
    </message>
    <message>
        <source>Connections and rooms</source>
        <translation>Connexions et salons</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Pause the live flow (events keep arriving and wait)</source>
        <translation>Suspendre le flux en direct (les événements continuent d’arriver et attendent)</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>Save the events shown as JSON lines</source>
        <translation>Enregistrer les événements affichés en JSON Lines</translation>
    </message>
    <message>
        <source>Select an event to see its arguments</source>
        <translation>Sélectionnez un événement pour voir ses arguments</translation>
    </message>
    <message>
        <source>%1  %2  %3  socket %4
event: %5

</source>
        <translation>%1  %2  %3  socket %4
événement : %5

</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) shown</source>
        <translation>
            <numerusform>%n événement affiché</numerusform>
            <numerusform>%n événements affichés</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 in the log (at most %2), %3 dropped</source>
        <translation>%1 dans le journal (au plus %2), %3 abandonnés</translation>
    </message>
    <message numerus="yes">
        <source>paused: %n waiting</source>
        <translation>
            <numerusform>en pause : %n en attente</numerusform>
            <numerusform>en pause : %n en attente</numerusform>
        </translation>
    </message>
    <message>
        <source>Export events</source>
        <translation>Exporter les événements</translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl *.json);;All files (*)</source>
        <translation>JSON Lines (*.jsonl *.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Impossible d’écrire %1 : %2</translation>
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
        <translation>Échec de l’authentification : %1</translation>
    </message>
    <message>
        <source>%1 sockets · %2 events</source>
        <translation>%1 sockets · %2 événements</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Tableau de bord</translation>
    </message>
    <message>
        <source>Servers</source>
        <translation>Serveurs</translation>
    </message>
    <message>
        <source>Namespaces</source>
        <translation>Espaces de noms</translation>
    </message>
    <message>
        <source>Sockets</source>
        <translation>Sockets</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Salons</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <source>Emit</source>
        <translation>Émettre</translation>
    </message>
    <message>
        <source>Acks</source>
        <translation>Acks</translation>
    </message>
    <message>
        <source>Rate limits</source>
        <translation>Limites de débit</translation>
    </message>
    <message>
        <source>SmartSocket Inspector – %1</source>
        <translation>SmartSocket Inspector – %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation>&amp;Se connecter…</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>Se &amp;déconnecter</translation>
    </message>
    <message>
        <source>&amp;Recent servers</source>
        <translation>Serveurs &amp;récents</translation>
    </message>
    <message>
        <source>&amp;Export events…</source>
        <translation>&amp;Exporter les événements…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Events</source>
        <translation>É&amp;vénements</translation>
    </message>
    <message>
        <source>&amp;Pause live events</source>
        <translation>&amp;Suspendre le flux en direct</translation>
    </message>
    <message>
        <source>&amp;Clear</source>
        <translation>&amp;Effacer</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>À &amp;propos</translation>
    </message>
    <message>
        <source>About SmartSocket Inspector</source>
        <translation>À propos de SmartSocket Inspector</translation>
    </message>
    <message>
        <source>&lt;b&gt;SmartSocket Inspector&lt;/b&gt;&lt;p&gt;Inspects Socket.IO v4 servers: as an admin client of an instrumented server (the @socket.io/admin-ui protocol, plus SmartSocket&apos;s acks and rate limits), or as an ordinary client of any server.&lt;/p&gt;</source>
        <translation>&lt;b&gt;SmartSocket Inspector&lt;/b&gt;&lt;p&gt;Inspecte les serveurs Socket.IO v4 : comme client admin d’un serveur instrumenté (le protocole de @socket.io/admin-ui, plus les acks et limites de débit de SmartSocket), ou comme simple client de tout serveur.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principale</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Password of %1 on %2:</source>
        <translation>Mot de passe de %1 sur %2 :</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Invalid URL: %1</source>
        <translation>URL non valide : %1</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Non connecté</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <source>development mode</source>
        <translation>mode développement</translation>
    </message>
    <message>
        <source>production mode: aggregates only</source>
        <translation>mode production : agrégats seulement</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>lecture seule</translation>
    </message>
    <message>
        <source>Admin · %1%2 · connected</source>
        <translation>Admin · %1%2 · connecté</translation>
    </message>
    <message>
        <source>Client · %1 · connected to %2</source>
        <translation>Client · %1 · connecté à %2</translation>
    </message>
    <message>
        <source>Connection to %1 lost; reconnecting…</source>
        <translation>Connexion à %1 perdue ; reconnexion…</translation>
    </message>
    <message>
        <source>Not connected: %1</source>
        <translation>Non connecté : %1</translation>
    </message>
    <message>
        <source>Servers are known through the admin protocol only; client mode sees one server as a client.</source>
        <translation>Les serveurs ne sont connus que par le protocole admin ; le mode client voit un serveur en tant que client.</translation>
    </message>
    <message>
        <source>Connect in admin mode to see the server nodes.</source>
        <translation>Connectez-vous en mode admin pour voir les nœuds serveur.</translation>
    </message>
    <message>
        <source>A client cannot see rooms: they live on the server. Use admin mode.</source>
        <translation>Un client ne voit pas les salons : ils existent sur le serveur. Utilisez le mode admin.</translation>
    </message>
    <message>
        <source>The server runs in production mode: rooms and sockets are not sent (only aggregates).</source>
        <translation>Le serveur tourne en mode production : salons et sockets ne sont pas envoyés (agrégats seulement).</translation>
    </message>
    <message>
        <source>Rate limits are reported by SmartSocket servers in admin mode (SMARTSOCKET_RATE_LIMITS).</source>
        <translation>Les limites de débit sont signalées par les serveurs SmartSocket en mode admin (SMARTSOCKET_RATE_LIMITS).</translation>
    </message>
    <message>
        <source>Not available on this server: it does not announce SMARTSOCKET_ACKS (see docs/inspector-protocol.md).</source>
        <translation>Non disponible sur ce serveur : il n’annonce pas SMARTSOCKET_ACKS (voir docs/inspector-protocol.md).</translation>
    </message>
    <message>
        <source>Connect to a server to see acknowledgements.</source>
        <translation>Connectez-vous à un serveur pour voir les acquittements.</translation>
    </message>
    <message>
        <source>Not available on this server: it does not announce SMARTSOCKET_RATE_LIMITS (see docs/inspector-protocol.md).</source>
        <translation>Non disponible sur ce serveur : il n’annonce pas SMARTSOCKET_RATE_LIMITS (voir docs/inspector-protocol.md).</translation>
    </message>
    <message>
        <source>Connect to a server to see rate limits.</source>
        <translation>Connectez-vous à un serveur pour voir les limites de débit.</translation>
    </message>
    <message>
        <source>This server does not let the admin emit events (read-only, or EMIT not announced).</source>
        <translation>Ce serveur ne permet pas à l’admin d’émettre des événements (lecture seule, ou EMIT non annoncé).</translation>
    </message>
    <message>
        <source>Connect to a server to emit events.</source>
        <translation>Connectez-vous à un serveur pour émettre des événements.</translation>
    </message>
</context>
<context>
    <name>Inspector::NamespacesModel</name>
    <message>
        <source>Namespace / socket</source>
        <translation>Espace de noms / socket</translation>
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
        <translation>(tous les événements)</translation>
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
        <translation>Espace de noms</translation>
    </message>
    <message>
        <source>Socket</source>
        <translation>Socket</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation>Autorisés</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejetés</translation>
    </message>
    <message>
        <source>Remaining</source>
        <translation>Restants</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Limite</translation>
    </message>
    <message>
        <source>Retry after</source>
        <translation>Réessayer après</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Mis à jour</translation>
    </message>
</context>
<context>
    <name>Inspector::RateLimitsPage</name>
    <message>
        <source>Only sockets with rejections</source>
        <translation>Seulement les sockets avec rejets</translation>
    </message>
    <message>
        <source>Rows with rejected events are highlighted.</source>
        <translation>Les lignes avec des événements rejetés sont mises en évidence.</translation>
    </message>
</context>
<context>
    <name>Inspector::RoomsModel</name>
    <message>
        <source>%1 (own room)</source>
        <translation>%1 (salon propre)</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Espace de noms</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Salon</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
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
        <translation>Filtrer salons ou membres…</translation>
    </message>
    <message>
        <source>Show each socket&apos;s own room</source>
        <translation>Afficher le salon propre de chaque socket</translation>
    </message>
</context>
<context>
    <name>Inspector::ServersModel</name>
    <message>
        <source>healthy</source>
        <translation>sain</translation>
    </message>
    <message>
        <source>unhealthy</source>
        <translation>défaillant</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Hôte</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>Durée de fonctionnement</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Santé</translation>
    </message>
    <message>
        <source>Last stats</source>
        <translation>Dernières stats</translation>
    </message>
</context>
<context>
    <name>Inspector::ServersPage</name>
    <message>
        <source>Select a server. SmartSocket servers add their own statistics here (SMARTSOCKET_STATS).</source>
        <translation>Sélectionnez un serveur. Les serveurs SmartSocket ajoutent ici leurs propres statistiques (SMARTSOCKET_STATS).</translation>
    </message>
    <message>
        <source>%1 on %2 (pid %3): %4, %5 clients (%6 polling)
</source>
        <translation>%1 sur %2 (pid %3) : %4, %5 clients (%6 en polling)
</translation>
    </message>
    <message>
        <source>healthy</source>
        <translation>sain</translation>
    </message>
    <message>
        <source>unhealthy: no stats for over 10 s</source>
        <translation>défaillant : aucune statistique depuis plus de 10 s</translation>
    </message>
    <message>
        <source>SmartSocket statistics:</source>
        <translation>Statistiques SmartSocket :</translation>
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
        <translation>Espace de noms</translation>
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
        <translation>Salons</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Données</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connecté</translation>
    </message>
</context>
<context>
    <name>Inspector::SocketsPage</name>
    <message>
        <source>Disconnect</source>
        <translation>Déconnecter</translation>
    </message>
    <message>
        <source>Join room…</source>
        <translation>Rejoindre un salon…</translation>
    </message>
    <message>
        <source>Leave room…</source>
        <translation>Quitter un salon…</translation>
    </message>
    <message>
        <source>Show its events</source>
        <translation>Afficher ses événements</translation>
    </message>
    <message>
        <source>Filter by id, namespace, address, room or data…</source>
        <translation>Filtrer par ID, espace de noms, adresse, salon ou données…</translation>
    </message>
    <message>
        <source>Select a socket to see its handshake and data</source>
        <translation>Sélectionnez un socket pour voir sa poignée de main et ses données</translation>
    </message>
    <message>
        <source>Not allowed by this server (read-only, or %1 not announced)</source>
        <translation>Non autorisé par ce serveur (lecture seule, ou %1 non annoncé)</translation>
    </message>
    <message>
        <source>socket %1 in %2
</source>
        <translation>socket %1 dans %2
</translation>
    </message>
    <message>
        <source>client (Engine.IO) %1
</source>
        <translation>client (Engine.IO) %1
</translation>
    </message>
    <message>
        <source>rooms: %1

data:
%2

handshake:
%3</source>
        <translation>salons : %1

données :
%2

poignée de main :
%3</translation>
    </message>
    <message>
        <source>Disconnect socket</source>
        <translation>Déconnecter le socket</translation>
    </message>
    <message>
        <source>Disconnect socket %1 from %2?

&quot;Yes&quot; leaves the namespace; the client may reconnect. Choose &quot;Yes to All&quot; to close its whole connection.</source>
        <translation>Déconnecter le socket %1 de %2 ?

« Oui » quitte l’espace de noms ; le client peut se reconnecter. Choisissez « Oui à tout » pour fermer toute sa connexion.</translation>
    </message>
    <message>
        <source>Join room</source>
        <translation>Rejoindre un salon</translation>
    </message>
    <message>
        <source>Room for socket %1 to join:</source>
        <translation>Salon que le socket %1 doit rejoindre :</translation>
    </message>
    <message>
        <source>Leave room</source>
        <translation>Quitter un salon</translation>
    </message>
    <message>
        <source>Room for socket %1 to leave:</source>
        <translation>Salon que le socket %1 doit quitter :</translation>
    </message>
</context>
<context>
    <name>Inspector::ValueFormat</name>
    <message>
        <source>&lt;binary %1 bytes&gt;</source>
        <translation>&lt;binaire, %1 octets&gt;</translation>
    </message>
    <message>
        <source>%1 (line %2, column %3)</source>
        <translation>%1 (ligne %2, colonne %3)</translation>
    </message>
    <message>
        <source>

binary #%1 (%2 bytes):
</source>
        <translation>

binaire n° %1 (%2 octets) :
</translation>
    </message>
    <message>
        <source>... %1 more bytes
</source>
        <translation>... %1 octets de plus
</translation>
    </message>
    <message>
        <source>one JSON value expected (use an array for several arguments)</source>
        <translation>une seule valeur JSON attendue (utilisez un tableau pour plusieurs arguments)</translation>
    </message>
    <message>
        <source>a JSON object {...} expected</source>
        <translation>un objet JSON {...} attendu</translation>
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
    <message numerus="yes">
        <source>Connection lost; reconnecting in %n s…</source>
        <translation>
            <numerusform>Connexion perdue ; reconnexion dans %n s…</numerusform>
            <numerusform>Connexion perdue ; reconnexion dans %n s…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UserListModel</name>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (vous)</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Inspects Socket.IO v4 servers: --admin connects to the admin namespace of an instrumented server (@socket.io/admin-ui protocol), --client joins namespaces of any server as an ordinary client. Without --url, the connect dialog opens.</source>
        <translation>Inspecte les serveurs Socket.IO v4 : --admin se connecte à l’espace de noms admin d’un serveur instrumenté (protocole @socket.io/admin-ui), --client rejoint les espaces de noms de tout serveur comme simple client. Sans --url, la boîte de connexion s’ouvre.</translation>
    </message>
    <message>
        <source>Server URL (ws://, wss://, http://, https://).</source>
        <translation>URL du serveur (ws://, wss://, http://, https://).</translation>
    </message>
    <message>
        <source>Admin mode (the default with --user).</source>
        <translation>Mode admin (par défaut avec --user).</translation>
    </message>
    <message>
        <source>Client mode (the default).</source>
        <translation>Mode client (par défaut).</translation>
    </message>
    <message>
        <source>Admin mode: the admin namespace (default /admin). Client mode: a namespace to join (repeatable, or comma-separated; default /).</source>
        <translation>Mode admin : l’espace de noms admin (par défaut /admin). Mode client : un espace de noms à rejoindre (répétable, ou séparé par des virgules ; par défaut /).</translation>
    </message>
    <message>
        <source>Admin user; the password comes from SMARTSOCKET_ADMIN_PASSWORD or a prompt.</source>
        <translation>Utilisateur admin ; le mot de passe vient de SMARTSOCKET_ADMIN_PASSWORD ou est demandé.</translation>
    </message>
    <message>
        <source>Client mode: auth payload (a JSON object).</source>
        <translation>Mode client : données d’authentification (un objet JSON).</translation>
    </message>
    <message>
        <source>Query parameter key=value (repeatable).</source>
        <translation>Paramètre de requête clé=valeur (répétable).</translation>
    </message>
    <message>
        <source>HTTP header &quot;Name: value&quot; (repeatable).</source>
        <translation>En-tête HTTP « Nom: valeur » (répétable).</translation>
    </message>
    <message>
        <source>Also trust the CA certificates in this PEM file.</source>
        <translation>Faire aussi confiance aux certificats d’AC de ce fichier PEM.</translation>
    </message>
    <message>
        <source>Accept any server certificate (no verification).</source>
        <translation>Accepter tout certificat serveur (aucune vérification).</translation>
    </message>
    <message>
        <source>Page to show first: dashboard, servers, namespaces, sockets, rooms, events, emit, acks, ratelimits.</source>
        <translation>Page affichée d’abord : dashboard, servers, namespaces, sockets, rooms, events, emit, acks, ratelimits.</translation>
    </message>
    <message>
        <source>Once connected, send this event from the emit panel (client mode: with an ack, on the first namespace; admin mode: the server emits it to the namespace).</source>
        <translation>Une fois connecté, envoyer cet événement depuis le panneau d’émission (mode client : avec ack, sur le premier espace de noms ; mode admin : le serveur l’émet vers l’espace de noms).</translation>
    </message>
    <message>
        <source>JSON arguments of --emit (an array holds several).</source>
        <translation>Arguments JSON de --emit (un tableau en contient plusieurs).</translation>
    </message>
    <message>
        <source>Language: de, fr or en (default: the system&apos;s).</source>
        <translation>Langue : de, fr ou en (par défaut : celle du système).</translation>
    </message>
    <message>
        <source>SmartSocket Inspector</source>
        <translation>SmartSocket Inspector</translation>
    </message>
    <message>
        <source>--admin and --client exclude each other</source>
        <translation>--admin et --client s’excluent mutuellement</translation>
    </message>
    <message>
        <source>unknown page: %1</source>
        <translation>page inconnue : %1</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Password of %1 on %2:</source>
        <translation>Mot de passe de %1 sur %2 :</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Connexion</translation>
    </message>
</context>
</TS>
