#include "features/joint_committee/joint_committee_routes.hpp"

#include "features/joint_committee/joint_committee_json.hpp"

namespace liandong::joint_committee {

void RegisterJointCommitteeRoutes(http::Router& router, const JointCommitteeService& joint_committee_service) {
  using http::Access;
  using http::Verb;
  router.Add(Verb::get, "/api/v1/orgs/{id}/joint-committee", "org:read", [&](http::Request& request) {
    return http::Ok(ToJson(joint_committee_service.GetCommittee(request.Actor(), request.PathId("id"))));
  });
  router.Add(Verb::put, "/api/v1/orgs/{id}/joint-committee", "org:write", [&](http::Request& request) {
    const std::string name = ParseCommitteeName(request.Json());
    const auto [committee, created] = joint_committee_service.PutCommittee(request.Actor(), request.PathId("id"), name);
    return created ? http::Created(ToJson(committee)) : http::Ok(ToJson(committee));
  });
  router.Add(Verb::post, "/api/v1/orgs/{id}/joint-committee/members", "org:write", [&](http::Request& request) {
    const MemberFields input = ParseNewMember(request.Json());
    return http::Created(ToJson(joint_committee_service.AddMember(request.Actor(), request.PathId("id"), input)));
  });
  router.Add(Verb::patch, "/api/v1/joint-committee-members/{member_id}", "org:write",
             [&](http::Request& request) {
               const MemberPatch patch = ParseMemberPatch(request.Json());
               return http::Ok(
                   ToJson(joint_committee_service.UpdateMember(request.Actor(), request.PathId("member_id"), patch)));
             });
  router.Add(Verb::delete_, "/api/v1/joint-committee-members/{member_id}", "org:write",
             [&](http::Request& request) {
               joint_committee_service.RemoveMember(request.Actor(), request.PathId("member_id"));
               return http::NoContent();
             });
  router.Add(Verb::get, "/api/v1/units/{id}/joint-committee-seats", "unit:read", [&](http::Request& request) {
    return http::Ok(ToJson(joint_committee_service.ListSeatsOfUnit(request.Actor(), request.PathId("id"))));
  });
}

}  // namespace liandong::joint_committee
