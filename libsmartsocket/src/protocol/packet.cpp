#include "packet.h"

#include <QRandomGenerator>

namespace SmartSocket::Protocol {

bool isReservedEventName(QStringView name)
{
    // socket.io's RESERVED_EVENTS; the length switch keeps the common case to one compare.
    switch (name.size()) {
    case 7:
        return name == u"connect";
    case 10:
        return name == u"disconnect";
    case 11:
        return name == u"newListener";
    case 13:
        return name == u"connect_error" || name == u"disconnecting";
    case 14:
        return name == u"removeListener";
    default:
        return false;
    }
}

QString generateId()
{
    // 15 random bytes are exactly 20 base64 characters, without padding (Node's base64id).
    quint32 words[4];
    QRandomGenerator::global()->fillRange(words);
    const QByteArray raw(reinterpret_cast<const char *>(words), 15);
    return QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding));
}

} // namespace SmartSocket::Protocol
