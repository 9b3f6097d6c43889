// Rules for grassroots guarantees and staffing: each community's households, population, space
// and funds per year, staffing norms as data per jurisdiction (the nearest one on the path from
// the latest year not after the year applies), the required headcount against the workers in
// post, and establishment quotas per street. workforce:read to see; workforce:staff for the
// guarantees' sizes, norms and quotas, workforce:fund for the funds (see workforce_owner).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "db/audit_writer.hpp"
#include "db/database.hpp"
#include "features/org/org_service.hpp"
#include "features/workforce/training_model.hpp"
#include "features/workforce/training_repository.hpp"
#include "features/workforce/workforce_repository.hpp"

namespace liandong::workforce {

class StaffingService {
 public:
  StaffingService(db::Database& database, const core::Clock& clock, const db::AuditWriter& audit,
                  const org::OrgService& orgs)
      : database_(database), clock_(clock), audit_(audit), orgs_(orgs) {}

  enum class Part { kSize, kFunds };
  // Saves a community's sizes and space (kSize) or its funds (kFunds) for a year.
  Guarantee SaveGuarantee(const core::Actor& actor, const Guarantee& guarantee, Part part) const;

  std::vector<StaffingNorm> ListNorms(const core::Actor& actor) const;
  StaffingNorm CreateNorm(const core::Actor& actor, const StaffingNorm& norm) const;
  StaffingNorm UpdateNorm(const core::Actor& actor, std::int64_t id, const StaffingNorm& norm) const;

  EstablishmentQuota SaveQuota(const core::Actor& actor, const EstablishmentQuota& quota) const;

  // Required against in post per community and street of the scope, with the streets' quotas.
  StaffingReport Report(const core::Actor& actor, std::optional<std::int64_t> org_id,
                        std::optional<int> year) const;

  // Without checks, inside the caller's transaction: the demo city and the generators.
  void SeedGuarantee(soci::session& sql, const Guarantee& guarantee) const;
  std::int64_t SeedNorm(soci::session& sql, const StaffingNorm& norm) const;
  void SeedQuota(soci::session& sql, const EstablishmentQuota& quota) const;

 private:
  int CurrentYear() const;
  void ValidateNorm(const StaffingNorm& norm) const;

  db::Database& database_;
  const core::Clock& clock_;
  const db::AuditWriter& audit_;
  const org::OrgService& orgs_;
  TrainingRepository repository_;
  WorkforceRepository workers_;
};

// The norm that applies at `path` in `year`: the nearest jurisdiction on the path with a version
// taking effect in or before the year, its latest such version; null when none.
const StaffingNorm* ResolveNorm(const std::vector<StaffingNorm>& norms, const std::string& path, int year);

}  // namespace liandong::workforce
