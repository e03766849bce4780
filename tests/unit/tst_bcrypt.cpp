// bcrypt checks through libxcrypt's crypt_r (features/bcrypt): the hash formats bcryptjs and
// other implementations produce, and every way a hash or password can be wrong.
#include "features/bcrypt.h"

#include <QtTest>

#include <thread>
#include <vector>

using namespace SmartSocket::Internal;

class tst_Bcrypt : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void verify_data()
    {
        QTest::addColumn<QByteArray>("password");
        QTest::addColumn<QByteArray>("hash");
        QTest::addColumn<bool>("matches");
        // bcryptjs.hashSync("s3cret!", 4) ($2a$); the same digest as $2b$ and $2y$ (the
        // variants differ only in how they treated non-ASCII bytes in old implementations).
        const QByteArray a = "$2a$04$rWrH5KZJdzV/oulnpUuG.Oget8.49OwR8nBOY6UuQ6d6/7pI75uA.";
        QTest::newRow("2a") << QByteArray("s3cret!") << a << true;
        QTest::newRow("2b") << QByteArray("s3cret!") << QByteArray(a).replace(2, 1, "b") << true;
        QTest::newRow("2y") << QByteArray("s3cret!") << QByteArray(a).replace(2, 1, "y") << true;
        // bcryptjs.hashSync("secret", 10), made $2b$
        QTest::newRow("2b cost 10")
            << QByteArray("secret")
            << QByteArray("$2b$10$b.P0RSyz7ao.NeTsGEt/zu3C7n/FO4aqxpJdxTXXcAxXnVfHzESny") << true;
        QTest::newRow("wrong password") << QByteArray("s3cret") << a << false;
        QTest::newRow("case") << QByteArray("S3cret!") << a << false;
        QTest::newRow("empty password") << QByteArray() << a << false;
        QTest::newRow("NUL in password") << QByteArray("s3cret!\0x", 9) << a << false;
        QTest::newRow("digest changed")
            << QByteArray("s3cret!") << QByteArray(a).replace(59, 1, "/") << false;
        QTest::newRow("unknown variant")
            << QByteArray("s3cret!") << QByteArray(a).replace(2, 1, "x") << false;
        QTest::newRow("truncated") << QByteArray("s3cret!") << a.left(59) << false;
        QTest::newRow("empty hash") << QByteArray("s3cret!") << QByteArray() << false;
        QTest::newRow("md5-crypt")
            << QByteArray("s3cret!") << QByteArray("$1$saltsalt$qjXMvbEw8oaL.CzflDugX/") << false;
    }
    void verify()
    {
        QFETCH(QByteArray, password);
        QFETCH(QByteArray, hash);
        QFETCH(bool, matches);
        QCOMPARE(Bcrypt::verify(password, hash), matches);
    }

    void cost_data()
    {
        QTest::addColumn<QByteArray>("hash");
        QTest::addColumn<int>("cost");
        const QByteArray a = "$2a$04$rWrH5KZJdzV/oulnpUuG.Oget8.49OwR8nBOY6UuQ6d6/7pI75uA.";
        QTest::newRow("4") << a << 4;
        QTest::newRow("12") << QByteArray(a).replace(4, 2, "12") << 12;
        QTest::newRow("31") << QByteArray(a).replace(4, 2, "31") << 31;
        QTest::newRow("3: too cheap") << QByteArray(a).replace(4, 2, "03") << -1;
        QTest::newRow("32: too dear") << QByteArray(a).replace(4, 2, "32") << -1;
        QTest::newRow("not digits") << QByteArray(a).replace(4, 2, "1a") << -1;
        QTest::newRow("bad character") << QByteArray(a).replace(20, 1, "!") << -1;
        QTest::newRow("too long") << a + "x" << -1;
    }
    void cost()
    {
        QFETCH(QByteArray, hash);
        QFETCH(int, cost);
        QCOMPARE(Bcrypt::cost(hash), cost);
        QCOMPARE(Bcrypt::isValidHash(hash), cost >= 0);
    }

    void concurrentVerifications()
    {
        // crypt_r with a per-call buffer: safe from several threads at once.
        const QByteArray hash = "$2a$04$rWrH5KZJdzV/oulnpUuG.Oget8.49OwR8nBOY6UuQ6d6/7pI75uA.";
        QAtomicInt good;
        QAtomicInt bad;
        // std::thread, not QThreadPool: ThreadSanitizer sees thread start and join, not the
        // hand-off inside QtCore's pool, and this test runs in the tsan preset.
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&, t] {
                for (int i = t; i < 32; i += 4) {
                    const bool ok = Bcrypt::verify(i % 2 ? "s3cret!" : "nope", hash);
                    (ok == bool(i % 2) ? good : bad).fetchAndAddRelaxed(1);
                }
            });
        }
        for (std::thread &thread : threads)
            thread.join();
        QCOMPARE(good.loadRelaxed(), 32);
        QCOMPARE(bad.loadRelaxed(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_Bcrypt)
#include "tst_bcrypt.moc"
