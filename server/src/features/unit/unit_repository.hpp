// SQL for resident units, their name search (one variant per database) and their coverage counts.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "core/org_scope.hpp"
#include "db/bulk_insert.hpp"
#include "db/database.hpp"
#include "features/unit/unit_model.hpp"

namespace liandong::unit {

// Units loaded in bulk with ids the caller chose (demo --scale), in the caller's open
// transaction: the unit rows and, on SQLite, their search index. Nothing is checked.
class UnitBulkLoad {
 public:
  UnitBulkLoad(db::Session& session, std::int64_t now);
  // One unit, its fields already valid; the search grams are made from its name.
  void Add(std::int64_t id, const UnitFields& fields);
  // The unit rows' inserter, for ordering it after the orgs it refers to (BulkInserter::FlushFirst).
  db::BulkInserter& rows() { return units_; }
  // Sends what is buffered and moves PostgreSQL's id sequence past the loaded ids; call before
  // committing.
  void Finish();

 private:
  db::Session& session_;
  std::int64_t now_;
  db::BulkInserter units_;
  std::unique_ptr<db::BulkInserter> search_;  // SQLite only: the FTS5 table beside unit
};

class UnitRepository {
 public:
  explicit UnitRepository(db::Dialect dialect) : dialect_(dialect) {}

  std::optional<Unit> Find(soci::session& sql, std::int64_t id) const;
  // Archived units included: the credit code stays taken.
  std::optional<Unit> FindByCreditCode(soci::session& sql, const std::string& credit_code) const;
  // Live units located in the query's scope, matching its filters, by id.
  UnitPage List(soci::session& sql, const core::OrgScope& scope, const UnitQuery& query) const;
  // Inserts a unit (and its search grams) and returns its id.
  std::int64_t Insert(soci::session& sql, const UnitFields& fields, std::int64_t now) const;
  void Update(soci::session& sql, std::int64_t id, const UnitFields& fields, std::int64_t now) const;
  void Archive(soci::session& sql, std::int64_t id, std::int64_t now) const;
  // The live units at each org itself (not its subtree) by coverage: org id, coverage, count.
  std::vector<std::tuple<std::int64_t, std::string, std::int64_t>> CountCoverageByOrg(soci::session& sql) const;
  // PostgreSQL: refreshes the unit table's statistics after a bulk load (db::AnalyzeTables).
  void RefreshStatistics(db::Session& session) const;

 private:
  db::Dialect dialect_;
};

}  // namespace liandong::unit
