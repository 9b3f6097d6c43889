// SQL of key enterprises and their shared log. Scope checks are the service's; these functions read
// and write what they are told. The agencies, their kinds and the streets they serve are the
// request feature's tables (agency, agency_kind, agency_street), read here and never written.
#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "features/key_enterprise/key_enterprise_model.hpp"

namespace liandong::key_enterprise {

class KeyEnterpriseRepository {
 public:
  std::int64_t Insert(soci::session& sql, const NewKeyEnterprise& input, const std::string& listed_on,
                      std::int64_t created_by, std::int64_t now) const;
  std::optional<KeyEnterprise> Find(soci::session& sql, std::int64_t id) const;
  std::optional<std::int64_t> FindByUnit(soci::session& sql, std::int64_t unit_id) const;
  KeyEnterprisePage List(soci::session& sql, const KeyEnterpriseQuery& query) const;

  std::int64_t InsertEntry(soci::session& sql, std::int64_t key_enterprise_id, const NewEntry& input,
                           const std::string& side, std::int64_t org_id, std::int64_t recorded_by,
                           std::int64_t now) const;
  std::optional<Entry> FindEntry(soci::session& sql, std::int64_t id) const;
  std::vector<Entry> ListEntries(soci::session& sql, std::int64_t key_enterprise_id) const;
  // Resolves an open issue; false when it was no longer open.
  bool Resolve(soci::session& sql, std::int64_t entry_id, const std::string& resolved_on, const std::string& resolution,
               std::int64_t org_id) const;

  // The agency (an org with an agency row) serves the street.
  bool ServesStreet(soci::session& sql, std::int64_t agency_org_id, std::int64_t street_org_id) const;
};

}  // namespace liandong::key_enterprise
