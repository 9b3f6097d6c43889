#include "core/keys.hpp"

#include <sys/stat.h>

#include <cstdlib>
#include <fstream>
#include <sodium.h>
#include <stdexcept>

#include "core/crypto.hpp"

namespace liandong::core {
namespace {

std::string FromHex(const std::string& hex) {
  std::string bytes(hex.size() / 2, '\0');
  std::size_t length = 0;
  if (hex.size() != 64 || sodium_hex2bin(reinterpret_cast<unsigned char*>(bytes.data()), bytes.size(), hex.data(),
                                         hex.size(), nullptr, &length, nullptr) != 0 ||
      length != 32) {
    throw std::runtime_error("a master key is 64 hex digits");
  }
  return bytes;
}

}  // namespace

std::string LoadMasterKey(const std::filesystem::path& key_file) {
  if (const char* from_environment = std::getenv("LIANDONG_MASTER_KEY"); from_environment && *from_environment) {
    return FromHex(from_environment);
  }
  namespace fs = std::filesystem;
  if (!fs::exists(key_file)) {
    if (key_file.has_parent_path()) fs::create_directories(key_file.parent_path());
    const mode_t previous = ::umask(077);
    {
      std::ofstream out(key_file, std::ios::trunc);
      out << ToHex(RandomBytes(32)) << "\n";
    }
    ::umask(previous);
    fs::permissions(key_file, fs::perms::owner_read | fs::perms::owner_write);
  }
  const auto permissions = fs::status(key_file).permissions();
  if ((permissions & (fs::perms::group_all | fs::perms::others_all)) != fs::perms::none) {
    throw std::runtime_error("the key file " + key_file.string() + " must be readable by its owner only (chmod 600)");
  }
  std::ifstream in(key_file);
  std::string hex;
  in >> hex;
  return FromHex(hex);
}

}  // namespace liandong::core
