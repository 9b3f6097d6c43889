// Binding an org scope to a query: the query names the subtree as
// "path >= :scope AND path < :scope_end", and these bind both placeholders from the scope value.
#pragma once

#include <soci/soci.h>

#include "core/org_scope.hpp"

namespace liandong::db {

struct UseScope {
  const core::OrgScope& scope;
};

// sql << kQuery, db::UseScope{scope}, soci::into(…);
inline soci::details::once_temp_type& operator,(soci::details::once_temp_type& once, UseScope use) {
  return once, soci::use(use.scope.Path(), "scope"), soci::use(use.scope.End(), "scope_end");
}
inline soci::details::once_temp_type& operator,(soci::details::once_temp_type&& once, UseScope use) {
  return once, use;
}

// (sql.prepare << kQuery, db::UseScope{scope}, …): a prepared statement built up in steps.
inline soci::details::prepare_temp_type& operator,(soci::details::prepare_temp_type& prepared, UseScope use) {
  return prepared, soci::use(use.scope.Path(), "scope"), soci::use(use.scope.End(), "scope_end");
}

// For a prepared statement: statement.exchange(…) of both placeholders.
inline void BindScope(soci::statement& statement, const core::OrgScope& scope) {
  statement.exchange(soci::use(scope.Path(), "scope"));
  statement.exchange(soci::use(scope.End(), "scope_end"));
}

}  // namespace liandong::db
