// Party members and transfers of their membership. Identifiers appear here only masked; the full
// values are decrypted on demand (MemberService::GetIdentifiers) and every such view is audited.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace liandong::member {

struct Reference {
  std::int64_t id = 0;
  std::string name;
};

struct Member {
  std::int64_t id = 0;
  Reference org;
  std::string name;
  std::string gender;      // male, female
  std::string birth_date;  // from the ID number
  std::string id_number_masked;
  std::string phone_masked;
  std::string education;
  std::optional<std::string> joined_on;
  std::optional<std::string> full_member_on;
  std::string status;    // full, probationary
  std::string standing;  // normal, suspended, …
  bool in_service = false;
  std::optional<Reference> employer_unit;
  std::optional<Reference> home_community;
  bool archived = false;
  std::string org_path;  // for scope checks; not sent
};

// The birth year of a member: the most of the birth date that any response or file may show,
// since the masked ID number hides exactly the birth date.
inline std::string BirthYear(const Member& member) { return member.birth_date.substr(0, 4); }

// What creating or importing a member takes; identifiers in the clear, before validation.
struct MemberInput {
  std::int64_t org_id = 0;
  std::string name;
  std::string gender;
  std::string id_number;
  std::string phone;
  std::string education;
  std::optional<std::string> joined_on;
  std::optional<std::string> full_member_on;
  std::string status = "full";
  std::string standing = "normal";
  bool in_service = false;
  std::optional<std::int64_t> employer_unit_id;
  std::optional<std::int64_t> home_community_id;
};

// A PATCH: unset fields stay as they are.
struct MemberChanges {
  std::optional<std::string> name;
  std::optional<std::string> gender;
  std::optional<std::string> phone;
  std::optional<std::string> education;
  std::optional<std::optional<std::string>> joined_on;
  std::optional<std::optional<std::string>> full_member_on;
  std::optional<std::string> status;
  std::optional<std::string> standing;
  std::optional<bool> in_service;
  std::optional<std::optional<std::int64_t>> employer_unit_id;
  std::optional<std::optional<std::int64_t>> home_community_id;
};

struct MemberFilter {
  std::optional<std::int64_t> org_id;  // the subtree to list (default: the actor's org)
  std::string query;                   // name search
  std::string id_number;               // exact
  std::string status;
  std::optional<bool> in_service;
  int page = 1;
  int page_size = 20;
};

struct MemberPage {
  std::vector<Member> items;
  std::int64_t total = 0;
  int page = 1;
  int page_size = 20;
};

struct Identifiers {
  std::string id_number;
  std::string phone;
};

struct ImportError {
  int row = 0;  // 1-based position in the submitted rows
  std::string field;
  std::string code;
};

// The rows of an import as read from the body: one input per row (a default one where the row
// could not be read) and the errors of the rows that could not be read.
struct ImportRows {
  std::vector<MemberInput> inputs;
  std::vector<ImportError> errors;
};

struct ImportResult {
  int created = 0;
  int updated = 0;
  int unchanged = 0;
  std::vector<ImportError> errors;
};

struct Transfer {
  std::int64_t id = 0;
  Reference member;
  Reference from_org;
  Reference to_org;
  std::string status;  // requested, accepted, refused
  std::string reason;
  std::string decision_reason;
  std::int64_t requested_at = 0;
  std::optional<std::int64_t> decided_at;
  std::string from_path;
  std::string to_path;
};

enum class TransferDirection { kIncoming, kOutgoing };

// A member row as stored: what the repository writes.
struct MemberRecord {
  std::int64_t org_id = 0;
  std::string name;
  std::string name_grams;
  std::string gender;
  std::string birth_date;
  std::string id_number_cipher;
  std::string id_number_index;
  std::string id_number_masked;
  std::string phone_cipher;
  std::string phone_index;
  std::string phone_masked;
  std::string education;
  std::optional<std::string> joined_on;
  std::optional<std::string> full_member_on;
  std::string status;
  std::string standing;
  bool in_service = false;
  std::optional<std::int64_t> employer_unit_id;
  std::optional<std::int64_t> home_community_id;
};

}  // namespace liandong::member
