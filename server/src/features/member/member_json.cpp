#include "features/member/member_json.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "core/clock.hpp"

namespace liandong::member {
namespace {

boost::json::value ReferenceJson(const std::optional<Reference>& reference) {
  if (!reference) return nullptr;
  return boost::json::object{{"id", reference->id}, {"name", reference->name}};
}

boost::json::value Optional(const std::optional<std::string>& value) {
  return value ? boost::json::value(*value) : boost::json::value(nullptr);
}

}  // namespace

boost::json::value ToJson(const Member& member) {
  return boost::json::object{
      {"id", member.id},
      {"name", member.name},
      {"gender", member.gender},
      {"birth_date", member.birth_date},
      {"id_number", member.id_number_masked},
      {"phone", member.phone_masked},
      {"education", member.education},
      {"joined_on", Optional(member.joined_on)},
      {"full_member_on", Optional(member.full_member_on)},
      {"status", member.status},
      {"standing", member.standing},
      {"in_service", member.in_service},
      {"employer_unit", ReferenceJson(member.employer_unit)},
      {"home_community", ReferenceJson(member.home_community)},
      {"org", ReferenceJson(member.org)},
      {"archived", member.archived},
  };
}

boost::json::value ToJson(const MemberPage& page) {
  boost::json::array items;
  for (const Member& member : page.items) items.push_back(ToJson(member));
  return boost::json::object{
      {"items", std::move(items)}, {"total", page.total}, {"page", page.page}, {"page_size", page.page_size}};
}

boost::json::value ToJson(const Identifiers& identifiers) {
  return boost::json::object{{"id_number", identifiers.id_number}, {"phone", identifiers.phone}};
}

boost::json::value ToJson(const ImportResult& result) {
  boost::json::array errors;
  for (const ImportError& error : result.errors) {
    errors.push_back(boost::json::object{{"row", error.row}, {"field", error.field}, {"code", error.code}});
  }
  return boost::json::object{{"created", result.created},
                             {"updated", result.updated},
                             {"unchanged", result.unchanged},
                             {"errors", std::move(errors)}};
}

boost::json::value ToJson(const Transfer& transfer) {
  return boost::json::object{
      {"id", transfer.id},
      {"member", ReferenceJson(transfer.member)},
      {"from_org", ReferenceJson(transfer.from_org)},
      {"to_org", ReferenceJson(transfer.to_org)},
      {"status", transfer.status},
      {"reason", transfer.reason},
      {"decision_reason", transfer.decision_reason},
      {"requested_at", core::FormatUtc(transfer.requested_at)},
      {"decided_at",
       transfer.decided_at ? boost::json::value(core::FormatUtc(*transfer.decided_at)) : boost::json::value(nullptr)},
  };
}

boost::json::value ToJson(const std::vector<Transfer>& transfers) {
  boost::json::array items;
  for (const Transfer& transfer : transfers) items.push_back(ToJson(transfer));
  return boost::json::object{{"items", std::move(items)}};
}

}  // namespace liandong::member
