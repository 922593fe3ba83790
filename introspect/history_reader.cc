#include "introspect/history_reader.h"

namespace pgdrift::introspect {

absl::StatusOr<std::optional<model::History>> ReadHistory(Session& session,
                                                          std::optional<model::HistoryTool> tool) {
  (void)session;
  (void)tool;
  return std::optional<model::History>();
}

}  // namespace pgdrift::introspect
