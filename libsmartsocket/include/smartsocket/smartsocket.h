#pragma once

#include <smartsocket/ack.h>
#include <smartsocket/broadcastoperator.h>
#include <smartsocket/client.h>
#include <smartsocket/error.h>
#include <smartsocket/handshake.h>
#include <smartsocket/middleware.h>
#include <smartsocket/namespace.h>
#include <smartsocket/options.h>
#include <smartsocket/ratelimit.h>
#include <smartsocket/remotesocket.h>
#include <smartsocket/server.h>
#include <smartsocket/socket.h>
