// The whole application: database, services, route table. Reading Application::Application tells
// you every feature there is; reading the Register…Routes calls tells you the whole API.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "core/clock.hpp"
#include "core/field_cipher.hpp"
#include "db/audit_writer.hpp"
#include "db/database.hpp"
#include "features/accountability/accountability_service.hpp"
#include "features/open311/open311_service.hpp"
#include "features/request/request_service.hpp"
#include "features/attachment/attachment_store.hpp"
#include "features/audit/audit_log_service.hpp"
#include "features/auth/auth_service.hpp"
#include "features/bulletin/bulletin_service.hpp"
#include "features/check_in/check_in_service.hpp"
#include "features/cobuild/agreement_service.hpp"
#include "features/cobuild_overview/overview_service.hpp"
#include "features/cobuild_list/list_service.hpp"
#include "features/cobuild_list/venue_service.hpp"
#include "features/duty/duty_service.hpp"
#include "features/health/health_routes.hpp"
#include "features/joint_committee/joint_committee_service.hpp"
#include "features/joint_meeting/joint_meeting_service.hpp"
#include "features/key_enterprise/key_enterprise_service.hpp"
#include "features/member/member_service.hpp"
#include "features/notification/notification_service.hpp"
#include "features/org/org_service.hpp"
#include "features/role/role_service.hpp"
#include "features/setting/setting_service.hpp"
#include "features/street/street_service.hpp"
#include "features/supervision/supervision_service.hpp"
#include "features/workforce/staffing_service.hpp"
#include "features/workforce/training_service.hpp"
#include "features/workforce/workforce_service.hpp"
#include "features/task/task_service.hpp"
#include "features/unit/unit_service.hpp"
#include "features/user/user_service.hpp"
#include "features/whistle/power_act_service.hpp"
#include "features/whistle/whistle_service.hpp"
#include "http/pipeline.hpp"
#include "http/router.hpp"

namespace liandong::app {

struct ApplicationConfig {
  std::string database_url = "sqlite:var/liandong.db";
  std::size_t database_pool_size = 4;
  std::string web_root;  // the built web app; empty: none
  std::filesystem::path key_file = "var/liandong.key";
  std::filesystem::path files_dir = "var/files";  // evidence files, outside the web root
  std::string master_key;  // 32 bytes; empty: from LIANDONG_MASTER_KEY or key_file (core/keys.hpp)
  bool access_log = true;
  auth::SessionPolicy session_policy;
};

class Application {
 public:
  // Opens the database and migrates it to the latest schema.
  Application(const ApplicationConfig& config, const core::Clock& clock);

  db::Database& database() { return *database_; }
  const http::Router& router() const { return router_; }
  const http::Pipeline& pipeline() const { return *pipeline_; }
  const auth::AuthService& auth_service() const { return *auth_service_; }
  const org::OrgService& org_service() const { return *org_service_; }
  const db::AuditWriter& audit_writer() const { return *audit_writer_; }
  const member::MemberService& member_service() const { return *member_service_; }
  const unit::UnitService& unit_service() const { return *unit_service_; }
  const joint_committee::JointCommitteeService& joint_committee_service() const { return *joint_committee_service_; }
  const joint_meeting::JointMeetingService& joint_meeting_service() const { return *joint_meeting_service_; }
  const street::StreetService& street_service() const { return *street_service_; }
  const core::FieldCipher& field_cipher() const { return *field_cipher_; }
  const setting::SettingService& setting_service() const { return *setting_service_; }
  const user::UserService& user_service() const { return *user_service_; }
  const role::RoleService& role_service() const { return *role_service_; }
  const notification::NotificationService& notification_service() const { return *notification_service_; }
  const attachment::AttachmentStore& attachment_store() const { return *attachment_store_; }
  const task::TaskService& task_service() const { return *task_service_; }
  const bulletin::BulletinService& bulletin_service() const { return *bulletin_service_; }
  const duty::DutyService& duty_service() const { return *duty_service_; }
  const supervision::SupervisionService& supervision_service() const { return *supervision_service_; }
  const workforce::WorkforceService& workforce_service() const { return *workforce_service_; }
  const workforce::TrainingService& training_service() const { return *training_service_; }
  const workforce::StaffingService& staffing_service() const { return *staffing_service_; }
  const accountability::AccountabilityService& accountability_service() const { return *accountability_service_; }
  const request::RequestService& request_service() const { return *request_service_; }
  const open311::Open311Service& open311_service() const { return *open311_service_; }
  const cobuild::AgreementService& agreement_service() const { return *agreement_service_; }
  const check_in::CheckInService& check_in_service() const { return *check_in_service_; }
  const cobuild_list::ListService& list_service() const { return *list_service_; }
  const cobuild_list::VenueService& venue_service() const { return *venue_service_; }
  const whistle::WhistleService& whistle_service() const { return *whistle_service_; }
  const whistle::PowerActService& power_act_service() const { return *power_act_service_; }
  const key_enterprise::KeyEnterpriseService& key_enterprise_service() const { return *key_enterprise_service_; }

 private:
  std::unique_ptr<db::Database> database_;
  health::HealthInfo health_info_;
  std::unique_ptr<core::FieldCipher> field_cipher_;
  std::unique_ptr<db::AuditWriter> audit_writer_;
  std::unique_ptr<audit::AuditLogService> audit_log_service_;
  std::unique_ptr<setting::SettingService> setting_service_;
  std::unique_ptr<org::OrgService> org_service_;
  std::unique_ptr<auth::AuthService> auth_service_;
  std::unique_ptr<user::UserService> user_service_;
  std::unique_ptr<role::RoleService> role_service_;
  std::unique_ptr<member::MemberService> member_service_;
  std::unique_ptr<unit::UnitService> unit_service_;
  std::unique_ptr<joint_committee::JointCommitteeService> joint_committee_service_;
  std::unique_ptr<joint_meeting::JointMeetingService> joint_meeting_service_;
  std::unique_ptr<street::StreetService> street_service_;
  std::unique_ptr<notification::NotificationService> notification_service_;
  std::unique_ptr<attachment::AttachmentStore> attachment_store_;
  std::unique_ptr<task::TaskService> task_service_;
  std::unique_ptr<bulletin::BulletinService> bulletin_service_;
  std::unique_ptr<duty::DutyService> duty_service_;
  std::unique_ptr<supervision::SupervisionService> supervision_service_;
  std::unique_ptr<workforce::WorkforceService> workforce_service_;
  std::unique_ptr<workforce::TrainingService> training_service_;
  std::unique_ptr<workforce::StaffingService> staffing_service_;
  std::unique_ptr<accountability::AccountabilityService> accountability_service_;
  std::unique_ptr<request::RequestService> request_service_;
  std::unique_ptr<open311::Open311Service> open311_service_;
  std::unique_ptr<cobuild::AgreementService> agreement_service_;
  std::unique_ptr<cobuild_overview::OverviewService> overview_service_;
  std::unique_ptr<check_in::CheckInService> check_in_service_;
  std::unique_ptr<cobuild_list::ListService> list_service_;
  std::unique_ptr<cobuild_list::VenueService> venue_service_;
  std::unique_ptr<whistle::WhistleService> whistle_service_;
  std::unique_ptr<whistle::PowerActService> power_act_service_;
  std::unique_ptr<key_enterprise::KeyEnterpriseService> key_enterprise_service_;
  http::Router router_;
  std::unique_ptr<http::Pipeline> pipeline_;
};

}  // namespace liandong::app
