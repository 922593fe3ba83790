#include "planner/chain_order.h"

#include <algorithm>
#include <cstdio>
#include <ctime>

#include "base/diagnostic.h"
#include "parser/replay.h"

namespace pgdrift::planner {
namespace {

bool AllDigits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// `version` one step later: a YYYYMMDDHHMMSS timestamp one second later (through timegm,
// so 59 seconds roll over into the next minute), any other number plus one.
std::string Increment(std::string_view version) {
  if (version.size() == 14) {
    std::tm time{};
    std::string text(version);
    if (std::sscanf(text.c_str(), "%4d%2d%2d%2d%2d%2d", &time.tm_year, &time.tm_mon, &time.tm_mday,
                    &time.tm_hour, &time.tm_min, &time.tm_sec) == 6) {
      time.tm_year -= 1900;
      time.tm_mon -= 1;
      std::time_t seconds = timegm(&time) + 1;
      std::tm next{};
      gmtime_r(&seconds, &next);
      char buffer[32];
      std::snprintf(buffer, sizeof buffer, "%04d%02d%02d%02d%02d%02d", next.tm_year + 1900,
                    next.tm_mon + 1, next.tm_mday, next.tm_hour, next.tm_min, next.tm_sec);
      return buffer;
    }
  }
  // Decimal addition on the digits, keeping the width (leading zeros stay).
  std::string next(version);
  int i = static_cast<int>(next.size()) - 1;
  while (i >= 0 && next[i] == '9') next[i--] = '0';
  if (i < 0) return "1" + next;
  ++next[i];
  return next;
}

// Replays `files` in order onto `initial`; returns the catalog and, per file, its errors.
struct ReplayResult {
  model::Catalog catalog;
  std::vector<std::vector<Diagnostic>> errors;
};

ReplayResult ReplayInOrder(const std::vector<const ChainMigration*>& files, const model::Catalog& initial) {
  DiagnosticSink sink;
  parser::Replayer replayer(initial, &sink);
  ReplayResult result;
  for (const ChainMigration* file : files) {
    size_t before = sink.diagnostics().size();
    replayer.ReplayFile(file->source);
    std::vector<Diagnostic> errors;
    for (size_t i = before; i < sink.diagnostics().size(); ++i) {
      if (sink.diagnostics()[i].severity == Severity::kError) errors.push_back(sink.diagnostics()[i]);
    }
    result.errors.push_back(std::move(errors));
  }
  result.catalog = replayer.TakeCatalog();
  return result;
}

}  // namespace

std::string NextFreeVersion(std::string_view version, std::string_view before,
                            const std::vector<std::string>& taken) {
  if (!AllDigits(version)) return "";
  std::string candidate = Increment(version);
  while (std::find(taken.begin(), taken.end(), candidate) != taken.end()) candidate = Increment(candidate);
  if (!before.empty() && !(candidate < before)) return "";
  return candidate;
}

std::vector<VersionMove> ProposeVersionMoves(const std::vector<ChainMigration>& chain,
                                             const model::Catalog& initial) {
  std::vector<const ChainMigration*> order;
  for (const ChainMigration& migration : chain) order.push_back(&migration);
  std::vector<std::string> taken;
  for (const ChainMigration& migration : chain) taken.push_back(migration.version);

  std::vector<VersionMove> moves;
  ReplayResult baseline = ReplayInOrder(order, initial);
  for (size_t i = 0; i < chain.size(); ++i) {
    if (baseline.errors[i].empty()) continue;
    // Try each later position; the first where the file replays cleanly and no file
    // after it gains an error wins.
    for (size_t j = i + 1; j < chain.size(); ++j) {
      std::vector<const ChainMigration*> moved;
      std::vector<size_t> original_index;
      for (size_t k = 0; k < chain.size(); ++k) {
        if (k == i) continue;
        moved.push_back(&chain[k]);
        original_index.push_back(k);
        if (k == j) {
          moved.push_back(&chain[i]);
          original_index.push_back(i);
        }
      }
      ReplayResult trial = ReplayInOrder(moved, initial);
      bool clean = true;
      for (size_t position = 0; position < moved.size() && clean; ++position) {
        size_t k = original_index[position];
        if (k == i) {
          clean = trial.errors[position].empty();
        } else if (trial.errors[position].size() > baseline.errors[k].size()) {
          clean = false;
        }
      }
      if (!clean) continue;
      std::string before = j + 1 < chain.size() ? chain[j + 1].version : "";
      std::string new_version = NextFreeVersion(chain[j].version, before, taken);
      if (new_version.empty()) continue;
      taken.push_back(new_version);
      const Diagnostic& error = baseline.errors[i].front();
      moves.push_back({chain[i].version, chain[i].name, chain[i].source.path, chain[j].version,
                       new_version, error.span.ToString() + ": " + error.message});
      break;
    }
  }
  return moves;
}

}  // namespace pgdrift::planner
