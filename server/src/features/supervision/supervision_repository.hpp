// SQL for supervisions and their events.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/org_scope.hpp"
#include "features/supervision/supervision_model.hpp"

namespace liandong::supervision {

// Which supervisions a list query reads, resolved by the service.
struct ListQuery {
  core::OrgScope scope;  // the org whose supervisions are read, and its subtree
  View view = View::kAll;
  std::int64_t org_id = 0;
  std::optional<std::string> state;
  std::int64_t as_of = 0;
  std::string as_of_date;  // the China date of as_of
  std::int64_t offset = 0;
  std::int64_t limit = 50;
};

class SupervisionRepository {
 public:
  // A supervision with its orgs and links (overdue left false).
  std::optional<Supervision> Find(soci::session& sql, std::int64_t id) const;
  // The page of `query`, newest first, and the total.
  SupervisionPage List(soci::session& sql, const ListQuery& query) const;
  std::int64_t Insert(soci::session& sql, std::int64_t org_id, const NewSupervision& input, std::int64_t created_by,
                      std::int64_t now) const;
  void SetState(soci::session& sql, std::int64_t id, const std::string& state,
                std::optional<std::int64_t> closed_at) const;
  std::int64_t InsertEvent(soci::session& sql, std::int64_t supervision_id, const std::string& kind,
                           std::int64_t org_id, std::int64_t user_id, const std::string& text, std::int64_t at) const;
  // The events of a supervision in order, without their attachments.
  std::vector<Event> ListEvents(soci::session& sql, std::int64_t supervision_id) const;
  std::optional<Event> FindEvent(soci::session& sql, std::int64_t event_id) const;
};

}  // namespace liandong::supervision
