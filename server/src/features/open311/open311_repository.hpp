// SQL of Open311: partners and their keys, the catalogue as services, the requests partners post
// and read. Scope checks are the service's.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <soci/soci.h>
#include <string>
#include <vector>

#include "core/org_scope.hpp"
#include "features/open311/open311_model.hpp"

namespace liandong::open311 {

// A request as GeoReport reads it, before our states are put into its words.
struct RequestRow {
  std::int64_t id = 0;
  std::string state;
  std::string category_code;
  std::string category_name;
  std::string description;
  std::string owner_name;
  std::string owner_level;
  std::string sla_name;
  std::int64_t resolution_due = 0;
  std::int64_t received_at = 0;
  std::int64_t updated_at = 0;
  std::string address;
  std::int64_t territory_id = 0;
  std::optional<double> lat;
  std::optional<double> lon;
  std::optional<std::string> satisfaction;
};

class Open311Repository {
 public:
  std::vector<Partner> ListPartners(soci::session& sql, const core::OrgScope& scope) const;
  std::optional<Partner> FindPartner(soci::session& sql, std::int64_t id) const;
  std::optional<Partner> FindPartnerByKeyHash(soci::session& sql, const std::string& key_hash) const;
  bool PartnerNameTaken(soci::session& sql, const std::string& name) const;
  // The partner's system account: disabled, with a password hash no password matches.
  std::int64_t InsertSystemUser(soci::session& sql, std::int64_t org_id, const std::string& username,
                                const std::string& display_name, std::int64_t now) const;
  std::int64_t InsertPartner(soci::session& sql, const NewPartner& partner, std::int64_t user_id,
                             const std::string& key_hash, const std::string& key_hint, std::int64_t created_by,
                             std::int64_t now) const;
  void RevokePartner(soci::session& sql, std::int64_t id, std::int64_t revoked_by, const std::string& reason,
                     std::int64_t now) const;
  void TouchPartner(soci::session& sql, std::int64_t id, std::int64_t now) const;
  std::vector<std::string> RolePermissions(soci::session& sql, const std::string& role) const;

  // The categories that have attributes (GeoReport's "metadata").
  std::set<std::int64_t> CategoriesWithAttributes(soci::session& sql) const;
  std::vector<Attribute> ListAttributes(soci::session& sql, std::int64_t category_id) const;

  void InsertPosted(soci::session& sql, std::int64_t request_id, std::int64_t partner_id, const std::string& token,
                    std::int64_t now) const;
  void InsertAttribute(soci::session& sql, std::int64_t request_id, const std::string& code,
                       const std::string& value) const;
  // The request a token stands for, when the partner posted it.
  std::optional<std::int64_t> FindByToken(soci::session& sql, std::int64_t partner_id, const std::string& token) const;

  // Requests whose territory lies in `scope`, newest first, at most kMaxResults.
  std::vector<RequestRow> ListRequests(soci::session& sql, const core::OrgScope& scope, const RequestQuery& query) const;
};

}  // namespace liandong::open311
