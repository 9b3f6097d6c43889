#include "app/application.hpp"

#include "core/keys.hpp"
#include "core/version.hpp"
#include "db/migrator.hpp"
#include "features/accountability/accountability_routes.hpp"
#include "features/attachment/attachment_routes.hpp"
#include "features/audit/audit_routes.hpp"
#include "features/auth/auth_routes.hpp"
#include "features/bulletin/bulletin_routes.hpp"
#include "features/check_in/check_in_routes.hpp"
#include "features/cobuild/agreement_routes.hpp"
#include "features/cobuild_list/list_routes.hpp"
#include "features/cobuild_list/venue_routes.hpp"
#include "features/cobuild_overview/overview_routes.hpp"
#include "features/duty/duty_routes.hpp"
#include "features/joint_committee/joint_committee_routes.hpp"
#include "features/joint_meeting/joint_meeting_routes.hpp"
#include "features/key_enterprise/key_enterprise_routes.hpp"
#include "features/member/member_routes.hpp"
#include "features/notification/notification_routes.hpp"
#include "features/open311/open311_routes.hpp"
#include "features/org/org_routes.hpp"
#include "features/request/request_routes.hpp"
#include "features/role/role_routes.hpp"
#include "features/setting/setting_routes.hpp"
#include "features/street/street_routes.hpp"
#include "features/supervision/supervision_routes.hpp"
#include "features/task/task_routes.hpp"
#include "features/unit/unit_routes.hpp"
#include "features/user/user_routes.hpp"
#include "features/whistle/whistle_routes.hpp"
#include "features/workforce/training_routes.hpp"
#include "features/workforce/workforce_routes.hpp"

namespace liandong::app {

Application::Application(const ApplicationConfig& config, const core::Clock& clock)
    : database_(db::Database::Open(config.database_url, config.database_pool_size)) {
  health_info_ = health::HealthInfo{std::string(database_->dialect_name()), db::Migrate(*database_), core::kVersion};
  const core::Keys keys =
      config.master_key.empty() ? core::LoadKeys(config.key_file) : core::KeysFromMaster(config.master_key);
  field_cipher_ = std::make_unique<core::FieldCipher>(keys.master);
  audit_writer_ = std::make_unique<db::AuditWriter>(clock, keys.audit);
  audit_log_service_ = std::make_unique<audit::AuditLogService>(*database_, *audit_writer_);
  setting_service_ = std::make_unique<setting::SettingService>(*database_, clock, *audit_writer_);
  org_service_ = std::make_unique<org::OrgService>(*database_, clock, *audit_writer_);
  auth_service_ = std::make_unique<auth::AuthService>(*database_, clock, *audit_writer_, *field_cipher_,
                                                      *setting_service_, config.session_policy);
  user_service_ = std::make_unique<user::UserService>(*database_, clock, *audit_writer_, *org_service_, *auth_service_);
  role_service_ = std::make_unique<role::RoleService>(*database_, clock, *audit_writer_);
  unit_service_ = std::make_unique<unit::UnitService>(*database_, clock, *audit_writer_, *org_service_);
  member_service_ = std::make_unique<member::MemberService>(*database_, clock, *field_cipher_, *audit_writer_,
                                                            *org_service_, *unit_service_);
  joint_committee_service_ = std::make_unique<joint_committee::JointCommitteeService>(*database_, clock, *audit_writer_,
                                                                                      *org_service_, *unit_service_);
  street_service_ = std::make_unique<street::StreetService>(*database_, clock, *audit_writer_, *org_service_);
  notification_service_ = std::make_unique<notification::NotificationService>(*database_, clock);
  attachment_store_ = std::make_unique<attachment::AttachmentStore>(*database_, clock, *org_service_, config.files_dir);
  task_service_ = std::make_unique<task::TaskService>(*database_, clock, *audit_writer_, *notification_service_,
                                                      *attachment_store_, *setting_service_);
  joint_meeting_service_ = std::make_unique<joint_meeting::JointMeetingService>(*database_, clock, *audit_writer_,
                                                                                *org_service_, *unit_service_,
                                                                                *task_service_);
  bulletin_service_ = std::make_unique<bulletin::BulletinService>(*database_, clock, *audit_writer_, *org_service_,
                                                                  *notification_service_);
  duty_service_ = std::make_unique<duty::DutyService>(*database_, clock, *audit_writer_, *org_service_);
  workforce_service_ =
      std::make_unique<workforce::WorkforceService>(*database_, clock, *field_cipher_, *audit_writer_, *org_service_);
  training_service_ =
      std::make_unique<workforce::TrainingService>(*database_, clock, *field_cipher_, *audit_writer_, *org_service_);
  staffing_service_ = std::make_unique<workforce::StaffingService>(*database_, clock, *audit_writer_, *org_service_);
  supervision_service_ = std::make_unique<supervision::SupervisionService>(
      *database_, clock, *audit_writer_, *org_service_, *duty_service_, *notification_service_, *attachment_store_,
      *task_service_);
  accountability_service_ = std::make_unique<accountability::AccountabilityService>(
      *database_, clock, *audit_writer_, *org_service_, *duty_service_, *supervision_service_);
  request_service_ = std::make_unique<request::RequestService>(
      *database_, clock, *field_cipher_, *audit_writer_, *org_service_, *notification_service_, *attachment_store_);
  agreement_service_ = std::make_unique<cobuild::AgreementService>(*database_, clock, *audit_writer_, *org_service_,
                                                                   *unit_service_, *notification_service_);
  overview_service_ = std::make_unique<cobuild_overview::OverviewService>(*database_, clock, *org_service_);
  open311_service_ =
      std::make_unique<open311::Open311Service>(*database_, clock, *audit_writer_, *org_service_, *request_service_);
  check_in_service_ = std::make_unique<check_in::CheckInService>(
      *database_, clock, *audit_writer_, *org_service_, *unit_service_, *member_service_, *notification_service_);
  list_service_ = std::make_unique<cobuild_list::ListService>(*database_, clock, *audit_writer_, *org_service_,
                                                              *unit_service_, *notification_service_);
  venue_service_ = std::make_unique<cobuild_list::VenueService>(*database_, clock, *audit_writer_, *org_service_,
                                                                *unit_service_, *list_service_);
  whistle_service_ = std::make_unique<whistle::WhistleService>(*database_, clock, *audit_writer_, *org_service_,
                                                               *notification_service_);
  power_act_service_ = std::make_unique<whistle::PowerActService>(*database_, clock, *audit_writer_, *org_service_,
                                                                  *notification_service_);
  key_enterprise_service_ = std::make_unique<key_enterprise::KeyEnterpriseService>(
      *database_, clock, *audit_writer_, *org_service_, *unit_service_, *notification_service_);

  health::RegisterHealthRoutes(router_, health_info_);
  auth::RegisterAuthRoutes(router_, *auth_service_, *org_service_);
  user::RegisterUserRoutes(router_, *user_service_);
  role::RegisterRoleRoutes(router_, *role_service_);
  setting::RegisterSettingRoutes(router_, *setting_service_);
  audit::RegisterAuditRoutes(router_, *audit_log_service_);
  org::RegisterOrgRoutes(router_, *org_service_);
  member::RegisterMemberRoutes(router_, *member_service_);
  unit::RegisterUnitRoutes(router_, *unit_service_);
  joint_committee::RegisterJointCommitteeRoutes(router_, *joint_committee_service_);
  joint_meeting::RegisterJointMeetingRoutes(router_, *joint_meeting_service_);
  street::RegisterStreetRoutes(router_, *street_service_);
  notification::RegisterNotificationRoutes(router_, *notification_service_);
  attachment::RegisterAttachmentRoutes(router_, *attachment_store_);
  task::RegisterTaskRoutes(router_, *task_service_, clock);
  bulletin::RegisterBulletinRoutes(router_, *bulletin_service_);
  duty::RegisterDutyRoutes(router_, *duty_service_);
  supervision::RegisterSupervisionRoutes(router_, *supervision_service_);
  accountability::RegisterAccountabilityRoutes(router_, *accountability_service_);
  request::RegisterRequestRoutes(router_, *request_service_, clock);
  open311::RegisterOpen311Routes(router_, *open311_service_);
  cobuild::RegisterAgreementRoutes(router_, *agreement_service_);
  cobuild_overview::RegisterOverviewRoutes(router_, *overview_service_);
  cobuild_list::RegisterListRoutes(router_, *list_service_);
  cobuild_list::RegisterVenueRoutes(router_, *venue_service_);
  workforce::RegisterWorkforceRoutes(router_, *workforce_service_);
  check_in::RegisterCheckInRoutes(router_, *check_in_service_, clock);
  workforce::RegisterTrainingRoutes(router_, *training_service_, *staffing_service_, clock);
  whistle::RegisterWhistleRoutes(router_, *whistle_service_, *power_act_service_, clock);
  key_enterprise::RegisterKeyEnterpriseRoutes(router_, *key_enterprise_service_);

  const auth::AuthService& auth_service = *auth_service_;
  db::Database& database = *database_;
  const db::AuditWriter& audit_writer = *audit_writer_;
  // Every denial of a signed-in request is audited, whichever layer refused it.
  const auto record_denial = [&database, &audit_writer](const http::Request& request, std::string_view code) {
    db::Session session(database);
    db::Transaction transaction(session, db::Transaction::Mode::kWrite);
    audit_writer.Record(session.sql(), request.Actor(),
                        {"access.denied", "request", std::nullopt, "denied",
                         std::string(boost::beast::http::to_string(request.method())) + " " + request.path() + " " +
                             std::string(code)});
    transaction.Commit();
  };
  pipeline_ = std::make_unique<http::Pipeline>(
      router_, http::StaticFiles(config.web_root),
      [&auth_service](std::string_view token) { return auth_service.Authenticate(token); }, config.access_log,
      record_denial);
}

}  // namespace liandong::app
