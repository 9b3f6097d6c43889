// JSON shapes of co-building agreements, both ways.
#pragma once

#include <boost/json/object.hpp>
#include <string>

#include "features/cobuild/agreement_model.hpp"

namespace liandong::cobuild {

// {"id","org":{id,name,level},"title","org_head","org_liaison","signed_on","start_on","end_on",
//  "predecessor_id"|null,"successor_id"|null,"terminated_on"|null,"termination_reason","state",
//  "late_reports","unit_names":[…],"created_at"}
boost::json::object ToJson(const Agreement& agreement);
// An agreement with "parties", "commitments" (with expected/delivered as of), "deliveries",
// "reports" (with status and late as of), "fulfilment", "can_write", "can_report".
boost::json::object ToJson(const AgreementDetail& detail);

// {"org_id","title","org_head","org_liaison","signed_on","start_on","end_on",
//  "parties":[{"unit_id","head","liaison"}],"commitments":[{"kind","description","quantity","rhythm"}]}
NewAgreement ParseNewAgreement(const boost::json::object& body);
// {"end_on","start_on"?,"signed_on"?}
Renewal ParseRenewal(const boost::json::object& body);
// {"report_id","text"}
NewReportFiling ParseReportFiling(const boost::json::object& body);
// {"commitment_id","delivered_on","quantity","text"}
NewDelivery ParseDelivery(const boost::json::object& body);
// {"reason"}
std::string ParseReason(const boost::json::object& body);

}  // namespace liandong::cobuild
