// tools/ordered_pool.hpp -- run work(i) for i in [0, n) on `jobs` threads and
// hand each result to consume(i, result) on the calling thread in order of i.
// Workers run at most `window` tasks ahead of the consumer, so at most
// jobs + window results are held at once, whatever n is.
#pragma once

#include "interrupt.hpp"

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace cli {

template <class Result, class Work, class Consume>
void run_ordered(std::size_t n, unsigned jobs, Work work, Consume consume) {
  jobs = static_cast<unsigned>(std::clamp<std::size_t>(jobs, 1, std::max<std::size_t>(n, 1)));
  const std::size_t window = std::max<std::size_t>(64, std::size_t{jobs} * 8);
  std::vector<std::optional<Result>> results(std::min(n, window + jobs + 1));  // a ring indexed by i % size
  std::mutex m;
  std::condition_variable ready, room;
  std::size_t next = 0, consumed = 0;
  std::size_t waiting_for = n;  // the index the consumer waits for (n: none)
  std::size_t blocked = 0;      // workers waiting for room
  bool stop = false;
  auto worker = [&] {
    for (;;) {
      std::size_t i;
      {
        std::unique_lock lock(m);
        ++blocked;
        room.wait(lock, [&] { return stop || next >= n || next < consumed + results.size(); });
        --blocked;
        if (stop || next >= n) return;
        i = next++;
      }
      Result r = work(i);
      bool wake;
      {
        std::lock_guard lock(m);
        results[i % results.size()].emplace(std::move(r));
        wake = waiting_for == i;  // wake the consumer only when it waits for this one
      }
      if (wake) ready.notify_one();
    }
  };
  std::vector<std::thread> threads;
  {
    // the workers start with the signals that end the program held, and
    // keep them so: the main thread takes them, so that holding them there
    // (signals_held) holds them off the program
    const signals_held hold;
    for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(worker);
  }
  auto finish = [&] {
    {
      std::lock_guard lock(m);
      stop = true;
    }
    room.notify_all();
    for (auto& t : threads) t.join();
  };
  try {
    for (std::size_t i = 0; i < n; ++i) {
      std::optional<Result> r;
      bool wake;
      {
        std::unique_lock lock(m);
        auto& slot = results[i % results.size()];
        waiting_for = i;
        ready.wait(lock, [&] { return slot.has_value(); });
        waiting_for = n;
        r = std::move(slot);
        slot.reset();
        consumed = i + 1;
        wake = blocked > 0;
      }
      if (wake) room.notify_all();
      consume(i, std::move(*r));
    }
  } catch (...) {
    finish();
    throw;
  }
  finish();
}

}  // namespace cli
