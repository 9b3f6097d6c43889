// Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2): the catalogue's leaves as services,
// residents' requests as service requests, taken and read by partner systems with an api_key each.
// Our states map onto GeoReport's open/closed; the rest goes into status_notes,
// agency_responsible, service_notice and expected_datetime. Residents' names and phones never
// leave through it.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace liandong::open311 {

// A partner system and the system account it acts as (disabled for logins).
struct Partner {
  std::int64_t id = 0;
  std::string name;
  std::int64_t org_id = 0;
  std::string org_name;
  std::string org_path;
  std::int64_t user_id = 0;
  std::string username;
  std::string key_hint;  // the key's first characters, to tell keys apart
  std::int64_t created_at = 0;
  std::optional<std::int64_t> last_used_at;
  std::optional<std::int64_t> revoked_at;
  std::string revoke_reason;
  std::int64_t request_count = 0;
};

struct NewPartner {
  std::string name;
  std::int64_t org_id = 0;
};

// A partner as created: the api_key is shown this once and stored only as a hash.
struct IssuedPartner {
  Partner partner;
  std::string api_key;
};

// A leaf of the catalogue as a GeoReport service.
struct Service {
  std::string code;         // "07.01.01"
  std::string name;         // "电梯困人"
  std::string description;  // the path: "电梯 / 电梯运行 / 电梯困人"
  std::string group;        // the top level: "电梯"
  std::string keywords;     // the SLA class and the owner kind
  bool metadata = false;    // it has attributes
};

struct AttributeValue {
  std::string key;
  std::string name;
};

struct Attribute {
  std::string code;
  std::string datatype;  // string, number, datetime, text, singlevaluelist, multivaluelist
  bool required = false;
  std::string description;
  std::string datatype_description;
  int order = 0;
  std::vector<AttributeValue> values;
};

struct ServiceDefinition {
  std::string code;
  std::vector<Attribute> attributes;
};

// POST requests: the form fields GeoReport names. address_id is the id of the community (or
// street) in the org register: a request belongs to a territory.
struct NewServiceRequest {
  std::string service_code;
  std::optional<double> lat;
  std::optional<double> lon;
  std::string address_string;
  std::string address_id;
  std::map<std::string, std::string> attributes;  // attribute[CODE]=value
  std::string first_name;
  std::string last_name;
  std::string phone;
  std::string description;
  std::string account_id;
  std::string media_url;
};

struct PostedRequest {
  std::int64_t service_request_id = 0;
  std::string token;
  std::string service_notice;
  std::string account_id;
};

// GET requests: service_request_id overrides the rest; the range is at most 90 days, the answer
// at most 1,000 requests, newest first.
struct RequestQuery {
  std::vector<std::int64_t> ids;
  std::vector<std::string> service_codes;
  std::optional<std::int64_t> start;
  std::optional<std::int64_t> end;
  std::vector<std::string> statuses;  // open, closed
};

struct ServiceRequest {
  std::int64_t id = 0;
  std::string status;  // open, closed
  std::string status_notes;
  std::string service_name;
  std::string service_code;
  std::string description;
  std::string agency_responsible;
  std::string service_notice;
  std::int64_t requested_at = 0;
  std::int64_t updated_at = 0;
  std::optional<std::int64_t> expected_at;
  std::string address;
  std::int64_t address_id = 0;
  std::optional<double> lat;
  std::optional<double> lon;
};

constexpr std::size_t kMaxResults = 1000;
constexpr std::int64_t kMaxRangeSeconds = 90 * 24 * 3600;

}  // namespace liandong::open311
