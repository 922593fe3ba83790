#include "model/history.h"

namespace pgdrift::model {

std::string_view HistoryToolName(HistoryTool tool) {
  switch (tool) {
    case HistoryTool::kSupabase:
      return "supabase";
    case HistoryTool::kFlyway:
      return "flyway";
    case HistoryTool::kGolangMigrate:
      return "golang-migrate";
    case HistoryTool::kDbmate:
      return "dbmate";
    case HistoryTool::kPrisma:
      return "prisma";
  }
  return "supabase";
}

}  // namespace pgdrift::model
