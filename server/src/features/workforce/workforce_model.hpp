// The community workforce: grade schemes with their pay tables, workers, appraisals and regrading
// runs. Identifiers appear here only masked. Money is in fen.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace liandong::workforce {

struct Reference {
  std::int64_t id = 0;
  std::string name;
};

struct SchemePost {
  std::string post;  // principal, deputy, staff, … (a key of the scheme)
  std::string name;  // 正职, 副职, …
  int min_grade = 1;
  int max_grade = 1;
};

struct DegreeCredit {
  std::string degree;  // bachelor, master, doctor (education keys)
  int credited_years = 0;
};

struct PayCell {
  std::string post;
  int grade = 0;
  std::int64_t base_pay = 0;
  std::int64_t allowance = 0;
};

// The rules and the pay table of one version of a scheme: what creating or editing one takes.
struct SchemeDefinition {
  std::string name;
  std::string template_key;  // the shipped scheme it came from, "" when written by hand
  int effective_from_year = 0;
  std::optional<int> effective_to_year;  // inclusive; open-ended when absent
  int step_years = 3;
  int early_after_excellent = 2;  // consecutive 优秀 years for one early step
  int early_max = 2;              // early steps at most, over a career
  int delay_years = 1;            // years not counted per 不称职 in the step interval
  std::vector<SchemePost> posts;
  std::vector<DegreeCredit> degrees;
  std::vector<PayCell> pay;
};

struct Scheme {
  std::int64_t id = 0;
  Reference org;
  std::string org_path;  // for scope checks; not sent
  SchemeDefinition definition;
  std::int64_t updated_at = 0;

  const SchemePost* FindPost(const std::string& post) const;
  const PayCell* FindPay(const std::string& post, int grade) const;
  int CreditedYears(const std::string& education) const;
  bool Covers(int year) const {
    return definition.effective_from_year <= year &&
           (!definition.effective_to_year || year <= *definition.effective_to_year);
  }
};

// The shipped schemes: 三岗十八级 and a 四岗二十四级 variant.
const std::vector<SchemeDefinition>& SchemeTemplates();
const SchemeDefinition* FindSchemeTemplate(const std::string& key);

struct WorkerEvent {
  std::int64_t id = 0;
  std::string kind;  // created, post, grade, org, status, education, member, appraisal, regrading, regrading_reverted
  std::string effective_on;
  std::string from_value;
  std::string to_value;
  std::optional<std::int64_t> regrading_run_id;
  std::string explanation;
  std::int64_t created_at = 0;
};

struct Appraisal {
  int year = 0;
  std::string result;  // excellent, competent, basically_competent, incompetent
};

// A month's pay: base pay and the post's allowance from the pay table, plus the allowance of the
// worker's highest valid qualification on the day.
struct Pay {
  std::int64_t base_pay = 0;
  std::int64_t allowance = 0;
  std::int64_t qualification_allowance = 0;
  std::int64_t total() const { return base_pay + allowance + qualification_allowance; }
};

// A qualification a worker holds, as the profile shows it.
struct HeldQualification {
  std::int64_t id = 0;
  std::int64_t qualification_id = 0;
  std::string name;
  std::int64_t allowance = 0;
  std::string issued_on;
  std::optional<std::string> expires_on;
};

struct Worker {
  std::int64_t id = 0;
  Reference org;  // the community
  std::string org_path;
  std::string name;
  std::string gender;
  std::string birth_date;  // never sent; the year at most
  std::string id_number_masked;
  std::string phone_masked;
  std::string post;
  int grade = 0;
  std::string grade_since;
  int early_steps_used = 0;
  std::string service_start;
  std::string education;
  std::string status;  // in_post, left, retired
  std::optional<Reference> member;
  // Filled for a single worker: the post's name and the pay of the current year's scheme.
  std::string post_name;
  std::optional<Pay> pay;
  std::vector<WorkerEvent> events;  // newest recorded first
  std::vector<Appraisal> appraisals;
  std::vector<HeldQualification> qualifications;
  // This year's training hours and what the worker's post and grade require.
  std::optional<int> training_completed;
  std::optional<int> training_required;
};

// What creating or importing a worker takes; identifiers in the clear, before validation.
struct WorkerInput {
  std::int64_t org_id = 0;
  std::string name;
  std::string gender;
  std::string id_number;
  std::string phone;
  std::string post;
  std::optional<int> grade;  // from the scheme (service years and degree) when absent
  std::optional<std::string> grade_since;
  std::string service_start;
  std::string education;
  std::string status = "in_post";
  std::optional<std::int64_t> member_id;
};

// A PATCH: unset fields stay as they are. Each change becomes an event of the timeline.
struct WorkerChanges {
  std::optional<std::int64_t> org_id;
  std::optional<std::string> name;
  std::optional<std::string> phone;
  std::optional<std::string> post;
  std::optional<int> grade;
  std::optional<std::string> education;
  std::optional<std::string> status;
  std::optional<std::optional<std::int64_t>> member_id;
  std::optional<std::string> effective_on;  // the day the changes take effect (default: today)
};

struct WorkerFilter {
  std::optional<std::int64_t> org_id;
  std::string query;
  std::string status;
  std::string post;
  int page = 1;
  int page_size = 20;
};

struct WorkerPage {
  std::vector<Worker> items;
  std::int64_t total = 0;
  int page = 1;
  int page_size = 20;
};

struct ImportError {
  int row = 0;  // 1-based
  std::string field;
  std::string code;
};

struct ImportResult {
  int created = 0;
  int updated = 0;
  int unchanged = 0;
  std::vector<ImportError> errors;
};

// An appraisal row of an import: the worker by ID number.
struct AppraisalInput {
  std::string id_number;
  int year = 0;
  std::string result;
};

// A worker row as stored: what the repository writes.
struct WorkerRecord {
  std::int64_t org_id = 0;
  std::string name;
  std::string gender;
  std::string birth_date;
  std::string id_number_cipher;
  std::string id_number_index;
  std::string id_number_masked;
  std::string phone_cipher;
  std::string phone_index;
  std::string phone_masked;
  std::string post;
  int grade = 0;
  std::string grade_since;
  int early_steps_used = 0;
  std::string service_start;
  std::string education;
  std::string status;
  std::optional<std::int64_t> member_id;
};

struct StreetReview {
  Reference street;
  int proposals = 0;
  int changes = 0;
  std::optional<std::int64_t> reviewed_at;
};

struct RegradingRun {
  std::int64_t id = 0;
  Reference org;
  std::string org_path;
  int year = 0;
  std::string status;  // draft, approved, reverted
  std::int64_t computed_at = 0;
  std::optional<std::int64_t> approved_at;
  std::optional<std::int64_t> reverted_at;
  std::string revert_reason;
  std::map<std::string, int> counts;  // promoted, early, held: in the actor's part of the run
  std::vector<StreetReview> streets;  // the actor's part
};

struct Proposal {
  Reference worker;
  Reference org;
  std::string post;
  std::string change;  // promoted, early, held
  int from_grade = 0;
  int to_grade = 0;
  std::string explanation;
};

// What the rules need to know of a worker for a regrading.
struct RegradingFacts {
  std::string post;
  int grade = 0;
  std::string grade_since;  // YYYY-MM-DD
  int early_steps_used = 0;
  std::map<int, std::string> appraisals;  // year → result
};

struct RegradingOutcome {
  std::string change;  // promoted, early, held
  int to_grade = 0;
  std::string explanation;
};

// The rules of a scheme applied to one worker for the run of `year` (effective 1 January): a
// regular step after step_years counted years, an early one after early_after_excellent
// consecutive 优秀, held after 不称职 or at the top of the post's range, each explained in words.
RegradingOutcome ProposeRegrading(const Scheme& scheme, const RegradingFacts& facts, int year);

// The starting grade of a worker: the post's lowest, one step per step_years of service before
// `today` plus the years credited for the degree, at most the post's highest.
int StartingGrade(const Scheme& scheme, const std::string& post, const std::string& service_start,
                  const std::string& education, const std::string& today);

// Chinese labels, for sheets and explanations.
std::string AppraisalLabel(const std::string& result);
std::string EducationLabel(const std::string& education);
std::string StatusLabel(const std::string& status);

}  // namespace liandong::workforce
