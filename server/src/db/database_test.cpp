#include "db/database.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "core/error.hpp"
#include "core/log.hpp"
#include "db/failure.hpp"
#include "testing/test_database.hpp"

namespace liandong::db {
namespace {

using namespace std::chrono_literals;

// Waits (without a time limit of its own; ctest has one) until `count` threads wait in `queue`.
void AwaitWaiting(const WriterQueue& queue, std::size_t count) {
  while (queue.waiting() != count) std::this_thread::yield();
}

TEST(WriterQueueTest, WritersTakeTheirTurnInTheOrderTheyCame) {
  WriterQueue queue;
  queue.Enter(1s);
  std::mutex order_mutex;
  std::vector<int> order;
  std::vector<std::thread> writers;
  for (int writer = 0; writer < 4; ++writer) {
    writers.emplace_back([&, writer] {
      queue.Enter(10s);
      {
        std::lock_guard lock(order_mutex);
        order.push_back(writer);
      }
      queue.Leave();
    });
    AwaitWaiting(queue, static_cast<std::size_t>(writer) + 1);  // writer N queues before writer N + 1 starts
  }
  queue.Leave();
  for (auto& thread : writers) thread.join();
  EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3}));
  EXPECT_EQ(queue.waiting(), 0u);
}

TEST(WriterQueueTest, AWriterThatGivesUpSaysBusyAndDoesNotHoldUpTheNext) {
  WriterQueue queue;
  queue.Enter(1s);
  std::thread impatient([&] {
    try {
      queue.Enter(50ms);
      ADD_FAILURE() << "entered while the queue was held";
      queue.Leave();
    } catch (const core::AppError& error) {
      EXPECT_EQ(error.kind(), core::ErrorKind::kUnavailable);
      EXPECT_EQ(error.code(), "db.busy");
    }
  });
  AwaitWaiting(queue, 1);
  std::atomic<bool> entered = false;
  std::thread patient([&] {
    queue.Enter(10s);
    entered = true;
    queue.Leave();
  });
  impatient.join();  // gave up, while the queue is still held
  AwaitWaiting(queue, 1);
  EXPECT_FALSE(entered);
  queue.Leave();
  patient.join();
  EXPECT_TRUE(entered);
}

TEST(WriterQueueTest, ASecondWriteInsideTheFirstOnOneThreadFailsAtOnce) {
  WriterQueue queue;
  queue.Enter(1s);
  EXPECT_THROW(queue.Enter(10s), core::AppError);
  EXPECT_EQ(queue.waiting(), 0u);
  queue.Leave();
  queue.Enter(1s);  // still usable
  queue.Leave();
}

class TransactionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    core::log::Init("off");
    Session session(*database_);
    session.sql() << "CREATE TABLE writer_test (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)";
    session.sql() << "INSERT INTO writer_test (id, n) VALUES (1, 0)";
  }
  testing::TestDatabase test_database_;
  std::unique_ptr<Database> database_ = Database::Open(test_database_.url(), 4);
};

TEST_F(TransactionTest, ConcurrentWritersAllCommitAndNoneIsLost) {
  constexpr int kThreads = 4, kWrites = 50;
  std::vector<std::thread> threads;
  std::atomic<int> failures = 0;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < kWrites; ++i) {
        try {
          Session session(*database_);
          Transaction transaction(session, Transaction::Mode::kWrite);
          int n = 0;
          session.sql() << "SELECT n FROM writer_test WHERE id = 1", soci::into(n);
          session.sql() << "UPDATE writer_test SET n = :n WHERE id = 1", soci::use(n + 1);
          transaction.Commit();
        } catch (const std::exception&) {
          ++failures;
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures, 0);
  Session session(*database_);
  int n = 0;
  session.sql() << "SELECT n FROM writer_test WHERE id = 1", soci::into(n);
  // On SQLite the writers take turns; on PostgreSQL a read-then-write may lose updates without a row
  // lock, so only SQLite promises the exact count here.
  if (database_->dialect() == Dialect::kSqlite) {
    EXPECT_EQ(n, kThreads * kWrites);
    EXPECT_EQ(database_->writers()->waiting(), 0u);
  }
}

TEST_F(TransactionTest, ARolledBackOrFailedWriteGivesTheTurnBack) {
  {
    Session session(*database_);
    Transaction transaction(session, Transaction::Mode::kWrite);
    session.sql() << "UPDATE writer_test SET n = 5 WHERE id = 1";
  }  // rolled back
  {
    Session session(*database_);
    EXPECT_ANY_THROW({
      Transaction transaction(session, Transaction::Mode::kWrite);
      session.sql() << "INSERT INTO writer_test (id, n) VALUES (1, 1)";  // duplicate key
      transaction.Commit();
    });
  }
  Session session(*database_);
  Transaction transaction(session, Transaction::Mode::kWrite);  // would wait for ever if a turn were kept
  int n = -1;
  session.sql() << "SELECT n FROM writer_test WHERE id = 1", soci::into(n);
  EXPECT_EQ(n, 0);
  transaction.Commit();
}

// The server restarted or the primary failed over: each pooled connection fails once, as
// unavailable (the request answers 503), and is reopened when it is next leased.
TEST_F(TransactionTest, ABrokenPostgresConnectionFailsAsUnavailableAndIsReopenedAtItsNextLease) {
  if (database_->dialect() != Dialect::kPostgresql) GTEST_SKIP() << "PostgreSQL connections only";
  const auto lease_all_and_read = [this] {
    std::vector<std::unique_ptr<Session>> sessions;
    for (int i = 0; i < 4; ++i) sessions.push_back(std::make_unique<Session>(*database_));
    int failures = 0;
    for (auto& session : sessions) {
      try {
        Transaction transaction(*session, Transaction::Mode::kWrite);
        session->sql() << "UPDATE writer_test SET n = n + 1 WHERE id = 1";
        transaction.Commit();
      } catch (const std::exception& error) {
        EXPECT_TRUE(IsUnavailable(error)) << LoggableMessage(error);
        ++failures;
      }
    }
    return failures;
  };
  EXPECT_EQ(lease_all_and_read(), 0);
  {
    auto other = Database::Open(test_database_.url(), 1);
    Session session(*other);
    session.sql() << "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity "
                     "WHERE datname = current_database() AND pid <> pg_backend_pid()";
  }
  EXPECT_EQ(lease_all_and_read(), 4);  // each connection learns it was cut on its next statement
  EXPECT_EQ(lease_all_and_read(), 0);  // and is reopened when leased again
  Session session(*database_);
  int n = 0;
  session.sql() << "SELECT n FROM writer_test WHERE id = 1", soci::into(n);
  EXPECT_EQ(n, 8);  // the writes that failed were not committed
}

}  // namespace
}  // namespace liandong::db
