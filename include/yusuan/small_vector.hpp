// yusuan/small_vector.hpp -- a vector that keeps its first N elements in
// place.  Query results use it for the keys, labels and names of a row (one
// or two dimensions in nearly every query), so a result of many rows does not
// cost an allocation per field.  Spirit-free.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <initializer_list>
#include <stdexcept>
#include <utility>
#include <vector>

namespace yusuan {

/// A sequence of T whose first N elements live inside the object; past N
/// every element moves to the heap.  The interface is the part of
/// std::vector that result rows need, and compares equal to a std::vector
/// with the same elements.
template <class T, std::size_t N>
class small_vector {
public:
  using value_type = T;
  using size_type = std::size_t;
  using iterator = T*;
  using const_iterator = const T*;
  using reference = T&;
  using const_reference = const T&;

  small_vector() = default;
  small_vector(std::initializer_list<T> init) {
    reserve(init.size());
    for (const auto& x : init) push_back(x);
  }

  size_type size() const noexcept { return heap_.empty() ? size_ : heap_.size(); }
  bool empty() const noexcept { return size() == 0; }
  T* data() noexcept { return heap_.empty() ? inline_.data() : heap_.data(); }
  const T* data() const noexcept { return heap_.empty() ? inline_.data() : heap_.data(); }
  iterator begin() noexcept { return data(); }
  iterator end() noexcept { return data() + size(); }
  const_iterator begin() const noexcept { return data(); }
  const_iterator end() const noexcept { return data() + size(); }
  T& operator[](size_type i) noexcept { return data()[i]; }
  const T& operator[](size_type i) const noexcept { return data()[i]; }
  T& at(size_type i) {
    if (i >= size()) throw std::out_of_range("yusuan::small_vector::at");
    return data()[i];
  }
  const T& at(size_type i) const {
    if (i >= size()) throw std::out_of_range("yusuan::small_vector::at");
    return data()[i];
  }
  T& front() noexcept { return data()[0]; }
  const T& front() const noexcept { return data()[0]; }
  T& back() noexcept { return data()[size() - 1]; }
  const T& back() const noexcept { return data()[size() - 1]; }

  void reserve(size_type n) {
    if (n > N) spill(n);
  }
  void clear() noexcept {
    heap_.clear();
    for (size_type i = 0; i < size_; ++i) inline_[i] = T{};
    size_ = 0;
  }
  template <class... Args>
  T& emplace_back(Args&&... args) {
    if (heap_.empty() && size_ < N) {
      inline_[size_] = T(std::forward<Args>(args)...);
      return inline_[size_++];
    }
    spill(size() + 1);
    return heap_.emplace_back(std::forward<Args>(args)...);
  }
  void push_back(const T& x) { emplace_back(x); }
  void push_back(T&& x) { emplace_back(std::move(x)); }
  void resize(size_type n, const T& value = T{}) {
    if (heap_.empty() && n <= N) {
      for (size_type i = n; i < size_; ++i) inline_[i] = T{};
      for (size_type i = size_; i < n; ++i) inline_[i] = value;
      size_ = n;
      return;
    }
    spill(n);
    heap_.resize(n, value);
  }
  void assign(size_type n, const T& value) {
    clear();
    resize(n, value);
  }

  friend bool operator==(const small_vector& a, const small_vector& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end());
  }
  friend bool operator==(const small_vector& a, const std::vector<T>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end());
  }

private:
  /// Moves the elements to the heap (once), with room for n.
  void spill(size_type n) {
    if (!heap_.empty()) {
      heap_.reserve(n);
      return;
    }
    heap_.reserve(std::max(n, 2 * N));
    for (size_type i = 0; i < size_; ++i) {
      heap_.push_back(std::move(inline_[i]));
      inline_[i] = T{};
    }
    size_ = 0;
  }

  std::array<T, N> inline_{};
  std::vector<T> heap_;
  size_type size_ = 0;  // elements in inline_ while heap_ is empty
};

}  // namespace yusuan
