// Rules of Open311. open311:manage issues a partner's api_key (shown once, stored as an SM3 hash)
// and revokes it with a reason; both are audited. A partner acts as its system account: it posts
// requests into its org's subtree (the request service's rules, audited under that account) and
// reads the requests whose territory lies there. Services and their definitions are public.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "db/audit_writer.hpp"
#include "db/database.hpp"
#include "features/open311/open311_model.hpp"
#include "features/open311/open311_repository.hpp"
#include "features/org/org_service.hpp"
#include "features/request/request_service.hpp"

namespace liandong::open311 {

// The partner behind an api_key and the actor it is.
struct PartnerActor {
  Partner partner;
  core::Actor actor;
};

class Open311Service {
 public:
  Open311Service(db::Database& database, const core::Clock& clock, const db::AuditWriter& audit,
                 const org::OrgService& org_service, const request::RequestService& request_service)
      : database_(database),
        clock_(clock),
        audit_(audit),
        org_service_(org_service),
        request_service_(request_service) {}

  std::vector<Partner> ListPartners(const core::Actor& actor) const;
  IssuedPartner CreatePartner(const core::Actor& actor, const NewPartner& input) const;
  Partner RevokePartner(const core::Actor& actor, std::int64_t id, const std::string& reason) const;

  // The partner of a live api_key; open311.invalid_api_key (403) otherwise, revoked ones included.
  PartnerActor Authenticate(const std::string& api_key, const std::string& remote_address,
                            const std::string& request_id) const;

  std::vector<Service> ListServices() const;
  // open311.service_not_found (404) for a code that is no leaf in use.
  ServiceDefinition GetDefinition(const std::string& code) const;

  // Takes the request, its attributes checked against the leaf's definition, in one transaction.
  PostedRequest Post(const PartnerActor& partner, const NewServiceRequest& input) const;
  std::vector<ServiceRequest> List(const PartnerActor& partner, const RequestQuery& query) const;
  // open311.request_not_found (404) when the partner may not see it.
  ServiceRequest Get(const PartnerActor& partner, std::int64_t id) const;
  // The request a token of this partner stands for; open311.token_not_found (404) otherwise.
  std::int64_t ResolveToken(const PartnerActor& partner, const std::string& token) const;

 private:
  ServiceRequest ToServiceRequest(const RequestRow& row) const;

  db::Database& database_;
  const core::Clock& clock_;
  const db::AuditWriter& audit_;
  const org::OrgService& org_service_;
  const request::RequestService& request_service_;
  Open311Repository repository_;
};

}  // namespace liandong::open311
