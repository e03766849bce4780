#pragma once

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

namespace SmartSocket::Internal {

/// The in-memory adapter's bookkeeping for one namespace: members by id, rooms -> members and
/// members -> rooms. Every member is implicitly in the room named after its id (not stored).
/// A template over the member type so it can be tested without sockets.
template<typename T> class RoomRegistry
{
public:
    void add(T *member, const QString &id) { m_byId.insert(id, member); }

    /// Removes the member from every room and from the registry.
    void remove(T *member, const QString &id)
    {
        leaveAll(member);
        m_byId.remove(id);
    }

    T *member(const QString &id) const { return m_byId.value(id); }
    int size() const { return int(m_byId.size()); }
    const QHash<QString, T *> &members() const { return m_byId; }

    /// Returns false when the member was in the room already.
    bool join(T *member, const QString &room)
    {
        QSet<T *> &set = m_rooms[room];
        if (set.contains(member))
            return false;
        set.insert(member);
        m_roomsOf[member].insert(room);
        return true;
    }

    bool leave(T *member, const QString &room)
    {
        auto it = m_rooms.find(room);
        if (it == m_rooms.end() || !it->remove(member))
            return false;
        if (it->isEmpty())
            m_rooms.erase(it);
        auto of = m_roomsOf.find(member);
        if (of != m_roomsOf.end()) {
            of->remove(room);
            if (of->isEmpty())
                m_roomsOf.erase(of);
        }
        return true;
    }

    void leaveAll(T *member)
    {
        auto of = m_roomsOf.find(member);
        if (of == m_roomsOf.end())
            return;
        for (const QString &room : std::as_const(*of)) {
            auto it = m_rooms.find(room);
            if (it != m_rooms.end()) {
                it->remove(member);
                if (it->isEmpty())
                    m_rooms.erase(it);
            }
        }
        m_roomsOf.erase(of);
    }

    /// Explicitly joined rooms of a member (its own id room excluded).
    QSet<QString> roomsOf(T *member) const { return m_roomsOf.value(member); }
    bool isIn(T *member, const QString &id, const QString &room) const
    {
        return room == id || m_rooms.value(room).contains(member);
    }
    /// Rooms with at least one member (own-id rooms excluded).
    QStringList rooms() const { return m_rooms.keys(); }

    /// Calls f(member) once for every member selected by the union of `rooms` (all members
    /// when empty) minus the members of `except`. A room name equal to a member id selects
    /// that member.
    template<typename F>
    void forEachSelected(const QSet<QString> &rooms, const QSet<QString> &except, F &&f) const
    {
        QSet<T *> excluded;
        for (const QString &room : except) {
            if (T *m = m_byId.value(room))
                excluded.insert(m);
            auto it = m_rooms.constFind(room);
            if (it != m_rooms.constEnd())
                excluded.unite(*it);
        }
        if (rooms.isEmpty()) {
            for (auto it = m_byId.cbegin(); it != m_byId.cend(); ++it) {
                if (excluded.isEmpty() || !excluded.contains(it.value()))
                    f(it.value());
            }
            return;
        }
        QSet<T *> seen;
        const bool dedupe = rooms.size() > 1;
        auto visit = [&](T *m) {
            if (excluded.contains(m))
                return;
            if (dedupe) {
                if (seen.contains(m))
                    return;
                seen.insert(m);
            }
            f(m);
        };
        for (const QString &room : rooms) {
            auto it = m_rooms.constFind(room);
            if (it != m_rooms.constEnd()) {
                for (T *m : *it)
                    visit(m);
            }
            if (T *m = m_byId.value(room))
                visit(m);
        }
    }

private:
    QHash<QString, T *> m_byId;
    QHash<QString, QSet<T *>> m_rooms;
    QHash<T *, QSet<QString>> m_roomsOf;
};

} // namespace SmartSocket::Internal
