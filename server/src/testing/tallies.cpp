#include "testing/tallies.hpp"

#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <vector>

#include "db/database.hpp"
#include "features/cobuild_overview/tally.hpp"

namespace liandong::testing {
namespace {

using TallyRow = std::tuple<long long, std::string, int, long long>;

std::vector<TallyRow> Tallies(soci::session& sql) {
  std::vector<TallyRow> rows;
  long long org = 0, total = 0;
  std::string measure;
  int year = 0;
  soci::statement statement = (sql.prepare << "SELECT org_id, measure, year, total FROM cobuild_tally "
                                              "WHERE total <> 0 ORDER BY org_id, measure, year",
                               soci::into(org), soci::into(measure), soci::into(year), soci::into(total));
  statement.execute();
  while (statement.fetch()) rows.emplace_back(org, measure, year, total);
  return rows;
}

}  // namespace

void ExpectTalliesEqualARecount(TestServer& server) {
  db::Session session(server.application().database());
  const std::vector<TallyRow> kept = Tallies(session.sql());
  cobuild_overview::Retally(session.sql());
  const std::vector<TallyRow> counted = Tallies(session.sql());
  EXPECT_EQ(kept.size(), counted.size());
  for (std::size_t i = 0; i < kept.size() && i < counted.size(); ++i) {
    const auto& [org, measure, year, total] = kept[i];
    EXPECT_EQ(kept[i], counted[i]) << "org " << org << " " << measure << " " << year << ": kept " << total
                                   << ", counted " << std::get<3>(counted[i]);
  }
}

}  // namespace liandong::testing
