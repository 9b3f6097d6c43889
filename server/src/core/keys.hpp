// The master key that encrypts personal data and signs the audit chain. It lives outside the
// database: in the environment variable LIANDONG_MASTER_KEY (64 hex digits), or in a key file
// created on first use with permissions 0600.
#pragma once

#include <filesystem>
#include <string>

namespace liandong::core {

// The 32-byte master key: from LIANDONG_MASTER_KEY if set, else from `key_file`, which is created
// with a new random key if it does not exist. Throws std::runtime_error on a malformed key or a
// key file others can read.
std::string LoadMasterKey(const std::filesystem::path& key_file);

// The keys of a deployment. The master key encrypts personal data and keys its blind indexes; it
// is rotated by `liandong keys rotate`. The audit key signs the audit chain; it is derived from the
// first master key and then kept (as the key file's second line, "audit <hex>") across rotations,
// so that the whole chain, old rows included, keeps verifying.
struct Keys {
  std::string master;
  std::string audit;
};

// The master key as LoadMasterKey finds it, and the audit key: the file's (or LIANDONG_AUDIT_KEY's)
// if it names one, else derived from the master key.
Keys LoadKeys(const std::filesystem::path& key_file);
Keys KeysFromMaster(const std::string& master);

// Writes a key file (0600) holding both keys, replacing nothing: fails if `key_file` exists.
void WriteKeyFile(const std::filesystem::path& key_file, const Keys& keys);

}  // namespace liandong::core
