// Rules for supervision: supervision:write to issue, verify, return and follow up (the issuing org
// only); task:report to upload evidence and answer (the target org only); task:read to read, for
// supervisions whose target lies in the actor's subtree. Every change is audited, and the org
// that must act next is notified, in the change's transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "db/audit_writer.hpp"
#include "db/database.hpp"
#include "features/attachment/attachment_store.hpp"
#include "features/duty/duty_service.hpp"
#include "features/notification/notification_service.hpp"
#include "features/org/org_service.hpp"
#include "features/supervision/supervision_model.hpp"
#include "features/supervision/supervision_repository.hpp"
#include "features/task/task_service.hpp"

namespace liandong::supervision {

class SupervisionService {
 public:
  SupervisionService(db::Database& database, const core::Clock& clock, const db::AuditWriter& audit_service,
                     const org::OrgService& org_service, const duty::DutyService& duty_service,
                     const notification::NotificationService& notification_service,
                     const attachment::AttachmentStore& attachment_store, const task::TaskService& task_service)
      : database_(database),
        clock_(clock),
        audit_service_(audit_service),
        org_service_(org_service),
        duty_service_(duty_service),
        notification_service_(notification_service),
        attachment_store_(attachment_store),
        task_service_(task_service) {}

  // Issues a supervision to an org strictly below the actor's; notifies the target.
  Supervision Create(const core::Actor& actor, const NewSupervision& input) const;
  SupervisionPage List(const core::Actor& actor, const SupervisionFilter& filter) const;
  SupervisionDetail Get(const core::Actor& actor, std::int64_t id) const;
  // Checks that the actor's org may add evidence to the supervision now, before the upload is read.
  void CheckCanAttach(const core::Actor& actor, std::int64_t id) const;
  // Stores an evidence file of the target org, to be linked by its next rectification.
  attachment::Attachment Attach(const core::Actor& actor, std::int64_t id, std::string_view file_name,
                                std::string_view content) const;
  // The target answers: state answered; notifies the issuer.
  Supervision Rectify(const core::Actor& actor, std::int64_t id, const Rectification& rectification) const;
  // The issuer accepts the answer: state closed.
  Supervision Verify(const core::Actor& actor, std::int64_t id, const std::string& text) const;
  // The issuer sends the answer back: state open again; notifies the target.
  Supervision Return(const core::Actor& actor, std::int64_t id, const std::string& reason) const;
  // The issuer records a follow-up on results, in any state.
  Event FollowUp(const core::Actor& actor, std::int64_t id, const std::string& text) const;

  // For other features, in the caller's session and without checks.
  std::optional<Supervision> FindSupervision(soci::session& sql, std::int64_t id) const {
    return repository_.Find(sql, id);
  }
  std::optional<task::Assignment> FindAssignment(soci::session& sql, std::int64_t id) const {
    return task_service_.FindAssignment(sql, id);
  }

 private:
  // The supervision if its target is in the actor's subtree; supervision.not_found otherwise.
  Supervision FindInScope(soci::session& sql, const core::Actor& actor, std::int64_t id) const;
  // The supervision for an action of its issuer (supervision.not_issuer) or its target
  // (supervision.not_target), in one of `states` (supervision.wrong_state).
  Supervision FindForIssuer(soci::session& sql, const core::Actor& actor, std::int64_t id,
                            std::initializer_list<std::string_view> states) const;
  Supervision FindForTarget(soci::session& sql, const core::Actor& actor, std::int64_t id) const;
  Supervision Reload(soci::session& sql, std::int64_t id) const;

  db::Database& database_;
  const core::Clock& clock_;
  const db::AuditWriter& audit_service_;
  const org::OrgService& org_service_;
  const duty::DutyService& duty_service_;
  const notification::NotificationService& notification_service_;
  const attachment::AttachmentStore& attachment_store_;
  const task::TaskService& task_service_;
  SupervisionRepository repository_;
};

}  // namespace liandong::supervision
