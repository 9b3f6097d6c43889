#include "app/application.hpp"

#include "core/keys.hpp"
#include "core/version.hpp"
#include "db/migrator.hpp"
#include "features/auth/auth_routes.hpp"
#include "features/joint_committee/joint_committee_routes.hpp"
#include "features/member/member_routes.hpp"
#include "features/org/org_routes.hpp"
#include "features/street/street_routes.hpp"
#include "features/unit/unit_routes.hpp"

namespace liandong::app {

Application::Application(const ApplicationConfig& config, const core::Clock& clock)
    : database_(db::Database::Open(config.database_url, config.database_pool_size)) {
  health_info_ = health::HealthInfo{std::string(database_->dialect_name()), db::Migrate(*database_), core::kVersion};
  const std::string master_key = config.master_key.empty() ? core::LoadMasterKey(config.key_file) : config.master_key;
  field_cipher_ = std::make_unique<core::FieldCipher>(master_key);
  audit_service_ = std::make_unique<audit::AuditService>(clock, core::HmacSm3(master_key, "liandong/audit"));
  org_service_ = std::make_unique<org::OrgService>(*database_, clock, *audit_service_);
  auth_service_ = std::make_unique<auth::AuthService>(*database_, clock, *audit_service_, config.session_policy);
  member_service_ =
      std::make_unique<member::MemberService>(*database_, clock, *field_cipher_, *audit_service_, *org_service_);
  unit_service_ = std::make_unique<unit::UnitService>(*database_, clock, *audit_service_, *org_service_);
  joint_committee_service_ = std::make_unique<joint_committee::JointCommitteeService>(
      *database_, clock, *audit_service_, *org_service_, *unit_service_);
  street_service_ = std::make_unique<street::StreetService>(*database_, clock, *audit_service_, *org_service_);

  health::RegisterHealthRoutes(router_, health_info_);
  auth::RegisterAuthRoutes(router_, *auth_service_, *org_service_);
  org::RegisterOrgRoutes(router_, *org_service_);
  member::RegisterMemberRoutes(router_, *member_service_);
  unit::RegisterUnitRoutes(router_, *unit_service_);
  joint_committee::RegisterJointCommitteeRoutes(router_, *joint_committee_service_);
  street::RegisterStreetRoutes(router_, *street_service_);

  const auth::AuthService& auth_service = *auth_service_;
  pipeline_ = std::make_unique<http::Pipeline>(
      router_, http::StaticFiles(config.web_root),
      [&auth_service](std::string_view token) { return auth_service.Authenticate(token); }, config.access_log);
}

}  // namespace liandong::app
