#include "features/member/member_service.hpp"

#include <algorithm>

#include "core/china_date.hpp"
#include "core/crypto.hpp"
#include "core/error.hpp"
#include "core/identity.hpp"
#include "core/text_search.hpp"
#include "core/xlsx.hpp"
#include "features/member/member_validation.hpp"

namespace liandong::member {

using core::AppError;
using core::ErrorKind;

namespace {

constexpr std::string_view kLiveMembers = "live";
constexpr int kMaxImportRows = 5000;
constexpr int kMaxExportRows = 100000;

bool IsOneOf(const std::string& value, std::initializer_list<std::string_view> allowed) {
  for (std::string_view candidate : allowed) {
    if (value == candidate) return true;
  }
  return false;
}

// The field an error code is about, for import reports.
std::string FieldOf(const std::string& code) {
  if (code == "member.invalid_id_number" || code == "member.id_number_taken") return "id_number";
  if (code == "member.invalid_phone") return "phone";
  if (code == "member.invalid_gender") return "gender";
  if (code == "member.invalid_status") return "status";
  if (code == "member.invalid_name") return "name";
  if (code == "member.invalid_date") return "joined_on";
  if (code == "org.not_found" || code == "auth.permission_denied") return "org_id";
  if (code == "member.employer_unit_not_found") return "employer_unit_id";
  if (code == "member.home_community_not_found" || code == "member.invalid_home_community") return "home_community_id";
  return "";
}

}  // namespace

MemberRecord MemberService::BuildRecord(db::Session& session, const core::Actor* actor,
                                        const MemberInput& input) const {
  MemberRecord record;
  if (actor != nullptr) {
    orgs_.RequireInScope(session.sql(), core::OrgScope::Of(*actor), input.org_id);
  } else if (!orgs_.FindOrg(session.sql(), input.org_id)) {
    throw AppError(ErrorKind::kNotFound, "org.not_found");
  }
  record.org_id = input.org_id;
  const ValidIdentifiers valid = ValidateMemberInput(input);
  record.name = input.name;
  record.name_grams = core::SearchGrams(input.name);
  record.gender = input.gender;
  record.birth_date = valid.birth_date;
  record.id_number_cipher = cipher_.Encrypt(valid.id_number);
  record.id_number_index = cipher_.BlindIndex(valid.id_number);
  record.id_number_masked = core::MaskIdNumber(valid.id_number);
  if (valid.phone) {
    record.phone_cipher = cipher_.Encrypt(*valid.phone);
    record.phone_index = cipher_.BlindIndex(*valid.phone);
    record.phone_masked = core::MaskPhone(*valid.phone);
  }
  record.education = input.education;
  record.joined_on = input.joined_on;
  record.full_member_on = input.full_member_on;
  record.status = input.status;
  record.standing = input.standing;
  record.in_service = input.in_service;
  if (actor != nullptr) CheckReferences(session, *actor, input.employer_unit_id, input.home_community_id);
  record.employer_unit_id = input.employer_unit_id;
  record.home_community_id = input.home_community_id;
  return record;
}

void MemberService::CheckReferences(db::Session& session, const core::Actor& actor,
                                    std::optional<std::int64_t> employer_unit_id,
                                    std::optional<std::int64_t> home_community_id) const {
  const core::OrgScope scope = core::OrgScope::Of(actor);
  if (employer_unit_id) units_.RequireInScope(session.sql(), scope, *employer_unit_id, "member.employer_unit_not_found");
  if (home_community_id) {
    const org::Org home = orgs_.RequireInScope(session.sql(), scope, *home_community_id, "member.home_community_not_found");
    if (home.level != "community" || home.archived) {
      throw AppError(ErrorKind::kInvalidArgument, "member.invalid_home_community");
    }
  }
}

Member MemberService::FindInScope(db::Session& session, const core::Actor& actor, std::int64_t id) const {
  return core::RequireInScope(core::OrgScope::Of(actor), repository_.Find(session.sql(), id),
                              [](const Member& member) { return member.org_path; }, "member.not_found");
}

std::optional<Member> MemberService::FindByIdNumber(soci::session& sql, const std::string& id_number) const {
  const auto id = repository_.FindIdByIdNumberIndex(sql, cipher_.BlindIndex(id_number));
  if (!id) return std::nullopt;
  auto member = repository_.Find(sql, *id);
  if (!member || member->archived) return std::nullopt;
  return member;
}

MemberPage MemberService::ListMembers(const core::Actor& actor, const MemberFilter& filter) const {
  core::RequirePermission(actor, "member:read");
  db::Session session(database_);
  std::string id_number_index;
  if (!filter.id_number.empty()) {
    const auto id_number = core::NormaliseIdNumber(filter.id_number);
    if (!id_number) throw AppError(ErrorKind::kInvalidArgument, "member.invalid_id_number");
    id_number_index = cipher_.BlindIndex(*id_number);
  }
  if (!filter.status.empty() && !IsOneOf(filter.status, {"full", "probationary"})) {
    throw AppError(ErrorKind::kInvalidArgument, "member.invalid_status");
  }
  const core::OrgScope scope = orgs_.ScopeOf(session.sql(), actor, filter.org_id);
  // Without filters the total is the scope's roll-up, not a count over the whole subtree.
  std::optional<std::int64_t> known_total;
  if (filter.query.empty() && id_number_index.empty() && filter.status.empty() && !filter.in_service) {
    known_total = 0;
    for (const org::RollupCount& count :
         orgs_.ReadRollup(session.sql(), scope.RootId(), org::kRollupMember)) {
      *known_total += count.total;
    }
  }
  auto [items, total] = repository_.List(session, scope, filter, id_number_index, true, known_total);
  return MemberPage{std::move(items), total, filter.page, filter.page_size};
}

Member MemberService::GetMember(const core::Actor& actor, std::int64_t id) const {
  core::RequirePermission(actor, "member:read");
  db::Session session(database_);
  return FindInScope(session, actor, id);
}

Identifiers MemberService::GetIdentifiers(const core::Actor& actor, std::int64_t id) const {
  db::Session session(database_);
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  // Refused: the pipeline audits the denial (access.denied, with the path), once.
  core::RequirePermission(actor, "member:unmask");
  const Member member = FindInScope(session, actor, id);
  const auto [id_cipher, phone_cipher] = repository_.FindCiphers(session.sql(), member.id);
  Identifiers identifiers;
  const auto id_number = cipher_.Decrypt(id_cipher);
  if (!id_number) throw AppError(ErrorKind::kInternal, "server.internal", "an ID number failed to decrypt");
  identifiers.id_number = *id_number;
  if (!phone_cipher.empty()) identifiers.phone = cipher_.Decrypt(phone_cipher).value_or("");
  audit_.Record(session.sql(), actor, {"member.unmask", "member", member.id, "ok", ""});
  transaction.Commit();
  return identifiers;
}

Member MemberService::CreateMember(const core::Actor& actor, const MemberInput& input) const {
  core::RequirePermission(actor, "member:write");
  db::Session session(database_);
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const MemberRecord record = BuildRecord(session, &actor, input);
  if (repository_.FindIdByIdNumberIndex(session.sql(), record.id_number_index)) {
    throw AppError(ErrorKind::kConflict, "member.id_number_taken");
  }
  const std::int64_t id = repository_.Insert(session, record, clock_.NowSeconds());
  CountMember(session, record.org_id, 1);
  audit_.Record(session.sql(), actor, {"member.create", "member", id, "ok", ""});
  Member member = *repository_.Find(session.sql(), id);
  transaction.Commit();
  return member;
}

Member MemberService::UpdateMember(const core::Actor& actor, std::int64_t id, const MemberChanges& changes) const {
  core::RequirePermission(actor, "member:write");
  db::Session session(database_);
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  FindInScope(session, actor, id);
  MemberRecord record = *repository_.FindRecord(session.sql(), id);
  if (changes.name) {
    CheckMemberName(*changes.name);
    record.name = *changes.name;
    record.name_grams = core::SearchGrams(record.name);
  }
  if (changes.gender) {
    if (!IsOneOf(*changes.gender, {"male", "female"}))
      throw AppError(ErrorKind::kInvalidArgument, "member.invalid_gender");
    record.gender = *changes.gender;
  }
  if (changes.phone) {
    if (changes.phone->empty()) {
      record.phone_cipher = record.phone_index = record.phone_masked = "";
    } else {
      const auto phone = core::NormalisePhone(*changes.phone);
      if (!phone) throw AppError(ErrorKind::kInvalidArgument, "member.invalid_phone");
      record.phone_cipher = cipher_.Encrypt(*phone);
      record.phone_index = cipher_.BlindIndex(*phone);
      record.phone_masked = core::MaskPhone(*phone);
    }
  }
  if (changes.education) record.education = *changes.education;
  if (changes.joined_on) record.joined_on = *changes.joined_on;
  if (changes.full_member_on) record.full_member_on = *changes.full_member_on;
  CheckMemberDate(record.joined_on, record.birth_date);
  CheckMemberDate(record.full_member_on, record.joined_on.value_or(record.birth_date));
  if (changes.status) {
    if (!IsOneOf(*changes.status, {"full", "probationary"}))
      throw AppError(ErrorKind::kInvalidArgument, "member.invalid_status");
    record.status = *changes.status;
  }
  if (changes.standing) {
    if (!IsOneOf(*changes.standing, {"normal", "suspended", "lost_contact", "left"})) {
      throw AppError(ErrorKind::kInvalidArgument, "request.invalid_argument", "standing");
    }
    record.standing = *changes.standing;
  }
  if (changes.in_service) record.in_service = *changes.in_service;
  CheckReferences(session, actor, changes.employer_unit_id.value_or(std::nullopt),
                  changes.home_community_id.value_or(std::nullopt));
  if (changes.employer_unit_id) record.employer_unit_id = *changes.employer_unit_id;
  if (changes.home_community_id) record.home_community_id = *changes.home_community_id;
  repository_.Update(session, id, record, clock_.NowSeconds());
  audit_.Record(session.sql(), actor, {"member.update", "member", id, "ok", ""});
  Member member = *repository_.Find(session.sql(), id);
  transaction.Commit();
  return member;
}

ImportResult MemberService::ImportMembers(const core::Actor& actor, const std::vector<MemberInput>& rows,
                                          const std::vector<ImportError>& parse_errors) const {
  core::RequirePermission(actor, "member:write");
  if (rows.size() > static_cast<std::size_t>(kMaxImportRows)) {
    throw AppError(ErrorKind::kInvalidArgument, "request.invalid_argument", "at most 5000 rows per import");
  }
  ImportResult result;
  result.errors = parse_errors;
  std::vector<bool> failed(rows.size(), false);
  for (const ImportError& error : parse_errors) {
    if (error.row >= 1 && static_cast<std::size_t>(error.row) <= rows.size()) failed[error.row - 1] = true;
  }
  db::Session session(database_);
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const std::int64_t now = clock_.NowSeconds();
  std::vector<std::string> seen_indexes;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (failed[i]) continue;
    const int row_number = static_cast<int>(i + 1);
    try {
      const MemberRecord record = BuildRecord(session, &actor, rows[i]);
      if (std::find(seen_indexes.begin(), seen_indexes.end(), record.id_number_index) != seen_indexes.end()) {
        throw AppError(ErrorKind::kConflict, "member.id_number_taken", "twice in this file");
      }
      seen_indexes.push_back(record.id_number_index);
      const auto existing_id = repository_.FindIdByIdNumberIndex(session.sql(), record.id_number_index);
      if (!existing_id) {
        const std::int64_t id = repository_.Insert(session, record, now);
        CountMember(session, record.org_id, 1);
        audit_.Record(session.sql(), actor, {"member.import_create", "member", id, "ok", ""});
        ++result.created;
        continue;
      }
      if (!core::OrgScope::Of(actor).Contains(repository_.Find(session.sql(), *existing_id)->org_path)) {
        throw AppError(ErrorKind::kConflict, "member.id_number_taken", "registered outside the subtree");
      }
      const MemberRecord stored = *repository_.FindRecord(session.sql(), *existing_id);
      const bool same = stored.org_id == record.org_id && stored.name == record.name &&
                        stored.gender == record.gender && stored.phone_index == record.phone_index &&
                        stored.education == record.education && stored.joined_on == record.joined_on &&
                        stored.full_member_on == record.full_member_on && stored.status == record.status &&
                        stored.standing == record.standing && stored.in_service == record.in_service &&
                        stored.employer_unit_id == record.employer_unit_id &&
                        stored.home_community_id == record.home_community_id;
      if (same) {
        ++result.unchanged;
        continue;
      }
      MemberRecord updated = record;
      updated.id_number_cipher = stored.id_number_cipher;  // the same number: keep its ciphertext
      if (stored.phone_index == record.phone_index) updated.phone_cipher = stored.phone_cipher;
      repository_.Update(session, *existing_id, updated, now);
      if (stored.org_id != updated.org_id) {
        CountMember(session, stored.org_id, -1);
        CountMember(session, updated.org_id, 1);
      }
      audit_.Record(session.sql(), actor, {"member.import_update", "member", *existing_id, "ok", ""});
      ++result.updated;
    } catch (const AppError& error) {
      if (error.kind() == ErrorKind::kInternal) throw;
      result.errors.push_back(ImportError{row_number, FieldOf(error.code()), error.code()});
    }
  }
  std::sort(result.errors.begin(), result.errors.end(),
            [](const ImportError& a, const ImportError& b) { return a.row < b.row; });
  transaction.Commit();
  return result;
}

std::string MemberService::ExportMembers(const core::Actor& actor, const MemberFilter& filter) const {
  core::RequirePermission(actor, "member:read");
  db::Session session(database_);
  std::string id_number_index;
  if (!filter.id_number.empty()) {
    const auto id_number = core::NormaliseIdNumber(filter.id_number);
    if (!id_number) throw AppError(ErrorKind::kInvalidArgument, "member.invalid_id_number");
    id_number_index = cipher_.BlindIndex(*id_number);
  }
  auto [members, total] =
      repository_.List(session, orgs_.ScopeOf(session.sql(), actor, filter.org_id), filter, id_number_index, false);
  if (total > kMaxExportRows) throw AppError(ErrorKind::kInvalidArgument, "request.invalid_argument", "too many rows");

  core::Sheet sheet{"党员",
                    {"党员名册", "导出时间：" + core::ChinaDateTime(clock_.NowSeconds()) + "（北京时间）　共 " +
                                     std::to_string(total) + " 人；身份证号、手机号已脱敏"},
                    {"姓名", "性别", "出生年份", "身份证号", "手机号", "学历", "入党日期", "转正日期", "党员状态",
                     "在职", "所属组织"},
                    {}};
  for (const Member& member : members) {
    const std::string birth_year = BirthYear(member);
    sheet.rows.push_back({member.name, member.gender == "male" ? "男" : "女",
                          birth_year.empty() ? core::Cell{} : core::NumberCell(std::stoi(birth_year)),
                          member.id_number_masked, member.phone_masked, member.education, member.joined_on.value_or(""),
                          member.full_member_on.value_or(""), member.status == "full" ? "正式党员" : "预备党员",
                          member.in_service ? "是" : "否", member.org.name});
  }
  std::string workbook = core::WriteWorkbook(sheet);

  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  audit_.Record(session.sql(), actor, {"member.export", "org", std::nullopt, "ok", std::to_string(total) + " rows"});
  transaction.Commit();
  return workbook;
}

Transfer MemberService::FindTransfer(db::Session& session, std::int64_t id) const {
  auto transfer = repository_.FindTransfer(session.sql(), id);
  if (!transfer) throw AppError(ErrorKind::kNotFound, "transfer.not_found");
  return *transfer;
}

Transfer MemberService::FindIncomingTransfer(db::Session& session, const core::Actor& actor, std::int64_t id) const {
  // Only the receiving org decides: a transfer is found by the subtree it goes to.
  return core::RequireInScope(core::OrgScope::Of(actor), repository_.FindTransfer(session.sql(), id),
                              [](const Transfer& transfer) { return transfer.to_path; }, "transfer.not_found");
}

Transfer MemberService::RequestTransfer(const core::Actor& actor, std::int64_t member_id, std::int64_t to_org_id,
                                        const std::string& reason) const {
  core::RequirePermission(actor, "member:write");
  db::Session session(database_);
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const Member member = FindInScope(session, actor, member_id);
  // The receiving org may lie anywhere in the tree (a member moves to another district): it is
  // picked by name from the whole tree, and only its name comes back.
  const auto to_org = orgs_.FindOrg(session.sql(), to_org_id);
  if (!to_org || to_org->archived) throw AppError(ErrorKind::kNotFound, "org.not_found");
  if (to_org->id == member.org.id) throw AppError(ErrorKind::kInvalidArgument, "transfer.same_org");
  if (repository_.HasPendingTransfer(session.sql(), member.id)) {
    throw AppError(ErrorKind::kConflict, "transfer.already_pending");
  }
  const std::int64_t id = repository_.InsertTransfer(session.sql(), member.id, member.org.id, to_org->id, reason,
                                                     actor.user_id, clock_.NowSeconds());
  audit_.Record(session.sql(), actor, {"transfer.request", "member_transfer", id, "ok", ""});
  Transfer transfer = FindTransfer(session, id);
  transaction.Commit();
  return transfer;
}

core::Page<Transfer> MemberService::ListTransfers(const core::Actor& actor, TransferDirection direction,
                                                  const std::string& status, const core::PageRequest& request) const {
  core::RequirePermission(actor, "member:read");
  if (!status.empty() && !IsOneOf(status, {"requested", "accepted", "refused"})) {
    throw AppError(ErrorKind::kInvalidArgument, "request.invalid_argument", "status");
  }
  db::Session session(database_);
  return repository_.ListTransfers(session.sql(), direction, core::OrgScope::Of(actor), status, request);
}

std::vector<Transfer> MemberService::ListTransfersOfMember(const core::Actor& actor, std::int64_t member_id) const {
  core::RequirePermission(actor, "member:read");
  db::Session session(database_);
  FindInScope(session, actor, member_id);
  return repository_.ListTransfersOfMember(session.sql(), member_id);
}

Transfer MemberService::AcceptTransfer(const core::Actor& actor, std::int64_t id) const {
  core::RequirePermission(actor, "member:write");
  db::Session session(database_);
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const Transfer transfer = FindIncomingTransfer(session, actor, id);
  if (transfer.status != "requested") throw AppError(ErrorKind::kConflict, "transfer.not_pending");
  const std::int64_t now = clock_.NowSeconds();
  repository_.DecideTransfer(session.sql(), id, "accepted", "", actor.user_id, now);
  const std::int64_t current_org_id = repository_.FindRecord(session.sql(), transfer.member.id)->org_id;
  repository_.SetOrg(session.sql(), transfer.member.id, transfer.to_org.id, now);
  if (current_org_id != transfer.to_org.id) {
    CountMember(session, current_org_id, -1);
    CountMember(session, transfer.to_org.id, 1);
  }
  audit_.Record(session.sql(), actor, {"transfer.accept", "member_transfer", id, "ok", ""});
  Transfer decided = FindTransfer(session, id);
  transaction.Commit();
  return decided;
}

Transfer MemberService::RefuseTransfer(const core::Actor& actor, std::int64_t id, const std::string& reason) const {
  core::RequirePermission(actor, "member:write");
  if (reason.empty()) throw AppError(ErrorKind::kInvalidArgument, "transfer.reason_required");
  db::Session session(database_);
  db::Transaction transaction(session, db::Transaction::Mode::kWrite);
  const Transfer transfer = FindIncomingTransfer(session, actor, id);
  if (transfer.status != "requested") throw AppError(ErrorKind::kConflict, "transfer.not_pending");
  repository_.DecideTransfer(session.sql(), id, "refused", reason, actor.user_id, clock_.NowSeconds());
  audit_.Record(session.sql(), actor, {"transfer.refuse", "member_transfer", id, "ok", ""});
  Transfer decided = FindTransfer(session, id);
  transaction.Commit();
  return decided;
}

std::int64_t MemberService::SeedMember(db::Session& session, const MemberInput& input) const {
  const MemberRecord record = BuildRecord(session, nullptr, input);
  const std::int64_t id = repository_.Insert(session, record, clock_.NowSeconds());
  CountMember(session, record.org_id, 1);
  return id;
}

void MemberService::CountMember(db::Session& session, std::int64_t org_id, std::int64_t delta) const {
  orgs_.AdjustRollup(session.sql(), org_id, org::kRollupMember, std::string(kLiveMembers), delta);
}

void MemberService::RebuildMemberRollup(db::Session& session) const {
  repository_.RefreshStatistics(session);  // the members were just loaded in bulk
  std::vector<org::OrgItemCount> counts;
  for (const auto& [org_id, count] : repository_.CountLiveMembersByOrg(session.sql())) {
    counts.push_back({org_id, std::string(kLiveMembers), count});
  }
  orgs_.RebuildRollup(session, org::kRollupMember, counts);
}

std::int64_t MemberService::ResealIdentifiers(soci::session& sql, const core::FieldCipher& from,
                                              const core::FieldCipher& to) const {
  const std::vector<SealedIdentifiers> members = repository_.ListSealedIdentifiers(sql);
  for (const SealedIdentifiers& member : members) {
    const core::Resealed id_number = core::Reseal(from, to, member.id_number_cipher);
    const core::Resealed phone = core::Reseal(from, to, member.phone_cipher);
    repository_.UpdateSealedIdentifiers(sql, SealedIdentifiers{member.id, id_number.sealed, phone.sealed},
                                        id_number.blind_index, phone.blind_index);
  }
  return static_cast<std::int64_t>(members.size());
}

}  // namespace liandong::member
