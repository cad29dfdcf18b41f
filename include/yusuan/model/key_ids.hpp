// yusuan/model/key_ids.hpp -- 64-bit keys to small ids in order of first
// appearance: the hash table behind the budget's code ordinals and the
// engine's hashed cells.
#pragma once

#include <yusuan/model/records.hpp>  // npos32

#include <cstddef>
#include <cstdint>
#include <vector>

namespace yusuan::detail {

/// Keys to small ids in order of first appearance (open addressing).
class key_ids {
public:
  key_ids() { rehash(64); }
  std::uint32_t size() const noexcept { return static_cast<std::uint32_t>(keys_.size()); }
  const std::vector<std::uint64_t>& keys() const noexcept { return keys_; }
  std::uint32_t get(std::uint64_t k) {
    if (k == last_key_ && last_id_ != npos32) return last_id_;
    std::size_t h = hash(k) & mask_;
    while (true) {
      const slot& s = slots_[h];
      if (s.id == npos32) break;
      if (s.key == k) {
        last_key_ = k;
        return last_id_ = s.id;
      }
      h = (h + 1) & mask_;
    }
    const auto id = static_cast<std::uint32_t>(keys_.size());
    keys_.push_back(k);
    slots_[h] = {k, id};
    if (keys_.size() * 2 > slots_.size()) rehash(slots_.size() * 2);
    last_key_ = k;
    return last_id_ = id;
  }

private:
  struct slot {
    std::uint64_t key;
    std::uint32_t id;
  };
  static std::size_t hash(std::uint64_t k) noexcept {
    k ^= k >> 29;
    k *= 0xbf58476d1ce4e5b9ULL;
    k ^= k >> 32;
    return static_cast<std::size_t>(k);
  }
  void rehash(std::size_t n) {
    slots_.assign(n, slot{0, npos32});
    mask_ = n - 1;
    for (std::uint32_t id = 0; id < keys_.size(); ++id) {
      std::size_t h = hash(keys_[id]) & mask_;
      while (slots_[h].id != npos32) h = (h + 1) & mask_;
      slots_[h] = {keys_[id], id};
    }
  }
  std::vector<slot> slots_;
  std::vector<std::uint64_t> keys_;
  std::size_t mask_ = 0;
  std::uint64_t last_key_ = 0;
  std::uint32_t last_id_ = npos32;
};

}  // namespace yusuan::detail
